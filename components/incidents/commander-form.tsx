"use client";

import { inputClasses } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useKeptForm } from "@/components/ui/use-kept-form";
import type { FormAction } from "@/lib/form-state";

export function CommanderForm({
  incidentKey,
  version,
  commanderId,
  candidates,
  action,
}: {
  incidentKey: string;
  version: number;
  commanderId: string | null;
  candidates: { id: string; name: string; email: string }[];
  action: FormAction;
}) {
  const { state, pending, formRef, onSubmit } = useKeptForm(action, { resetOnSuccess: false });
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-2" aria-label="Assign commander">
      <input type="hidden" name="key" value={incidentKey} />
      <input type="hidden" name="version" value={version} />
      <label className="block text-sm">
        <span className="mb-1 block font-medium text-slate-700">Incident commander</span>
        <select name="commanderId" defaultValue={commanderId ?? ""} className={inputClasses}>
          <option value="">Nobody</option>
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.email})
            </option>
          ))}
        </select>
      </label>
      <SubmitButton pending={pending} variant="secondary">
        Assign
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
