"use client";

import { Button } from "@/components/ui/button";
import { Field, inputClasses } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useKeptForm } from "@/components/ui/use-kept-form";
import type { FormAction, Option, PlaybookStepView } from "@/components/playbooks/types";
import { fieldErrorsOf } from "@/lib/form-state";

export type DraftRef = { playbookId: string; versionId: string; version: number };

/**
 * Adds a step to a draft, or edits one. Sends the draft's version as loaded: if someone else
 * changed the draft since, the DAL refuses and names them, and the text typed here is kept.
 */
export function StepForm({
  action,
  draft,
  step,
  phases,
  roles,
  onDone,
}: {
  action: FormAction;
  draft: DraftRef;
  step?: PlaybookStepView;
  phases: Option[];
  roles: Option[];
  onDone?: () => void;
}) {
  const { state, pending, formRef, onSubmit } = useKeptForm(action, {
    resetOnSuccess: !step,
    onResult: (result) => {
      if (result?.ok) onDone?.();
    },
  });
  const errors = fieldErrorsOf(state);
  const err = (name: string) => errors[name] ?? errors[`step.${name}`];
  const prefix = step ? `step-${step.id}` : "new-step";
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-3" aria-label={step ? `Edit step ${step.title}` : "Add a step"}>
      <input type="hidden" name="playbookId" value={draft.playbookId} />
      <input type="hidden" name="versionId" value={draft.versionId} />
      <input type="hidden" name="version" value={draft.version} />
      {step ? <input type="hidden" name="stepId" value={step.id} /> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor={`${prefix}-phase`} className="block text-sm font-medium text-slate-700">
            Phase
          </label>
          <select id={`${prefix}-phase`} name="phase" defaultValue={step?.phase ?? "CONTAINMENT"} className={inputClasses}>
            {phases.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor={`${prefix}-role`} className="block text-sm font-medium text-slate-700">
            Responsible role
          </label>
          <select id={`${prefix}-role`} name="responsibleRole" defaultValue={step?.responsibleRole ?? ""} className={inputClasses}>
            <option value="">Anyone on the incident</option>
            {roles.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Field
        id={`${prefix}-title`}
        label="Title"
        name="title"
        required
        maxLength={200}
        defaultValue={step?.title}
        errors={err("title")}
        placeholder="Preserve the pod before anything changes"
      />
      <div className="space-y-1">
        <label htmlFor={`${prefix}-instructions`} className="block text-sm font-medium text-slate-700">
          Instructions (Markdown)
        </label>
        <textarea
          id={`${prefix}-instructions`}
          name="instructions"
          required
          rows={8}
          maxLength={20000}
          defaultValue={step?.instructions}
          aria-invalid={err("instructions") ? true : undefined}
          className={`${inputClasses} font-mono text-xs`}
          placeholder={"kubectl get pod {{pod}} -n {{namespace}} -o yaml > {{incident_key}}-pod.yaml"}
        />
        {err("instructions") ? <p className="text-sm text-red-700">{err("instructions")![0]}</p> : null}
      </div>
      <div className="grid gap-3 sm:grid-cols-[1fr_10rem]">
        <Field
          id={`${prefix}-evidence`}
          label="Evidence expected (optional)"
          name="evidenceExpected"
          maxLength={1000}
          defaultValue={step?.evidenceExpected ?? ""}
          errors={err("evidenceExpected")}
        />
        <Field
          id={`${prefix}-minutes`}
          label="Expected minutes"
          name="expectedMinutes"
          type="number"
          min={1}
          max={1440}
          defaultValue={step?.expectedMinutes ?? ""}
          errors={err("expectedMinutes")}
        />
      </div>
      <div className="flex gap-2">
        <SubmitButton pending={pending}>{step ? "Save step" : "Add step"}</SubmitButton>
        {onDone && step ? (
          <Button variant="ghost" onClick={onDone}>
            Cancel
          </Button>
        ) : null}
      </div>
      <FormMessage state={state} />
    </form>
  );
}
