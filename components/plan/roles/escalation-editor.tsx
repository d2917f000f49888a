"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { moved } from "@/components/plan/roles/move-item";
import { TierFields, type TierDraft } from "@/components/plan/roles/tier-fields";
import type { PlanRoleKind } from "@/lib/domain/plan-roles";
import type { ContactOptionDto, EscalationPolicyDto } from "@/components/plan/roles/types";

/**
 * Edits one severity's escalation as a whole: tiers are added, removed and reordered here and
 * saved together, replacing the policy's tiers in one transaction. Everything is controlled
 * state, so a refused save keeps the draft on screen.
 */
export function EscalationEditor({
  policy,
  roles,
  contacts,
  formAction,
  errors,
  onCancel,
}: {
  policy: EscalationPolicyDto;
  roles: { kind: PlanRoleKind; name: string }[];
  contacts: ContactOptionDto[];
  formAction: (formData: FormData) => void;
  errors: Record<string, string[] | undefined>;
  onCancel: () => void;
}) {
  const nextKey = useRef(policy.tiers.length);
  const [name, setName] = useState(policy.name);
  const [description, setDescription] = useState(policy.description ?? "");
  const [tiers, setTiers] = useState<TierDraft[]>(() =>
    policy.tiers.map((t, i) => ({ key: i, waitMinutes: String(t.waitMinutes), roles: t.roles.map((r) => r.kind), contacts: t.contacts })),
  );
  const prefix = `escalation-${policy.severity}`;
  const posted = tiers.map((t) => ({
    waitMinutes: t.waitMinutes.trim() === "" ? null : Number(t.waitMinutes),
    roles: t.roles,
    contactIds: t.contacts.map((c) => c.id),
  }));

  function addTier() {
    const last = tiers.at(-1);
    const wait = last ? Number(last.waitMinutes) + 15 : 0;
    setTiers([...tiers, { key: nextKey.current++, waitMinutes: String(Number.isFinite(wait) ? wait : 0), roles: [], contacts: [] }]);
  }

  return (
    <form action={formAction} aria-label={`${policy.severity} escalation editor`} className="space-y-3">
      <input type="hidden" name="severity" value={policy.severity} />
      <input type="hidden" name="version" value={policy.version} />
      <input type="hidden" name="tiers" value={JSON.stringify(posted)} />
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor={`${prefix}-name`} className="block text-xs font-medium text-slate-700">
            {policy.severity} policy name
          </label>
          <input
            id={`${prefix}-name`}
            name="name"
            required
            maxLength={160}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            className={inputClasses}
          />
          {errors.name ? <p className="text-sm text-red-700">{errors.name[0]}</p> : null}
        </div>
        <div className="space-y-1">
          <label htmlFor={`${prefix}-description`} className="block text-xs font-medium text-slate-700">
            When it applies
          </label>
          <input
            id={`${prefix}-description`}
            name="description"
            maxLength={1000}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            className={inputClasses}
          />
        </div>
      </div>
      {tiers.length === 0 ? (
        <p className="text-sm text-amber-800">No tiers yet: add the first tier (usually engaged at once, wait 0).</p>
      ) : null}
      {tiers.map((tier, index) => (
        <TierFields
          key={tier.key}
          idPrefix={prefix}
          tier={tier}
          number={index + 1}
          count={tiers.length}
          roles={roles}
          contacts={contacts}
          onChange={(changed) => setTiers(tiers.map((t) => (t.key === tier.key ? changed : t)))}
          onMove={(by) => setTiers(moved(tiers, index, by))}
          onRemove={() => setTiers(tiers.filter((t) => t.key !== tier.key))}
        />
      ))}
      {errors.tiers ? (
        <ul className="list-disc space-y-0.5 pl-5 text-sm text-red-700" aria-label="Problems with the tiers">
          {errors.tiers.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={addTier}>
          Add tier
        </Button>
        <SubmitButton>Save escalation</SubmitButton>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
