"use client";

import { inputClasses } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useKeptForm } from "@/components/ui/use-kept-form";
import type { RunPlaybookChoiceDto } from "@/lib/dto/runs";
import type { FormAction } from "@/lib/form-state";

/** Starts a run of a published playbook version; the incident's suggested playbook is preselected. */
export function StartRunForm({
  incidentKey,
  choices,
  suggestedVersionId,
  action,
}: {
  incidentKey: string;
  choices: RunPlaybookChoiceDto[];
  suggestedVersionId: string | null;
  action: FormAction;
}) {
  const { state, pending, formRef, onSubmit } = useKeptForm(action, { resetOnSuccess: false });
  if (choices.length === 0) {
    return <p className="text-sm text-slate-600">No published playbook to run yet: an IR manager publishes one under Playbooks.</p>;
  }
  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex flex-wrap items-end gap-2" aria-label="Start a run">
      <input type="hidden" name="incidentKey" value={incidentKey} />
      <label className="block text-sm">
        <span className="mb-1 block font-medium text-slate-700">Playbook</span>
        <select name="playbookVersionId" defaultValue={suggestedVersionId ?? choices[0]?.versionId} className={inputClasses}>
          {choices.map((c) => (
            <option key={c.versionId} value={c.versionId}>
              {c.title} v{c.versionNumber}
              {c.versionId === suggestedVersionId ? " (suggested)" : ""}
            </option>
          ))}
        </select>
      </label>
      <SubmitButton pending={pending} pendingText="Starting…">
        Start a run
      </SubmitButton>
      <div className="basis-full">
        <FormMessage state={state} />
      </div>
    </form>
  );
}
