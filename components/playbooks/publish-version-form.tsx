"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useKeptForm } from "@/components/ui/use-kept-form";
import type { DraftRef } from "@/components/playbooks/step-form";
import type { FormAction } from "@/components/playbooks/types";
import { fieldErrorsOf } from "@/lib/form-state";

/**
 * "Publish version N…": asks for the change note and a second click. A published version is
 * immutable and new runs pin it; the server refuses an empty draft and unknown placeholders.
 */
export function PublishVersionForm({ action, draft, number }: { action: FormAction; draft: DraftRef; number: number }) {
  const [open, setOpen] = useState(false);
  const { state, pending, formRef, onSubmit } = useKeptForm(action);
  const errors = fieldErrorsOf(state);
  if (!open) {
    return (
      <div className="space-y-2">
        <Button onClick={() => setOpen(true)}>Publish version {number}…</Button>
        <FormMessage state={state?.ok ? state : null} />
      </div>
    );
  }
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      className="w-full space-y-3 rounded-lg border border-sky-300 bg-sky-50 p-4"
      aria-labelledby="publish-version-title"
    >
      <h3 id="publish-version-title" className="font-semibold">
        Publish version {number}?
      </h3>
      <p className="text-sm text-slate-700">
        Published versions cannot be changed: later changes go into a new draft. Runs started from now on use this version; runs already
        going keep theirs.
      </p>
      <input type="hidden" name="playbookId" value={draft.playbookId} />
      <input type="hidden" name="versionId" value={draft.versionId} />
      <input type="hidden" name="version" value={draft.version} />
      <TextAreaField
        id="publish-change-note"
        label="Change note"
        name="changeNote"
        required
        rows={3}
        maxLength={2000}
        placeholder="What changed and why, e.g. the tabletop finding it fixes"
        errors={errors.changeNote}
      />
      <div className="flex gap-2">
        <SubmitButton pending={pending} pendingText="Publishing…">
          Publish
        </SubmitButton>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
