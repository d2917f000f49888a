import type { Metadata } from "next";
import Link from "next/link";
import { ImportForm } from "@/components/plan/platform/import-form";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/page";
import { listClusterNames } from "@/lib/dal/platform";
import { applyNamespaceImportAction, previewNamespaceImportAction } from "../actions";

export const metadata: Metadata = { title: "Import namespaces" };

/** Import is only ever an edit, so the page is for those who may edit the plan (others get a 404, STYLE rule 5). */
export default async function ImportNamespacesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePagePermission("plan.edit");
  const clusters = await listClusterNames(actor);
  const wanted = (await searchParams).cluster;
  const initial = clusters.find((c) => c.id === wanted || c.name === wanted) ?? clusters[0];
  return (
    <>
      <PageHeader
        title="Import namespaces from the cluster"
        description="Paste what kubectl prints for a cluster's namespaces. You see every change before anything is written: namespaces to add, labels to update, and namespaces the plan has that the list lacks (those are kept, never deleted)."
        actions={
          <Link href="/plan/platform" className="text-sm text-slate-600 underline">
            Back to clusters &amp; owners
          </Link>
        }
      />
      {initial ? (
        <ImportForm
          clusters={clusters}
          initialClusterId={initial.id}
          previewAction={previewNamespaceImportAction}
          applyAction={applyNamespaceImportAction}
        />
      ) : (
        <EmptyState title="No clusters to import into">
          <Link href="/plan/platform#add-cluster" className="text-sky-700 underline">
            Add the cluster
          </Link>{" "}
          with its owners first, then import its namespaces here.
        </EmptyState>
      )}
    </>
  );
}
