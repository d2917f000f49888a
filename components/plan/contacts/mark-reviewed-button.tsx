"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/components/plan/contacts/types";

/** Confirms the contact's details are current; sends the version on screen, so it confirms what was seen. */
export function MarkReviewedButton({ action, contact }: { action: FormAction; contact: { id: string; name: string; version: number } }) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-1" aria-label={`Mark ${contact.name} reviewed`}>
      <input type="hidden" name="id" value={contact.id} />
      <input type="hidden" name="version" value={contact.version} />
      <SubmitButton variant="secondary" pendingText="Marking…">
        Mark reviewed
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
