"use client";

import { useState } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useKeptForm } from "@/components/ui/use-kept-form";
import type { FormAction } from "@/lib/form-state";

/**
 * A one-click step change (start, claim, complete). It sends the newest version this page knows,
 * live updates included: there is nothing typed to lose, and a step that moved on in the same
 * instant is still refused by the DAL with what changed. With `confirm`, the click first asks
 * (taking a step over from someone who is working on it should never be an accident).
 */
export function StepButton({
  stepId,
  version,
  action,
  label,
  variant = "secondary",
  confirm,
}: {
  stepId: string;
  version: number;
  action: FormAction;
  label: string;
  variant?: ButtonVariant;
  confirm?: { question: string; yes: string };
}) {
  const { state, pending, formRef, onSubmit } = useKeptForm(action, { resetOnSuccess: false });
  const [asking, setAsking] = useState(false);
  if (confirm && !asking) {
    return (
      <Button variant={variant} onClick={() => setAsking(true)}>
        {label}…
      </Button>
    );
  }
  return (
    <form ref={formRef} onSubmit={onSubmit} className="contents">
      <input type="hidden" name="stepId" value={stepId} />
      <input type="hidden" name="version" value={version} />
      {confirm ? <span className="text-sm text-slate-700">{confirm.question}</span> : null}
      <SubmitButton pending={pending} variant={variant}>
        {confirm ? confirm.yes : label}
      </SubmitButton>
      {confirm ? (
        <Button variant="ghost" onClick={() => setAsking(false)}>
          Cancel
        </Button>
      ) : null}
      {state && !state.ok ? (
        <div className="basis-full">
          <FormMessage state={state} />
        </div>
      ) : null}
    </form>
  );
}
