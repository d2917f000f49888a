"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/form-state";
import type { FormAction } from "@/components/plan/revisions/types";

/** "Discard draft…" with a confirmation: the draft's edits are gone afterwards (the audit log keeps them). */
export function DiscardDraftButton({
  draftId,
  version,
  action,
  onDiscarded,
}: {
  draftId: string;
  version: number;
  action: FormAction;
  onDiscarded: (result: ActionState) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [state, formAction] = useActionState(async (previous: ActionState, formData: FormData) => {
    const result = await action(previous, formData);
    if (result?.ok) onDiscarded(result);
    return result;
  }, null);
  if (!confirming) {
    return (
      <Button variant="secondary" onClick={() => setConfirming(true)}>
        Discard draft…
      </Button>
    );
  }
  return (
    <form
      action={formAction}
      role="group"
      aria-label="Confirm discarding the draft"
      className="flex flex-wrap items-center gap-2 rounded-md border border-red-200 bg-red-50 px-3 py-2"
    >
      <input type="hidden" name="id" value={draftId} />
      <input type="hidden" name="version" value={version} />
      <span className="text-sm text-red-900">Discard this draft and everyone&apos;s edits in it? The published plan stays as it is.</span>
      <SubmitButton variant="danger" pendingText="Discarding…">
        Yes, discard draft
      </SubmitButton>
      <Button variant="ghost" onClick={() => setConfirming(false)}>
        Cancel
      </Button>
      {state && !state.ok ? <FormMessage state={state} /> : null}
    </form>
  );
}
