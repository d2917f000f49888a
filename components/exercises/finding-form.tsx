"use client";

import { useState } from "react";
import { Field, TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useKeptForm } from "@/components/ui/use-kept-form";
import type { FindingDto } from "@/lib/dto/exercises";
import type { Option } from "@/lib/dto/labels";
import { fieldErrorsOf, type FormAction } from "@/lib/form-state";

/** What a finding can be about, and the earlier findings it can recur. */
export type FindingChoices = {
  categories: Option[];
  severities: Option[];
  planSections: Option[];
  playbooks: { id: string; title: string; steps: { id: string; title: string; position: number }[] }[];
  techniques: Option[];
  clusters: Option[];
  /** Findings of the exercise this one repeats (empty when it repeats none). */
  earlierFindings: Option[];
};

/**
 * Records a finding of an exercise, or edits one: what was observed, the recommendation, and what
 * it concerns (a plan section, a playbook step, a technique, a cluster). A finding about the plan
 * or a playbook closes only through a published fix, so naming the concern matters.
 */
export function FindingForm({
  action,
  exerciseId,
  choices,
  finding,
  idPrefix,
}: {
  action: FormAction;
  exerciseId: string;
  choices: FindingChoices;
  finding?: FindingDto;
  idPrefix: string;
}) {
  const { state, pending, formRef, onSubmit } = useKeptForm(action, { resetOnSuccess: !finding });
  const errors = fieldErrorsOf(state);
  const [playbookId, setPlaybookId] = useState(finding?.playbook?.id ?? "");
  const steps = choices.playbooks.find((p) => p.id === playbookId)?.steps ?? [];
  const stepOptions = steps.map((s) => ({ value: s.id, label: `${s.position + 1}. ${s.title}` }));
  if (finding?.playbookStep && finding.playbook?.id === playbookId && !steps.some((s) => s.id === finding.playbookStep!.id)) {
    stepOptions.unshift({ value: finding.playbookStep.id, label: `${finding.playbookStep.position + 1}. ${finding.playbookStep.title}` });
  }
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      aria-label={finding ? `Edit finding ${finding.title}` : "Record a finding"}
      className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4"
    >
      {finding ? (
        <>
          <input type="hidden" name="id" value={finding.id} />
          <input type="hidden" name="version" value={finding.version} />
        </>
      ) : (
        <input type="hidden" name="exerciseId" value={exerciseId} />
      )}
      <Field id={id("title")} label="Finding" name="title" required maxLength={200} defaultValue={finding?.title} errors={errors.title} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          id={id("category")}
          label="Category"
          name="category"
          options={choices.categories}
          defaultValue={finding?.category ?? "PLAN"}
          errors={errors.category}
        />
        <SelectField
          id={id("severity")}
          label="Severity"
          name="severity"
          options={choices.severities}
          defaultValue={finding?.severity ?? "MEDIUM"}
          errors={errors.severity}
        />
      </div>
      <TextAreaField
        id={id("description")}
        label="What was observed"
        name="description"
        rows={3}
        maxLength={10000}
        defaultValue={finding?.description ?? ""}
      />
      <TextAreaField
        id={id("recommendation")}
        label="Recommendation"
        name="recommendation"
        rows={2}
        required
        maxLength={10000}
        defaultValue={finding?.recommendation ?? ""}
        errors={errors.recommendation}
      />
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-1 text-sm font-medium text-slate-700">What it concerns (optional)</legend>
        <SelectField
          id={id("plan-section")}
          label="Plan section"
          name="planSectionKey"
          options={choices.planSections}
          defaultValue={finding?.planSectionKey ?? ""}
          blank="—"
          errors={errors.planSectionKey}
        />
        <SelectField
          id={id("playbook")}
          label="Playbook"
          name="playbookId"
          options={choices.playbooks.map((p) => ({ value: p.id, label: p.title }))}
          value={playbookId}
          onChange={setPlaybookId}
          blank="—"
          errors={errors.playbookId}
        />
        <SelectField
          key={playbookId}
          id={id("step")}
          label="Playbook step"
          name="playbookStepId"
          options={stepOptions}
          defaultValue={finding?.playbookStep?.id ?? ""}
          blank={playbookId ? "The playbook as a whole" : "Choose a playbook first"}
          errors={errors.playbookStepId}
        />
        <SelectField
          id={id("technique")}
          label="ATT&CK technique"
          name="attackTechnique"
          options={choices.techniques}
          defaultValue={finding?.attackTechnique ?? ""}
          blank="—"
          errors={errors.attackTechnique}
        />
        <SelectField
          id={id("cluster")}
          label="Cluster"
          name="clusterId"
          options={choices.clusters}
          defaultValue={finding?.cluster?.id ?? ""}
          blank="—"
          errors={errors.clusterId}
        />
        {choices.earlierFindings.length ? (
          <SelectField
            id={id("recurrence")}
            label="Recurs a finding of the repeated exercise"
            name="recurrenceOfId"
            options={choices.earlierFindings}
            defaultValue={finding?.recurrenceOfId ?? ""}
            blank="No, new this time"
            errors={errors.recurrenceOfId}
          />
        ) : null}
      </fieldset>
      <SubmitButton pending={pending}>{finding ? "Save finding" : "Record finding"}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
