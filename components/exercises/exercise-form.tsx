"use client";

import { useState } from "react";
import { CheckboxList } from "@/components/exercises/checkbox-list";
import { ParticipantPicker, type ParticipantChoice, type ParticipantValue } from "@/components/exercises/participant-picker";
import { ScopePicker, type ScopeCluster } from "@/components/exercises/scope-picker";
import { Field, inputClasses, TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { LocalDateTimeField, withInstants } from "@/components/ui/local-date-time-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useKeptForm } from "@/components/ui/use-kept-form";
import type { Option } from "@/lib/dto/labels";
import { fieldErrorsOf, type FormAction } from "@/lib/form-state";

export type ScenarioOption = { key: string; title: string; description: string; attackTechniques: readonly string[] };

/** What the form offers to pick from (see exercise-form-options.ts). */
export type ExerciseFormChoices = {
  kinds: Option[];
  scenarios: readonly ScenarioOption[];
  techniques: Option[];
  playbooks: Option[];
  participants: ParticipantChoice[];
  planRoles: Option[];
  attendance: Option[];
  clusters: ScopeCluster[];
  repeatable: Option[];
};

/** An existing exercise's values, when the form edits one. */
export type ExerciseFormValues = {
  id: string;
  version: number;
  kind: string;
  title: string;
  scenario: string;
  scenarioDescription: string | null;
  scheduledAt: Date | null;
  conductedAt: Date | null;
  facilitator: string;
  facilitatorOrganisation: string | null;
  redTeamOrganisation: string | null;
  attackTechniques: string[];
  outcome: string | null;
  repeatsId: string | null;
  playbookVersionIds: string[];
  participants: ParticipantValue[];
  scope: string[];
};

const LOCAL_TIMES = ["scheduledAt", "conductedAt"] as const;

/**
 * Plans an exercise, or edits one: type, scenario (started from the library and edited freely),
 * when, who facilitates (and whether a third party does), who takes part in which plan role, what
 * it covers. The plan revision in force is recorded by the server.
 */
export function ExerciseForm({
  action,
  choices,
  initial,
}: {
  action: FormAction;
  choices: ExerciseFormChoices;
  initial?: ExerciseFormValues;
}) {
  const { state, pending, submit } = useKeptForm(action, { resetOnSuccess: false });
  const errors = fieldErrorsOf(state);
  const [scenario, setScenario] = useState(initial?.scenario ?? "");
  const [description, setDescription] = useState(initial?.scenarioDescription ?? "");
  const [picked, setPicked] = useState<ScenarioOption | null>(null);

  const startFrom = (key: string) => {
    const s = choices.scenarios.find((x) => x.key === key) ?? null;
    setPicked(s);
    if (s) {
      setScenario(s.title);
      setDescription(s.description);
    }
  };

  return (
    <form
      className="space-y-4"
      aria-label={initial ? "Edit exercise" : "New exercise"}
      onSubmit={(event) => {
        event.preventDefault();
        submit(withInstants(event.currentTarget, LOCAL_TIMES));
      }}
    >
      {initial ? (
        <>
          <input type="hidden" name="id" value={initial.id} />
          <input type="hidden" name="version" value={initial.version} />
        </>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor="exercise-kind" className="block text-sm font-medium text-slate-700">
            Type
          </label>
          <select id="exercise-kind" name="kind" defaultValue={initial?.kind ?? "TABLETOP"} className={inputClasses}>
            {choices.kinds.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
          <p className="text-xs text-slate-500">A purple team starts only after a completed tabletop of the same scenario.</p>
        </div>
        <Field
          id="exercise-title"
          label="Title"
          name="title"
          required
          maxLength={200}
          defaultValue={initial?.title}
          errors={errors.title}
          placeholder="Q1 tabletop"
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="exercise-library" className="block text-sm font-medium text-slate-700">
          Start from the scenario library
        </label>
        <select id="exercise-library" value={picked?.key ?? ""} onChange={(e) => startFrom(e.target.value)} className={inputClasses}>
          <option value="">{initial ? "Keep the scenario below…" : "Your own scenario…"}</option>
          {choices.scenarios.map((s) => (
            <option key={s.key} value={s.key}>
              {s.title}
            </option>
          ))}
        </select>
      </div>
      <Field
        id="exercise-scenario"
        label="Scenario"
        name="scenario"
        required
        maxLength={200}
        value={scenario}
        onChange={(e) => setScenario(e.target.value)}
        errors={errors.scenario}
        hint="A purple team is matched to its tabletop by this name."
      />
      <TextAreaField
        id="exercise-description"
        label="Scenario description"
        name="scenarioDescription"
        rows={3}
        maxLength={5000}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <LocalDateTimeField
          id="exercise-scheduled"
          label="Scheduled for"
          name="scheduledAt"
          initial={initial?.scheduledAt}
          errors={errors.scheduledAt}
        />
        {initial ? (
          <LocalDateTimeField
            id="exercise-conducted"
            label="Conducted"
            name="conductedAt"
            initial={initial.conductedAt}
            errors={errors.conductedAt}
          />
        ) : null}
        <Field
          id="exercise-facilitator"
          label="Facilitator"
          name="facilitator"
          required
          maxLength={200}
          defaultValue={initial?.facilitator}
          errors={errors.facilitator}
        />
        <Field
          id="exercise-facilitator-org"
          label="Facilitator's organisation (if a third party)"
          name="facilitatorOrganisation"
          maxLength={200}
          defaultValue={initial?.facilitatorOrganisation ?? ""}
          errors={errors.facilitatorOrganisation}
        />
        <Field
          id="exercise-red-team-org"
          label="Red team's organisation (purple team, if a third party)"
          name="redTeamOrganisation"
          maxLength={200}
          defaultValue={initial?.redTeamOrganisation ?? ""}
          errors={errors.redTeamOrganisation}
        />
        <div className="space-y-1">
          <label htmlFor="exercise-repeats" className="block text-sm font-medium text-slate-700">
            Repeats an earlier exercise
          </label>
          <select id="exercise-repeats" name="repeatsId" defaultValue={initial?.repeatsId ?? ""} className={inputClasses}>
            <option value="">No, a first run</option>
            {choices.repeatable
              .filter((o) => o.value !== initial?.id)
              .map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
          </select>
          {errors.repeatsId?.[0] ? <p className="text-sm text-red-700">{errors.repeatsId[0]}</p> : null}
        </div>
      </div>
      {/* Remounted when a library scenario is picked, so its techniques start checked. */}
      <CheckboxList
        key={picked?.key ?? "own"}
        legend="ATT&CK for Containers techniques covered"
        name="attackTechniques"
        options={choices.techniques}
        checked={picked?.attackTechniques ?? initial?.attackTechniques}
        errors={errors.attackTechniques}
      />
      <CheckboxList
        legend={
          initial ? "Playbooks exercised (the version pinned is kept)" : "Playbooks exercised (their latest published version is pinned)"
        }
        name="playbookVersionIds"
        options={choices.playbooks}
        checked={initial?.playbookVersionIds}
        errors={errors.playbookVersionIds}
      />
      <ParticipantPicker
        choices={choices.participants}
        planRoles={choices.planRoles}
        attendance={choices.attendance}
        initial={initial?.participants}
        errors={errors.participants}
      />
      <ScopePicker clusters={choices.clusters} checked={initial?.scope} errors={errors.scope} />
      {initial ? (
        <TextAreaField
          id="exercise-outcome"
          label="Outcome summary"
          name="outcome"
          rows={4}
          maxLength={10000}
          defaultValue={initial.outcome ?? ""}
        />
      ) : null}
      <div className="flex items-center gap-3">
        <SubmitButton pending={pending}>{initial ? "Save exercise" : "Record exercise"}</SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
