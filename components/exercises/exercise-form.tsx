"use client";

import { useState } from "react";
import { Field, inputClasses } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useKeptForm } from "@/components/ui/use-kept-form";
import type { Option } from "@/lib/dto/labels";
import { fieldErrorsOf, type FormAction } from "@/lib/form-state";

export type ScenarioOption = { key: string; title: string; description: string; attackTechniques: readonly string[] };

/** `datetime-local` values are the viewer's wall-clock time: sent as instants, so the server never guesses the zone. */
const LOCAL_TIMES = ["scheduledAt", "conductedAt"];

function withInstants(form: HTMLFormElement): FormData {
  const data = new FormData(form);
  for (const name of LOCAL_TIMES) {
    const value = data.get(name);
    if (typeof value === "string" && value !== "") {
      const at = new Date(value);
      if (!Number.isNaN(at.getTime())) data.set(name, at.toISOString());
    }
  }
  return data;
}

function CheckboxList({
  legend,
  name,
  options,
  checked,
}: {
  legend: string;
  name: string;
  options: Option[];
  checked?: readonly string[];
}) {
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      {options.length === 0 ? (
        <p className="text-sm text-slate-500">None recorded yet.</p>
      ) : (
        <div className="grid max-h-48 gap-x-4 gap-y-1 overflow-y-auto rounded-md border border-slate-200 bg-white p-2 text-sm sm:grid-cols-2">
          {options.map((o) => (
            <label key={o.value} className="inline-flex min-w-0 items-start gap-2">
              <input type="checkbox" name={name} value={o.value} defaultChecked={checked?.includes(o.value)} className="mt-1" />
              <span className="break-words">{o.label}</span>
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}

/**
 * Records a planned exercise: type, scenario (started from the library and edited freely), when,
 * who facilitates (and whether a third party does), who takes part, what it covers. The plan
 * revision in force is recorded by the server.
 */
export function ExerciseForm({
  action,
  kinds,
  scenarios,
  techniques,
  playbooks,
  participants,
  clusters,
}: {
  action: FormAction;
  kinds: Option[];
  scenarios: readonly ScenarioOption[];
  techniques: Option[];
  playbooks: Option[];
  participants: Option[];
  clusters: Option[];
}) {
  const { state, pending, submit } = useKeptForm(action, { resetOnSuccess: false });
  const errors = fieldErrorsOf(state);
  const [scenario, setScenario] = useState("");
  const [description, setDescription] = useState("");
  const [picked, setPicked] = useState<ScenarioOption | null>(null);

  const startFrom = (key: string) => {
    const s = scenarios.find((x) => x.key === key) ?? null;
    setPicked(s);
    if (s) {
      setScenario(s.title);
      setDescription(s.description);
    }
  };

  return (
    <form
      className="space-y-4"
      aria-label="New exercise"
      onSubmit={(event) => {
        event.preventDefault();
        submit(withInstants(event.currentTarget));
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor="exercise-kind" className="block text-sm font-medium text-slate-700">
            Type
          </label>
          <select id="exercise-kind" name="kind" defaultValue="TABLETOP" className={inputClasses}>
            {kinds.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
          <p className="text-xs text-slate-500">A purple team starts only after a completed tabletop of the same scenario.</p>
        </div>
        <Field id="exercise-title" label="Title" name="title" required maxLength={200} errors={errors.title} placeholder="Q1 tabletop" />
      </div>
      <div className="space-y-1">
        <label htmlFor="exercise-library" className="block text-sm font-medium text-slate-700">
          Start from the scenario library
        </label>
        <select id="exercise-library" value={picked?.key ?? ""} onChange={(e) => startFrom(e.target.value)} className={inputClasses}>
          <option value="">Your own scenario…</option>
          {scenarios.map((s) => (
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
      <div className="space-y-1">
        <label htmlFor="exercise-description" className="block text-sm font-medium text-slate-700">
          Scenario description
        </label>
        <textarea
          id="exercise-description"
          name="scenarioDescription"
          rows={3}
          maxLength={5000}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          className={inputClasses}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="exercise-scheduled" label="Scheduled for" name="scheduledAt" type="datetime-local" errors={errors.scheduledAt} />
        <Field id="exercise-facilitator" label="Facilitator" name="facilitator" required maxLength={200} errors={errors.facilitator} />
        <Field
          id="exercise-facilitator-org"
          label="Facilitator's organisation (if a third party)"
          name="facilitatorOrganisation"
          maxLength={200}
          errors={errors.facilitatorOrganisation}
        />
        <Field
          id="exercise-red-team-org"
          label="Red team's organisation (purple team, if a third party)"
          name="redTeamOrganisation"
          maxLength={200}
          errors={errors.redTeamOrganisation}
        />
      </div>
      {/* Remounted when a library scenario is picked, so its techniques start checked. */}
      <CheckboxList
        key={picked?.key ?? "own"}
        legend="ATT&CK for Containers techniques covered"
        name="attackTechniques"
        options={techniques}
        checked={picked?.attackTechniques}
      />
      <CheckboxList legend="Playbooks exercised (their latest published version is pinned)" name="playbookVersionIds" options={playbooks} />
      <CheckboxList legend="Participants (invited)" name="participantRef" options={participants} />
      <CheckboxList legend="Scope: clusters" name="scope" options={clusters} />
      <div className="flex items-center gap-3">
        <SubmitButton pending={pending}>Record exercise</SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
