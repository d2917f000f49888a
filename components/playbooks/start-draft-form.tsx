"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/components/playbooks/types";

/** Starts the next version as a draft, copying the latest version's steps. */
export function StartDraftForm({ action, playbookId, nextNumber }: { action: FormAction; playbookId: string; nextNumber: number }) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="playbookId" value={playbookId} />
      <SubmitButton pendingText="Starting…">Start draft version {nextNumber}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
