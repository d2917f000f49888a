import { PlanRoleRow } from "@/components/plan/roles/plan-role-row";
import type { ContactOptionDto, FormAction, PlanRoleDto } from "@/components/plan/roles/types";
import { DataTable } from "@/components/ui/data-table";

/** The IR roles and who fills them; `action` (managers only) adds the inline member editor. */
export function PlanRolesTable({ roles, contacts, action }: { roles: PlanRoleDto[]; contacts: ContactOptionDto[]; action?: FormAction }) {
  return (
    <DataTable
      columns={["Role", "Filled by", "Backups, in order", action && { label: "Edit", srOnly: true }]}
      caption="Plan roles and who fills them"
    >
      {roles.map((role) => (
        <PlanRoleRow key={role.kind} role={role} contacts={contacts} action={action} />
      ))}
    </DataTable>
  );
}
