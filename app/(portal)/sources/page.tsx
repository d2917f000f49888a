import type { Metadata } from "next";
import { ConnectFalcoHelp } from "@/components/sources/connect-falco-help";
import { CreateSourceForm } from "@/components/sources/create-source-form";
import { SOURCE_COLUMNS } from "@/components/sources/source-cells";
import { ClusterSuggestions } from "@/components/sources/source-fields";
import { SourceRow } from "@/components/sources/source-row";
import { TableHead } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/page";
import { listClusterNamesForSources, listDetectionSources } from "@/lib/dal/detection-sources";
import { can } from "@/lib/domain/roles";
import {
  createDetectionSourceAction,
  revokeDetectionSourceAction,
  rotateDetectionSourceTokenAction,
  updateDetectionSourceAction,
} from "./actions";

export const metadata: Metadata = { title: "Detection sources" };

export default async function SourcesPage() {
  const actor = await requirePagePermission("sources.read");
  const canManage = can(actor.role, "sources.manage");
  const [sources, clusters] = await Promise.all([listDetectionSources(actor), canManage ? listClusterNamesForSources(actor) : []]);
  const actions = canManage
    ? { update: updateDetectionSourceAction, rotate: rotateDetectionSourceTokenAction, revoke: revokeDetectionSourceAction }
    : undefined;
  return (
    <>
      <PageHeader
        title="Detection sources"
        description="The Falco and falcosidekick senders allowed to post runtime alerts to Bulkhead, each with its own token. A token is shown once, when it is issued; rotating it stops the old one at once, and a revoked source stays on record."
      />
      {canManage ? (
        <section aria-labelledby="new-source" className="mb-6">
          <h2 id="new-source" className="mb-2 text-sm font-semibold tracking-wide text-slate-500 uppercase">
            New detection source
          </h2>
          <ClusterSuggestions clusters={clusters} />
          <CreateSourceForm action={createDetectionSourceAction} />
        </section>
      ) : null}
      {sources.length === 0 ? (
        <ConnectFalcoHelp canManage={canManage} />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-sm" aria-label="Detection sources">
            <TableHead columns={[...SOURCE_COLUMNS, canManage && "Manage"]} />
            {sources.map((source) => (
              <SourceRow key={source.id} source={source} actions={actions} />
            ))}
          </table>
        </div>
      )}
    </>
  );
}
