"use client";

import { useState } from "react";
import { inputClasses } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useKeptForm } from "@/components/ui/use-kept-form";
import { fieldErrorsOf, type FormAction } from "@/lib/form-state";

export type StatusChoice = { to: string; label: string };

/**
 * Moves the exercise on. Cancelling asks for the reason; starting a purple team offers the IR
 * manager's override, which the server requires only when the tabletop gate refuses.
 */
export function ExerciseStatusForm({
  exerciseId,
  version,
  choices,
  purpleTeam,
  action,
}: {
  exerciseId: string;
  version: number;
  choices: StatusChoice[];
  purpleTeam: boolean;
  action: FormAction;
}) {
  const { state, pending, formRef, onSubmit } = useKeptForm(action);
  const [picked, setPicked] = useState(choices[0]?.to ?? "");
  const to = choices.some((c) => c.to === picked) ? picked : (choices[0]?.to ?? "");
  const errors = fieldErrorsOf(state);
  const refusedByGate = Boolean(errors.overrideReason);
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
      aria-label="Change status"
    >
      <input type="hidden" name="id" value={exerciseId} />
      <input type="hidden" name="version" value={version} />
      <label className="block text-sm">
        <span className="mb-1 block font-medium text-slate-700">Move to</span>
        <select name="to" value={to} onChange={(e) => setPicked(e.target.value)} className={inputClasses}>
          {choices.map((c) => (
            <option key={c.to} value={c.to}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      {to === "CANCELLED" ? (
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">Why is it cancelled? (required)</span>
          <textarea name="cancelReason" rows={2} required maxLength={2000} className={inputClasses} />
        </label>
      ) : null}
      {purpleTeam && to === "IN_PROGRESS" && refusedByGate ? (
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">Override: why go ahead anyway? (shown to everyone, auditors too)</span>
          <textarea name="overrideReason" rows={2} required maxLength={2000} className={inputClasses} />
        </label>
      ) : null}
      <SubmitButton pending={pending}>{refusedByGate && to === "IN_PROGRESS" ? "Start with this override" : "Change status"}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
