"use client";

import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ButtonVariant } from "@/components/ui/button";
import { useKeptForm } from "@/components/ui/use-kept-form";
import type { FormAction } from "@/lib/form-state";

/**
 * A one-click step change (start, claim, complete). It sends the newest version this page knows,
 * live updates included: there is nothing typed to lose, and a step that moved on in the same
 * instant is still refused by the DAL with what changed.
 */
export function StepButton({ stepId, version, action, label, variant = "secondary" }: { stepId: string; version: number; action: FormAction; label: string; variant?: ButtonVariant }) {
  const { state, pending, formRef, onSubmit } = useKeptForm(action, { resetOnSuccess: false });
  return (
    <form ref={formRef} onSubmit={onSubmit} className="contents">
      <input type="hidden" name="stepId" value={stepId} />
      <input type="hidden" name="version" value={version} />
      <SubmitButton pending={pending} variant={variant}>{label}</SubmitButton>
      {state && !state.ok ? <div className="basis-full"><FormMessage state={state} /></div> : null}
    </form>
  );
}
