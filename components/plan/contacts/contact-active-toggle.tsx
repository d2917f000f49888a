"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/components/plan/contacts/types";

/**
 * Deactivate (with a confirmation step) or reactivate a contact. Contacts are never deleted; the
 * warning lists what the plan still names them for, because that becomes a readiness gap.
 */
export function ContactActiveToggle({
  action,
  contact,
  namedFor,
}: {
  action: FormAction;
  contact: { id: string; name: string; version: number; active: boolean };
  namedFor: string[];
}) {
  const [state, formAction] = useActionState(action, null);
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="space-y-2">
      {confirming ? (
        <form
          action={formAction}
          onSubmit={() => setConfirming(false)}
          className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3"
          aria-label={`Confirm ${contact.active ? "deactivation" : "reactivation"} of ${contact.name}`}
        >
          <input type="hidden" name="id" value={contact.id} />
          <input type="hidden" name="version" value={contact.version} />
          <input type="hidden" name="active" value={contact.active ? "false" : "true"} />
          {contact.active ? (
            <p className="text-sm text-red-900">
              Deactivate {contact.name}? They stay in the plan&apos;s history but should not be engaged.
              {namedFor.length > 0
                ? ` The plan still names them as ${namedFor.join("; ")} — that becomes a gap until you name a replacement.`
                : ""}
            </p>
          ) : (
            <p className="text-sm">Make {contact.name} active again?</p>
          )}
          <div className="flex gap-2">
            <SubmitButton variant={contact.active ? "danger" : "primary"}>
              {contact.active ? "Yes, deactivate" : "Yes, reactivate"}
            </SubmitButton>
            <Button variant="ghost" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <Button variant="secondary" onClick={() => setConfirming(true)}>
          {contact.active ? "Deactivate…" : "Reactivate…"}
        </Button>
      )}
      <FormMessage state={state} />
    </div>
  );
}
