"use client";

import { Field, inputClasses, TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useKeptForm } from "@/components/ui/use-kept-form";
import type { FormAction, Option } from "@/components/playbooks/types";
import { fieldErrorsOf } from "@/lib/form-state";

export type PlaybookDetailsValues = {
  id: string;
  version: number;
  title: string;
  incidentType: string;
  description: string | null;
  techniqueIds: string[];
};

/**
 * Title, incident type, description and ATT&CK techniques, for a new playbook or an existing one
 * (which sends back the version it loaded, so a concurrent edit is refused rather than overwritten).
 */
export function PlaybookDetailsForm({
  action,
  values,
  incidentTypes,
  techniques,
  submitLabel,
}: {
  action: FormAction;
  values?: PlaybookDetailsValues;
  incidentTypes: Option[];
  techniques: Option[];
  submitLabel: string;
}) {
  const { state, pending, formRef, onSubmit } = useKeptForm(action, { resetOnSuccess: !values });
  const errors = fieldErrorsOf(state);
  const prefix = values ? `playbook-${values.id}` : "new-playbook";
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-4" aria-label={values ? "Edit playbook details" : "New playbook"}>
      {values ? (
        <>
          <input type="hidden" name="id" value={values.id} />
          <input type="hidden" name="version" value={values.version} />
        </>
      ) : null}
      <Field
        id={`${prefix}-title`}
        label="Title"
        name="title"
        required
        maxLength={200}
        defaultValue={values?.title}
        errors={errors.title}
        placeholder="Ransomware on a persistent volume"
      />
      <div className="space-y-1">
        <label htmlFor={`${prefix}-type`} className="block text-sm font-medium text-slate-700">
          Incident type
        </label>
        <select
          id={`${prefix}-type`}
          name="incidentType"
          defaultValue={values?.incidentType ?? ""}
          required
          className={inputClasses}
          aria-invalid={errors.incidentType ? true : undefined}
        >
          <option value="" disabled>
            Choose…
          </option>
          {incidentTypes.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </select>
        {errors.incidentType ? <p className="text-sm text-red-700">{errors.incidentType[0]}</p> : null}
      </div>
      <TextAreaField
        id={`${prefix}-description`}
        label="Description"
        name="description"
        rows={3}
        maxLength={4000}
        defaultValue={values?.description ?? ""}
        placeholder="When to use this playbook and what it assumes"
        errors={errors.description}
      />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-700">ATT&amp;CK for Containers techniques</legend>
        <div className="grid max-h-56 gap-x-4 gap-y-1 overflow-y-auto rounded-md border border-slate-200 bg-white p-2 text-sm sm:grid-cols-2">
          {techniques.map((t) => (
            <label key={t.value} className="inline-flex items-start gap-2">
              <input
                type="checkbox"
                name="attackTechniques"
                value={t.value}
                defaultChecked={values?.techniqueIds.includes(t.value)}
                className="mt-1"
              />
              <span>
                <span className="font-mono text-xs">{t.value}</span> {t.label}
              </span>
            </label>
          ))}
        </div>
        {errors.attackTechniques ? <p className="text-sm text-red-700">{errors.attackTechniques[0]}</p> : null}
      </fieldset>
      <div className="flex items-center gap-3">
        <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
