"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { MemberName } from "@/components/plan/roles/member-name";
import { edgeClasses } from "@/components/plan/roles/move-item";
import type { PlanRoleKind } from "@/lib/domain/plan-roles";
import type { ContactOptionDto } from "@/components/plan/roles/types";

export type TierDraft = {
  key: number;
  waitMinutes: string;
  roles: PlanRoleKind[];
  contacts: { id: string; name: string; active: boolean }[];
};

/** One tier in the escalation editor: its wait, the roles it engages and any named contacts. */
export function TierFields({
  idPrefix,
  tier,
  number,
  count,
  roles,
  contacts,
  onChange,
  onMove,
  onRemove,
}: {
  idPrefix: string;
  tier: TierDraft;
  number: number;
  count: number;
  roles: { kind: PlanRoleKind; name: string }[];
  contacts: ContactOptionDto[];
  onChange: (tier: TierDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const [toAdd, setToAdd] = useState("");
  const id = `${idPrefix}-tier-${tier.key}`;
  const available = contacts.filter((c) => !tier.contacts.some((t) => t.id === c.id));
  const toggleRole = (kind: PlanRoleKind, on: boolean) =>
    onChange({ ...tier, roles: on ? [...tier.roles, kind] : tier.roles.filter((r) => r !== kind) });

  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 bg-white p-3">
      <legend className="px-1 text-sm font-semibold">Tier {number}</legend>
      <div className="flex flex-wrap items-end gap-3">
        <div className="space-y-1">
          <label htmlFor={`${id}-wait`} className="block text-xs font-medium text-slate-700">
            Tier {number}: engage after (minutes without acknowledgement)
          </label>
          <input
            id={`${id}-wait`}
            type="number"
            min={0}
            step={1}
            required
            inputMode="numeric"
            value={tier.waitMinutes}
            onChange={(e) => onChange({ ...tier, waitMinutes: e.currentTarget.value })}
            className={`${inputClasses} w-28`}
          />
        </div>
        <div className="ml-auto flex gap-1">
          <Button
            variant="ghost"
            className={edgeClasses}
            aria-label={`Move tier ${number} up`}
            aria-disabled={number === 1}
            onClick={() => onMove(-1)}
          >
            ↑ Up
          </Button>
          <Button
            variant="ghost"
            className={edgeClasses}
            aria-label={`Move tier ${number} down`}
            aria-disabled={number === count}
            onClick={() => onMove(1)}
          >
            ↓ Down
          </Button>
          <Button variant="ghost" aria-label={`Remove tier ${number}`} onClick={onRemove}>
            Remove tier
          </Button>
        </div>
      </div>
      <fieldset>
        <legend className="mb-1 text-xs font-medium text-slate-700">Tier {number}: roles engaged</legend>
        <div className="grid gap-1 sm:grid-cols-2 lg:grid-cols-4">
          {roles.map((role) => (
            <label key={role.kind} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                className="size-4"
                checked={tier.roles.includes(role.kind)}
                onChange={(e) => toggleRole(role.kind, e.currentTarget.checked)}
              />
              {role.name}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="space-y-1">
        <p className="text-xs font-medium text-slate-700">Tier {number}: people named directly</p>
        {tier.contacts.length === 0 ? <p className="text-xs text-slate-500">None — the roles above are engaged.</p> : null}
        <ul className="flex flex-wrap gap-2">
          {tier.contacts.map((c) => (
            <li key={c.id} className="flex items-center gap-1 rounded bg-slate-100 px-2 py-0.5 text-sm">
              <MemberName name={c.name} active={c.active} />
              <Button
                variant="ghost"
                className="px-1.5 py-0.5"
                aria-label={`Remove ${c.name} from tier ${number}`}
                onClick={() => onChange({ ...tier, contacts: tier.contacts.filter((x) => x.id !== c.id) })}
              >
                ×
              </Button>
            </li>
          ))}
        </ul>
        <div className="flex flex-wrap items-end gap-2">
          <label htmlFor={`${id}-add`} className="sr-only">
            Add a contact to tier {number}
          </label>
          <select id={`${id}-add`} value={toAdd} onChange={(e) => setToAdd(e.currentTarget.value)} className={`${inputClasses} w-auto`}>
            <option value="">Choose an active contact…</option>
            {available.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
                {c.team ? ` — ${c.team}` : ""}
              </option>
            ))}
          </select>
          <Button
            variant="secondary"
            disabled={!toAdd}
            onClick={() => {
              const contact = contacts.find((c) => c.id === toAdd);
              if (contact) onChange({ ...tier, contacts: [...tier.contacts, { id: contact.id, name: contact.name, active: true }] });
              setToAdd("");
            }}
          >
            Add contact to tier {number}
          </Button>
        </div>
      </div>
    </fieldset>
  );
}
