"use client";

import { useState } from "react";
import { Field, inputClasses } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useKeptForm } from "@/components/ui/use-kept-form";
import type { ActionItemDto } from "@/lib/dto/exercises";
import type { Option } from "@/lib/dto/labels";
import { fieldErrorsOf, type FormAction } from "@/lib/form-state";

/** A due instant as the date input shows it: due dates are entered as dates (midnight UTC). */
const dateValue = (at: Date | null) => (at ? new Date(at).toISOString().slice(0, 10) : "");

/** Adds an action item to a finding, or edits one: what is to be done, by whom, by when. */
export function ActionItemForm({
  action,
  findingId,
  item,
  owners,
  idPrefix,
}: {
  action: FormAction;
  findingId: string;
  item?: ActionItemDto;
  owners: Option[];
  idPrefix: string;
}) {
  const { state, pending, formRef, onSubmit } = useKeptForm(action, { resetOnSuccess: !item });
  const errors = fieldErrorsOf(state);
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      aria-label={item ? `Edit action item ${item.title}` : "Add an action item"}
      className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3"
    >
      {item ? (
        <>
          <input type="hidden" name="id" value={item.id} />
          <input type="hidden" name="version" value={item.version} />
        </>
      ) : (
        <input type="hidden" name="findingId" value={findingId} />
      )}
      <Field
        id={`${idPrefix}-title`}
        label="What is to be done"
        name="title"
        required
        maxLength={300}
        defaultValue={item?.title}
        errors={errors.title}
      />
      <div className="grid gap-2 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor={`${idPrefix}-owner`} className="block text-sm font-medium text-slate-700">
            Owner
          </label>
          <select id={`${idPrefix}-owner`} name="ownerId" defaultValue={item?.owner?.id ?? ""} className={inputClasses}>
            <option value="">Nobody yet</option>
            {owners.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          {errors.ownerId?.[0] ? <p className="text-sm text-red-700">{errors.ownerId[0]}</p> : null}
        </div>
        <Field
          id={`${idPrefix}-due`}
          label="Due"
          name="dueAt"
          type="date"
          defaultValue={dateValue(item?.dueAt ?? null)}
          errors={errors.dueAt}
        />
      </div>
      <SubmitButton pending={pending}>{item ? "Save item" : "Add item"}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

/**
 * Moves an action item on. Won't fix asks why; done asks for the published plan revision or
 * playbook version that fixed it when the finding is about the plan or a playbook (only fixes
 * published after the finding are offered; the server checks the same).
 */
export function ActionItemStatusForm({
  action,
  item,
  choices,
  requiredFix,
  planRevisions,
  playbookVersions,
  idPrefix,
}: {
  action: FormAction;
  item: ActionItemDto;
  choices: Option[];
  requiredFix: "planRevision" | "playbookVersion" | null;
  planRevisions: Option[];
  playbookVersions: Option[];
  idPrefix: string;
}) {
  const { state, pending, formRef, onSubmit } = useKeptForm(action, { resetOnSuccess: false });
  const errors = fieldErrorsOf(state);
  const [to, setTo] = useState(choices[0]?.value ?? "");
  const offerPlan = requiredFix !== "playbookVersion";
  const offerPlaybook = requiredFix !== "planRevision";
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      aria-label={`Change the status of ${item.title}`}
      className="flex flex-wrap items-end gap-2 rounded-md border border-slate-200 bg-white p-3 text-sm"
    >
      <input type="hidden" name="id" value={item.id} />
      <input type="hidden" name="version" value={item.version} />
      <label className="block">
        <span className="mb-1 block font-medium text-slate-700">Move to</span>
        <select name="to" value={to} onChange={(e) => setTo(e.target.value)} className={inputClasses}>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      {to === "WONT_FIX" ? (
        <label className="block min-w-64 flex-1">
          <span className="mb-1 block font-medium text-slate-700">Why won&apos;t it be fixed? (required)</span>
          <input id={`${idPrefix}-reason`} name="wontFixReason" required maxLength={2000} className={inputClasses} />
        </label>
      ) : null}
      {to === "DONE" && offerPlan ? (
        <label className="block">
          <span className="mb-1 block font-medium text-slate-700">
            Fixed by plan revision{requiredFix === "planRevision" ? " (required)" : ""}
          </span>
          <select name="planRevisionId" defaultValue="" required={requiredFix === "planRevision"} className={inputClasses}>
            <option value="">{planRevisions.length ? "—" : "None published since the finding"}</option>
            {planRevisions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {to === "DONE" && offerPlaybook ? (
        <label className="block">
          <span className="mb-1 block font-medium text-slate-700">
            Fixed by playbook version{requiredFix === "playbookVersion" ? " (required)" : ""}
          </span>
          <select name="playbookVersionId" defaultValue="" required={requiredFix === "playbookVersion"} className={inputClasses}>
            <option value="">{playbookVersions.length ? "—" : "None published since the finding"}</option>
            {playbookVersions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <SubmitButton pending={pending}>Change status</SubmitButton>
      <div className="basis-full">
        <FormMessage state={state} />
        {(errors.planRevisionId?.[0] ?? errors.playbookVersionId?.[0]) ? (
          <p className="text-sm text-red-700">{errors.planRevisionId?.[0] ?? errors.playbookVersionId?.[0]}</p>
        ) : null}
      </div>
    </form>
  );
}

/** Adds an entry to the facilitator's log: what happened when (defaults to now). */
export function LogEntryForm({ action, exerciseId }: { action: FormAction; exerciseId: string }) {
  const { state, pending, formRef, submit } = useKeptForm(action);
  const errors = fieldErrorsOf(state);
  return (
    <form
      ref={formRef}
      aria-label="Add to the facilitator's log"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const at = data.get("at");
        data.set("at", typeof at === "string" && at !== "" ? new Date(at).toISOString() : new Date().toISOString());
        submit(data);
      }}
      className="mt-3 flex flex-wrap items-end gap-2 text-sm"
    >
      <input type="hidden" name="exerciseId" value={exerciseId} />
      <Field id="log-at" label="When (blank: now)" name="at" type="datetime-local" errors={errors.at} />
      <label htmlFor="log-text" className="block min-w-64 flex-1">
        <span className="mb-1 block font-medium text-slate-700">What happened</span>
        <input id="log-text" name="text" required maxLength={4000} className={inputClasses} />
      </label>
      <SubmitButton pending={pending}>Log it</SubmitButton>
      <div className="basis-full">
        <FormMessage state={state} />
      </div>
    </form>
  );
}
