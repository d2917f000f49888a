import { OwnershipRow } from "@/components/plan/platform/ownership-row";
import type { ClusterDto, OwnerContactOptionDto, FormAction } from "@/components/plan/platform/labels";
import { DataTable } from "@/components/ui/data-table";

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
    <DataTable
      columns={["Scope", "Primary owner", "Secondary owners", "Security contact", canEdit && "Edit"]}
      label={`Ownership of ${cluster.name}`}
    >
      {cluster.rows.map((row) => (
        <OwnershipRow key={`${row.scopeId}:${row.version}`} row={row} contacts={contacts} canEdit={canEdit} actions={actions} />
      ))}
    </DataTable>
  );
}
