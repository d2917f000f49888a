import { PlanRoleRow } from "@/components/plan/roles/plan-role-row";
import type { ContactOptionDto, FormAction, PlanRoleDto } from "@/components/plan/roles/types";

/** The IR roles and who fills them; `action` (managers only) adds the inline member editor. */
export function PlanRolesTable({ roles, contacts, action }: { roles: PlanRoleDto[]; contacts: ContactOptionDto[]; action?: FormAction }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Plan roles and who fills them</caption>
        <thead className="bg-slate-50 text-left text-xs tracking-wide text-slate-500 uppercase">
          <tr>
            <th scope="col" className="px-3 py-2">
              Role
            </th>
            <th scope="col" className="px-3 py-2">
              Filled by
            </th>
            <th scope="col" className="px-3 py-2">
              Backups, in order
            </th>
            {action ? (
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">Edit</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {roles.map((role) => (
            <PlanRoleRow key={role.kind} role={role} contacts={contacts} action={action} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
