import type { Metadata } from "next";
import Link from "next/link";
import { AddNamespaceForm, AddWorkloadForm } from "@/components/plan/platform/add-scope-forms";
import { ClusterDetails } from "@/components/plan/platform/cluster-details";
import { CreateClusterForm } from "@/components/plan/platform/create-cluster-form";
import { OwnershipMatrix } from "@/components/plan/platform/ownership-matrix";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/page";
import { listClusterNames, listOwnerContacts, listPlatform } from "@/lib/dal/platform";
import { can } from "@/lib/domain/roles";
import { PlatformFilter } from "@/lib/validation/platform";
import {
  addNamespaceAction,
  addWorkloadAction,
  clearScopeOwnersAction,
  createClusterAction,
  setScopeOwnersAction,
  updateClusterAction,
} from "./actions";

export const metadata: Metadata = { title: "Clusters & owners" };

export default async function PlatformPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission("plan.read");
  const canEdit = can(actor.role, "plan.edit");
  const filter = PlatformFilter.parse(await searchParams);
  const [clusters, allClusters, contacts] = await Promise.all([
    listPlatform(actor, filter),
    listClusterNames(actor),
    listOwnerContacts(actor),
  ]);
  const ownerActions = { setOwners: setScopeOwnersAction, clearOwners: clearScopeOwnersAction };
  const filtered = Boolean(filter.cluster || filter.q);

  return (
    <>
      <PageHeader
        title="Clusters & owners"
        description="Every cluster, namespace (or pattern such as payments-*) and workload has a DevOps primary owner, at least one different secondary owner and a security contact. A scope without its own owners inherits them — a workload from its namespace, a namespace from the most specific matching pattern, then its cluster."
        actions={
          canEdit ? (
            <Link href="/plan/platform/import" className={buttonClasses("secondary")}>
              Import namespaces from kubectl
            </Link>
          ) : null
        }
      />

      <form method="get" className="mb-4 flex flex-wrap items-end gap-2" aria-label="Filter clusters and namespaces">
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">Cluster</span>
          <select name="cluster" defaultValue={filter.cluster ?? ""} className="rounded-md border border-slate-300 px-2.5 py-1.5 text-sm">
            <option value="">All clusters</option>
            {allClusters.map((c) => (
              <option key={c.id} value={c.name}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">Namespace or workload</span>
          <input
            name="q"
            defaultValue={filter.q}
            placeholder="e.g. payments"
            className="rounded-md border border-slate-300 px-2.5 py-1.5 text-sm"
          />
        </label>
        <button type="submit" className={buttonClasses("secondary")}>
          Filter
        </button>
        {filtered ? (
          <Link href="/plan/platform" className="px-2 py-1.5 text-sm text-slate-600 underline">
            Show everything
          </Link>
        ) : null}
      </form>

      {clusters.length === 0 ? (
        <EmptyState title={filtered ? "No cluster matches this filter" : "No clusters in the plan yet"}>
          {filtered
            ? "Choose another cluster or clear the filter."
            : canEdit
              ? "Add your first cluster below with its primary owner, secondary owners and security contact, then import its namespaces from kubectl."
              : "An IR manager adds clusters and their owners here."}
        </EmptyState>
      ) : null}

      <div className="space-y-10">
        {clusters.map((cluster) => (
          <section key={cluster.id} aria-labelledby={`cluster-${cluster.id}`} className="space-y-3">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id={`cluster-${cluster.id}`} className="text-lg font-semibold">
                {cluster.name}
              </h2>
              <p className="text-xs text-slate-500">
                {cluster.namespaces.length} namespaces and patterns · updated <LocalTime value={cluster.updatedAt} />
              </p>
            </div>
            <ClusterDetails key={`${cluster.id}:${cluster.version}`} cluster={cluster} canEdit={canEdit} action={updateClusterAction} />
            <OwnershipMatrix cluster={cluster} contacts={contacts} canEdit={canEdit} actions={ownerActions} />
            {filter.q && cluster.rows.length === 1 ? (
              <p className="text-sm text-slate-600">
                No namespace or workload of {cluster.name} matches “{filter.q}”.
              </p>
            ) : null}
            {canEdit ? (
              <div className="grid gap-3 lg:grid-cols-2">
                <AddNamespaceForm clusterId={cluster.id} clusterName={cluster.name} action={addNamespaceAction} />
                <AddWorkloadForm cluster={cluster} action={addWorkloadAction} />
              </div>
            ) : null}
          </section>
        ))}
      </div>

      {canEdit ? (
        <section className="mt-10" aria-labelledby="add-cluster">
          <h2 id="add-cluster" className="mb-2 text-sm font-semibold tracking-wide text-slate-500 uppercase">
            Add a cluster
          </h2>
          <CreateClusterForm action={createClusterAction} contacts={contacts} />
        </section>
      ) : (
        <p className="mt-8 text-sm text-slate-500">Only IR managers change clusters and owners; you see the plan as it stands.</p>
      )}
    </>
  );
}
