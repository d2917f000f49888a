"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { DraftEditor, type UnsavedText } from "@/components/plan/revisions/draft-editor";
import { StartDraftForm } from "@/components/plan/revisions/start-draft-form";
import type { PlanDraftDto, FormAction } from "@/components/plan/revisions/types";
import type { ActionState } from "@/lib/form-state";

/**
 * The manager's side of the revisions page: the draft editor, or "Start a draft". It outlives the
 * editor, so the outcome of publishing or discarding stays on screen, and so does unsaved text
 * when someone else published or discarded the draft underneath it.
 */
export function RevisionWorkspace({
  draft,
  publishedNumber,
  actions,
}: {
  draft: PlanDraftDto | null;
  publishedNumber: number | null;
  actions: { start: FormAction; save: FormAction; publish: FormAction; discard: FormAction };
}) {
  const [flash, setFlash] = useState<ActionState>(null);
  const [unsavedText, setUnsavedText] = useState<UnsavedText | null>(null);
  const settled = (result: ActionState) => {
    setFlash(result);
    setUnsavedText(null);
  };
  const orphaned = unsavedText && unsavedText.draftId !== draft?.id ? unsavedText : null;
  return (
    <div className="space-y-4">
      <FormMessage state={flash} />
      {orphaned ? (
        <section aria-labelledby="orphaned-text-heading" className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4">
          <h3 id="orphaned-text-heading" className="font-semibold text-amber-900">
            Your unsaved text
          </h3>
          <p className="text-sm text-amber-900">
            The draft you were editing was published or discarded by someone else. Your unsaved text is below: copy what you need into a new
            draft.
          </p>
          {orphaned.sections.map((s) => (
            <div key={s.title}>
              <p className="text-sm font-medium">{s.title}</p>
              <pre className="max-h-64 overflow-auto rounded bg-white p-2 font-mono text-xs whitespace-pre-wrap">{s.body || "(empty)"}</pre>
            </div>
          ))}
          <Button variant="ghost" onClick={() => setUnsavedText(null)}>
            Dismiss
          </Button>
        </section>
      ) : null}
      {draft ? (
        <DraftEditor
          key={draft.id}
          draft={draft}
          nextNumber={(publishedNumber ?? 0) + 1}
          actions={actions}
          onSettled={settled}
          onUnsavedChange={setUnsavedText}
        />
      ) : (
        <StartDraftForm action={actions.start} basedOn={publishedNumber} onStarted={settled} />
      )}
    </div>
  );
}
