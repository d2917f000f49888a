"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/form-state";
import type { FormAction } from "@/components/plan/revisions/types";

/** "Start a draft": copies the published text into the one draft managers edit together. */
export function StartDraftForm({
  action,
  basedOn,
  onStarted,
}: {
  action: FormAction;
  basedOn: number | null;
  onStarted: (result: ActionState) => void;
}) {
  const [state, formAction] = useActionState(async (previous: ActionState, formData: FormData) => {
    const result = await action(previous, formData);
    if (result?.ok) onStarted(result);
    return result;
  }, null);
  return (
    <form action={formAction} className="space-y-2 rounded-lg border border-dashed border-slate-300 bg-white p-4">
      <p className="text-sm text-slate-700">
        {basedOn
          ? `No draft is open. A new draft starts as a copy of revision ${basedOn}; readers keep seeing revision ${basedOn} until the draft is published.`
          : "Nothing has been published yet. Start a draft, write the plan's sections and publish it as revision 1."}
      </p>
      <SubmitButton pendingText="Starting…">Start a draft</SubmitButton>
      {state && !state.ok ? <FormMessage state={state} /> : null}
    </form>
  );
}
