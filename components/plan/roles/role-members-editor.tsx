"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { MemberName } from "@/components/plan/roles/member-name";
import { edgeClasses, moved } from "@/components/plan/roles/move-item";
import type { ContactOptionDto, PlanRoleDto } from "@/components/plan/roles/types";

type Member = { contactId: string; name: string; active: boolean };

/**
 * The ordered member list of one role: the first person fills it, the rest back them up in order.
 * Reordering uses buttons, not drag and drop, so it works from the keyboard and screen readers.
 */
export function RoleMembersEditor({
  role,
  contacts,
  formAction,
  onCancel,
}: {
  role: PlanRoleDto;
  contacts: ContactOptionDto[];
  formAction: (formData: FormData) => void;
  onCancel: () => void;
}) {
  const [members, setMembers] = useState<Member[]>(() => role.members.map(({ contactId, name, active }) => ({ contactId, name, active })));
  const [toAdd, setToAdd] = useState("");
  const available = contacts.filter((c) => !members.some((m) => m.contactId === c.id));
  const addId = `add-member-${role.kind}`;

  function add() {
    const contact = contacts.find((c) => c.id === toAdd);
    if (!contact) return;
    setMembers([...members, { contactId: contact.id, name: contact.name, active: true }]);
    setToAdd("");
  }

  return (
    <form
      action={formAction}
      aria-label={`Members of ${role.name}`}
      className="space-y-3 rounded-md border border-sky-200 bg-sky-50/50 p-3"
    >
      <input type="hidden" name="kind" value={role.kind} />
      <input type="hidden" name="version" value={role.version} />
      {members.map((m) => (
        <input key={m.contactId} type="hidden" name="contactId" value={m.contactId} />
      ))}
      {members.length === 0 ? (
        <p className="text-sm text-amber-800">Nobody fills {role.name}. Add someone below, or save to leave the role unfilled.</p>
      ) : (
        <ol className="space-y-1.5">
          {members.map((m, index) => (
            <li key={m.contactId} className="flex flex-wrap items-center gap-2 rounded bg-white px-2 py-1.5 text-sm shadow-sm">
              <span className="w-20 text-xs text-slate-500">{index === 0 ? "fills it" : `backup ${index}`}</span>
              <span className="min-w-40 flex-1">
                <MemberName name={m.name} active={m.active} detail={m.active ? null : "remove before saving"} />
              </span>
              <Button
                variant="ghost"
                className={edgeClasses}
                aria-label={`Move ${m.name} up`}
                aria-disabled={index === 0}
                onClick={() => setMembers(moved(members, index, -1))}
              >
                ↑ Up
              </Button>
              <Button
                variant="ghost"
                className={edgeClasses}
                aria-label={`Move ${m.name} down`}
                aria-disabled={index === members.length - 1}
                onClick={() => setMembers(moved(members, index, 1))}
              >
                ↓ Down
              </Button>
              <Button
                variant="ghost"
                aria-label={`Remove ${m.name}`}
                onClick={() => setMembers(members.filter((x) => x.contactId !== m.contactId))}
              >
                Remove
              </Button>
            </li>
          ))}
        </ol>
      )}
      <div className="flex flex-wrap items-end gap-2">
        <div className="space-y-1">
          <label htmlFor={addId} className="block text-xs font-medium text-slate-700">
            Add a member to {role.name}
          </label>
          <select id={addId} value={toAdd} onChange={(e) => setToAdd(e.currentTarget.value)} className={inputClasses}>
            <option value="">Choose an active contact…</option>
            {available.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
                {c.team ? ` — ${c.team}` : ""}
              </option>
            ))}
          </select>
        </div>
        <Button variant="secondary" onClick={add} disabled={!toAdd}>
          Add member
        </Button>
      </div>
      <div className="flex gap-2">
        <SubmitButton>Save members</SubmitButton>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
