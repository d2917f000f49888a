"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { MemberName } from "@/components/plan/roles/member-name";
import { RoleMembersEditor } from "@/components/plan/roles/role-members-editor";
import type { ActionState } from "@/lib/form-state";
import type { ContactOptionDto, FormAction, PlanRoleDto } from "@/components/plan/roles/types";
import { Cell } from "@/components/ui/data-table";

/** One IR role: who fills it and the backups; managers edit the list inline (`action` given). */
export function PlanRoleRow({ role, contacts, action }: { role: PlanRoleDto; contacts: ContactOptionDto[]; action?: FormAction }) {
  const [editing, setEditing] = useState(false);
  const [state, formAction] = useActionState(async (previous: ActionState, formData: FormData) => {
    const result = action ? await action(previous, formData) : null;
    if (result?.ok) setEditing(false);
    return result;
  }, null);
  const [first, ...backups] = role.members;
  const columns = action ? 4 : 3;
  return (
    <>
      <tr className="align-top" data-testid={`role-${role.kind}`}>
        <th scope="row" className="px-3 py-2 text-left font-normal">
          <span className="font-medium">{role.name}</span>
          {role.description ? <span className="block max-w-md text-xs text-slate-500">{role.description}</span> : null}
        </th>
        <Cell>
          {first ? (
            <MemberName name={first.name} active={first.active} detail={first.phone ?? first.email} />
          ) : (
            <span className="text-sm font-medium text-amber-800">nobody — unfilled</span>
          )}
        </Cell>
        <Cell>
          {backups.length === 0 ? (
            <span className="text-xs text-slate-500">no backup</span>
          ) : (
            <ol className="space-y-0.5">
              {backups.map((m) => (
                <li key={m.contactId}>
                  <MemberName name={m.name} active={m.active} />
                </li>
              ))}
            </ol>
          )}
        </Cell>
        {action ? (
          <Cell>
            {editing ? null : (
              <Button variant="secondary" aria-label={`Edit members of ${role.name}`} onClick={() => setEditing(true)}>
                Edit…
              </Button>
            )}
          </Cell>
        ) : null}
      </tr>
      {editing || state ? (
        <tr>
          <Cell colSpan={columns} className="space-y-2 pt-0 pb-3">
            {editing ? (
              <RoleMembersEditor role={role} contacts={contacts} formAction={formAction} onCancel={() => setEditing(false)} />
            ) : null}
            <FormMessage state={state} />
          </Cell>
        </tr>
      ) : null}
    </>
  );
}
