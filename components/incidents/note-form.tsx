"use client";

import { inputClasses } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useKeptForm } from "@/components/ui/use-kept-form";
import type { FormAction } from "@/lib/form-state";

/** Notes are appended to the timeline; they carry no version because they overwrite nothing. */
export function NoteForm({ incidentKey, action }: { incidentKey: string; action: FormAction }) {
  const { state, pending, formRef, onSubmit } = useKeptForm(action);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-2" aria-label="Add note">
      <input type="hidden" name="key" value={incidentKey} />
      <label className="block text-sm">
        <span className="mb-1 block font-medium text-slate-700">Note for the timeline</span>
        <textarea name="note" rows={2} required maxLength={4000} className={inputClasses} />
      </label>
      <SubmitButton pending={pending} variant="secondary">
        Add note
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
