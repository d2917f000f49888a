"use client";

import { useKeptForm } from "@/components/ui/use-kept-form";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldErrorsOf, type ActionState } from "@/lib/form-state";
import type { FormAction } from "@/components/plan/revisions/types";

/**
 * "Publish revision…": asks for the change note and a second click. Publishing makes the saved
 * draft the plan in force, permanently; unsaved edits would not be in it, so it waits for a save.
 */
export function PublishDialog({
  draftId,
  version,
  unsaved,
  nextNumber,
  action,
  onPublished,
}: {
  draftId: string;
  version: number;
  unsaved: boolean;
  nextNumber: number;
  action: FormAction;
  onPublished: (result: ActionState) => void;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [changeNote, setChangeNote] = useState("");
  const {
    state,
    pending: publishing,
    onSubmit,
  } = useKeptForm(action, {
    resetOnSuccess: false,
    onResult: (result) => {
      if (result?.ok) onPublished(result);
      // Loads what changed underneath (a newer save shows up in the editor as someone else's text).
      else router.refresh();
    },
  });
  const errors = fieldErrorsOf(state);
  if (!open) {
    return (
      <Button onClick={() => setOpen(true)} disabled={unsaved} title={unsaved ? "Save the draft first" : undefined}>
        Publish revision…
      </Button>
    );
  }
  return (
    <div
      role="dialog"
      aria-modal="false"
      aria-labelledby="publish-dialog-title"
      className="w-full space-y-3 rounded-lg border border-sky-300 bg-sky-50 p-4"
    >
      <h3 id="publish-dialog-title" className="font-semibold">
        Publish as revision {nextNumber}?
      </h3>
      <p className="text-sm text-slate-700">
        The saved draft becomes the plan in force for everyone, with you as approver. Published revisions cannot be changed afterwards;
        later changes go into a new draft.
      </p>
      {unsaved ? (
        <p className="text-sm font-medium text-amber-800">You have unsaved changes: save the draft first, or they will not be published.</p>
      ) : null}
      <form className="space-y-3" onSubmit={onSubmit}>
        <input type="hidden" name="id" value={draftId} />
        <input type="hidden" name="version" value={version} />
        <div className="space-y-1">
          <label htmlFor="publish-change-note" className="block text-sm font-medium text-slate-700">
            Change note
          </label>
          <textarea
            id="publish-change-note"
            name="changeNote"
            value={changeNote}
            onChange={(e) => setChangeNote(e.target.value)}
            required
            maxLength={2000}
            rows={3}
            placeholder="What changed and why, e.g. the tabletop finding it fixes"
            aria-invalid={errors.changeNote ? true : undefined}
            aria-describedby={errors.changeNote ? "publish-change-note-error" : undefined}
            className={inputClasses}
          />
          {errors.changeNote ? (
            <p id="publish-change-note-error" className="text-sm text-red-700">
              {errors.changeNote[0]}
            </p>
          ) : null}
        </div>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={publishing}>
            {publishing ? "Publishing…" : "Publish"}
          </Button>
          <Button variant="ghost" onClick={() => setOpen(false)}>
            Cancel
          </Button>
        </div>
        {state && !state.ok ? <FormMessage state={state} /> : null}
      </form>
    </div>
  );
}
