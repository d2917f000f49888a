"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/components/playbooks/types";

/**
 * A destructive step behind a second click: the button opens the question, the form does it. The
 * question closes on submit; until the server answers, the button says so and cannot be pressed.
 */
export function ConfirmForm({
  action,
  fields,
  trigger,
  question,
  confirm,
}: {
  action: FormAction;
  fields: Record<string, string | number>;
  trigger: string;
  question: string;
  confirm: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="space-y-2">
      {confirming ? (
        <form
          action={formAction}
          onSubmit={() => setConfirming(false)}
          className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3"
          aria-label={trigger.replace(/…$/, "")}
        >
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <p className="text-sm text-red-900">{question}</p>
          <div className="flex gap-2">
            <SubmitButton variant="danger">{confirm}</SubmitButton>
            <Button variant="ghost" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <Button variant="secondary" onClick={() => setConfirming(true)} disabled={pending} aria-disabled={pending}>
          {pending ? "Working…" : trigger}
        </Button>
      )}
      <FormMessage state={state} />
    </div>
  );
}
