import { OwnershipRow } from "@/components/plan/platform/ownership-row";
import type { ClusterDto, OwnerContactOptionDto, FormAction } from "@/components/plan/platform/labels";

/** Scopes × primary / secondaries / security for one cluster. */
export function OwnershipMatrix({
  cluster,
  contacts,
  canEdit,
  actions,
}: {
  cluster: ClusterDto;
  contacts: OwnerContactOptionDto[];
  canEdit: boolean;
  actions: { setOwners: FormAction; clearOwners: FormAction };
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label={`Ownership of ${cluster.name}`}>
        <thead className="bg-slate-50 text-left text-xs tracking-wide text-slate-500 uppercase">
          <tr>
            <th scope="col" className="px-3 py-2">
              Scope
            </th>
            <th scope="col" className="px-3 py-2">
              Primary owner
            </th>
            <th scope="col" className="px-3 py-2">
              Secondary owners
            </th>
            <th scope="col" className="px-3 py-2">
              Security contact
            </th>
            {canEdit ? (
              <th scope="col" className="px-3 py-2">
                Edit
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {cluster.rows.map((row) => (
            <OwnershipRow key={`${row.scopeId}:${row.version}`} row={row} contacts={contacts} canEdit={canEdit} actions={actions} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
