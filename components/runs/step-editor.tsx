"use client";

import { useKeptForm } from "@/components/ui/use-kept-form";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { RunStepDto } from "@/lib/dto/runs";
import type { FormAction } from "@/lib/form-state";
import type { Assignee } from "./types";

export type EditorKind = "notes" | "skip" | "block" | "assign" | "reopen" | "complete";

const SUBMIT: Record<EditorKind, string> = {
  notes: "Save notes",
  skip: "Skip step",
  block: "Mark blocked",
  assign: "Assign",
  reopen: "Reopen step",
  complete: "Complete step",
};

/**
 * A form someone fills in over time (notes, a reason, an assignee). It keeps the version the step
 * had when editing began: if the step changes meanwhile (a live update), it says so, and the DAL
 * refuses the stale save with what changed instead of silently overwriting it.
 */
export function StepEditor({
  kind,
  step,
  action,
  assignees,
  onClose,
}: {
  kind: EditorKind;
  step: RunStepDto;
  action: FormAction;
  assignees: Assignee[];
  onClose: () => void;
}) {
  const [baseVersion, setBaseVersion] = useState(step.version);
  const { state, pending, onSubmit } = useKeptForm(action, {
    resetOnSuccess: false,
    onResult: (result) => {
      if (result?.ok) onClose();
    },
  });
  // While this form's own save is in flight, its live echo may arrive first: that is not someone else.
  const changedMeanwhile = step.version > baseVersion && !pending;
  const id = `${kind}-${step.id}`;
  return (
    <form
      onSubmit={onSubmit}
      className="mt-3 space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3"
      aria-label={`${SUBMIT[kind]}: ${step.title}`}
    >
      <input type="hidden" name="stepId" value={step.id} />
      <input type="hidden" name="version" value={baseVersion} />
      {kind === "notes" ? (
        <label htmlFor={id} className="block text-sm font-medium text-slate-700">
          Notes
          <textarea id={id} name="notes" rows={3} maxLength={4000} defaultValue={step.notes ?? ""} className={`${inputClasses} mt-1`} />
        </label>
      ) : null}
      {kind === "skip" || kind === "block" ? (
        <label htmlFor={id} className="block text-sm font-medium text-slate-700">
          {kind === "skip" ? "Why skip this step? (required)" : "What is blocking it? (required)"}
          <textarea id={id} name="reason" rows={2} required maxLength={2000} className={`${inputClasses} mt-1`} />
        </label>
      ) : null}
      {kind === "complete" ? (
        <label htmlFor={id} className="block text-sm font-medium text-slate-700">
          This step expects evidence and none is attached. Why complete it without? (required)
          <textarea id={id} name="noEvidenceReason" rows={2} required maxLength={2000} className={`${inputClasses} mt-1`} />
        </label>
      ) : null}
      {kind === "assign" ? (
        <label htmlFor={id} className="block text-sm font-medium text-slate-700">
          Assign to
          <select id={id} name="assigneeId" required defaultValue={step.assigneeId ?? ""} className={`${inputClasses} mt-1`}>
            <option value="" disabled>
              Choose a responder or IR manager
            </option>
            {assignees.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {kind === "reopen" ? (
        <label htmlFor={id} className="block text-sm font-medium text-slate-700">
          Reopen as
          <select id={id} name="to" defaultValue="TODO" className={`${inputClasses} mt-1`}>
            <option value="TODO">To do</option>
            <option value="IN_PROGRESS">In progress, worked by me</option>
          </select>
        </label>
      ) : null}
      {changedMeanwhile ? (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Changed by {step.updatedByName ?? "someone"} while you were editing. Saving now will be refused rather than overwrite their
          change.{" "}
          <button type="button" className="underline" onClick={() => setBaseVersion(step.version)}>
            Keep my text and edit the latest version
          </button>
        </p>
      ) : null}
      <div className="flex gap-2">
        <SubmitButton pending={pending} variant={kind === "skip" || kind === "block" ? "danger" : "primary"}>
          {SUBMIT[kind]}
        </SubmitButton>
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
