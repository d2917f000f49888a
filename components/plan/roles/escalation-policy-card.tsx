"use client";

import { useActionState, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { EscalationEditor } from "@/components/plan/roles/escalation-editor";
import { EscalationTierList } from "@/components/plan/roles/escalation-tier-list";
import { fieldErrorsOf, type ActionState } from "@/lib/form-state";
import type { PlanRoleKind } from "@/lib/domain/plan-roles";
import type { ContactOptionDto, EscalationPolicyDto, FormAction } from "@/components/plan/roles/types";

const SEVERITY_TONE = { SEV1: "bad", SEV2: "warn", SEV3: "info", SEV4: "neutral" } as const;

/** One severity's escalation; managers (`action` given) open the editor in place. */
export function EscalationPolicyCard({
  policy,
  roles,
  contacts,
  action,
}: {
  policy: EscalationPolicyDto;
  roles: { kind: PlanRoleKind; name: string }[];
  contacts: ContactOptionDto[];
  action?: FormAction;
}) {
  const [editing, setEditing] = useState(false);
  const [state, formAction] = useActionState(async (previous: ActionState, formData: FormData) => {
    const result = action ? await action(previous, formData) : null;
    if (result?.ok) setEditing(false);
    return result;
  }, null);
  const headingId = `escalation-${policy.severity}-heading`;
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-slate-200 bg-white p-4"
      data-testid={`escalation-${policy.severity}`}
    >
      <div className="mb-3 flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 id={headingId} className="flex items-center gap-2 font-semibold">
            <Badge tone={SEVERITY_TONE[policy.severity]}>{policy.severity}</Badge>
            {policy.name}
          </h3>
          {policy.description ? <p className="mt-1 text-sm text-slate-600">{policy.description}</p> : null}
        </div>
        {action && !editing ? (
          <Button variant="secondary" onClick={() => setEditing(true)}>
            Edit {policy.severity} escalation
          </Button>
        ) : null}
      </div>
      {editing ? (
        <EscalationEditor
          policy={policy}
          roles={roles}
          contacts={contacts}
          formAction={formAction}
          errors={fieldErrorsOf(state)}
          onCancel={() => setEditing(false)}
        />
      ) : policy.tiers.length === 0 ? (
        <p className="text-sm text-amber-800">
          No tiers: nobody is engaged automatically at {policy.severity}.{action ? " Edit to add the first tier." : ""}
        </p>
      ) : (
        <EscalationTierList tiers={policy.tiers} />
      )}
      {/* A refused save lists its problems in the editor; the summary would only repeat them. */}
      {editing && fieldErrorsOf(state).tiers ? null : (
        <div className="mt-2">
          <FormMessage state={state} />
        </div>
      )}
    </section>
  );
}
