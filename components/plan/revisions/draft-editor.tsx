"use client";

import { useKeptForm } from "@/components/ui/use-kept-form";
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { LocalTime } from "@/components/ui/local-time";
import { DiscardDraftButton } from "@/components/plan/revisions/discard-draft-button";
import { PublishDialog } from "@/components/plan/revisions/publish-dialog";
import type { PlanDraftDto, FormAction } from "@/components/plan/revisions/types";
import { MAX_SECTION_BODY, normalizeBody } from "@/lib/domain/plan-text";
import type { ActionState } from "@/lib/form-state";

type Bodies = Record<string, string>;

export type UnsavedText = { draftId: string; sections: { title: string; body: string }[] };

const bodiesOf = (sections: PlanDraftDto["sections"]): Bodies => Object.fromEntries(sections.map((s) => [s.key, s.body]));

/**
 * The draft editor: one textarea per section. The text lives in component state, so a failed save
 * (a conflict above all) never loses it. After a conflict the page reloads the latest draft in the
 * background; each section someone else changed shows their text, and saving waits until the
 * editor has chosen theirs or kept their own for each — an overwrite is never silent.
 */
export function DraftEditor({
  draft,
  nextNumber,
  actions,
  onSettled,
  onUnsavedChange,
}: {
  draft: PlanDraftDto;
  nextNumber: number;
  actions: { save: FormAction; publish: FormAction; discard: FormAction };
  onSettled: (result: ActionState) => void;
  /** Told the unsaved text, so it survives this editor if the draft is published or discarded meanwhile. */
  onUnsavedChange: (unsaved: UnsavedText | null) => void;
}) {
  const router = useRouter();
  const [bodies, setBodies] = useState<Bodies>(() => bodiesOf(draft.sections));
  // The saved text this editor last loaded or saved itself; the server's text differing from it
  // means someone else saved in between.
  const [baseline, setBaseline] = useState<Bodies>(() => bodiesOf(draft.sections));
  const {
    state,
    pending: saving,
    onSubmit,
  } = useKeptForm(actions.save, {
    resetOnSuccess: false,
    onResult: (result, formData) => {
      if (result?.ok) setBaseline(Object.fromEntries(draft.sections.map((s) => [s.key, normalizeBody(String(formData.get(s.key) ?? ""))])));
      else router.refresh();
    },
  });

  const changedByOthers = draft.sections.filter((s) => s.body !== baseline[s.key]);
  const unsaved = draft.sections.some((s) => normalizeBody(bodies[s.key] ?? "") !== s.body);

  useEffect(() => {
    onUnsavedChange(
      unsaved ? { draftId: draft.id, sections: draft.sections.map((s) => ({ title: s.title, body: bodies[s.key] ?? "" })) } : null,
    );
  }, [unsaved, bodies, draft.id, draft.sections, onUnsavedChange]);

  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);

  const keepFor = (key: string, body: string) => setBaseline((b) => ({ ...b, [key]: body }));

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        Started by {draft.author?.name ?? "unknown"} <LocalTime value={draft.createdAt} />
        {draft.lastSaved ? (
          <>
            {" "}
            · last saved by {draft.lastSaved.by} <LocalTime value={draft.lastSaved.at} />
          </>
        ) : null}
        {unsaved ? (
          <>
            {" "}
            <Badge tone="warn">unsaved changes</Badge>
          </>
        ) : null}
      </p>
      <form aria-label="Draft plan text" className="space-y-5" onSubmit={onSubmit}>
        <input type="hidden" name="id" value={draft.id} />
        <input type="hidden" name="version" value={draft.version} />
        {draft.sections.map((section) => {
          const id = `draft-section-${section.key}`;
          const error = state && !state.ok ? state.fieldErrors?.[section.key]?.[0] : undefined;
          const theirs = changedByOthers.find((s) => s.key === section.key);
          return (
            <div key={section.key} className="space-y-1">
              <div className="flex items-baseline justify-between gap-2">
                <label htmlFor={id} className="block text-sm font-semibold text-slate-800">
                  {section.title}
                </label>
                <span className="text-xs text-slate-500">
                  {(bodies[section.key] ?? "").length.toLocaleString("en")} / {MAX_SECTION_BODY.toLocaleString("en")}
                </span>
              </div>
              <textarea
                id={id}
                name={section.key}
                value={bodies[section.key] ?? ""}
                onChange={(e) => setBodies((b) => ({ ...b, [section.key]: e.target.value }))}
                rows={12}
                maxLength={MAX_SECTION_BODY}
                spellCheck
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                className={`${inputClasses} font-mono text-xs leading-5`}
              />
              {error ? (
                <p id={`${id}-error`} className="text-sm text-red-700">
                  {error}
                </p>
              ) : null}
              {theirs ? (
                <div
                  role="note"
                  aria-label={`${section.title}: saved by someone else`}
                  className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm"
                >
                  <p className="text-amber-900">
                    {draft.lastSaved?.by ?? "Someone else"} saved a different {section.title.toLowerCase()} since you loaded it. Your text
                    is in the box above; theirs is:
                  </p>
                  <pre className="max-h-64 overflow-auto rounded bg-white p-2 font-mono text-xs whitespace-pre-wrap">
                    {theirs.body || "(empty)"}
                  </pre>
                  <div className="flex flex-wrap gap-2">
                    <Button
                      variant="secondary"
                      onClick={() => {
                        setBodies((b) => ({ ...b, [section.key]: theirs.body }));
                        keepFor(section.key, theirs.body);
                      }}
                    >
                      Use their text
                    </Button>
                    <Button variant="ghost" onClick={() => keepFor(section.key, theirs.body)}>
                      Keep mine (replaces theirs when saved)
                    </Button>
                  </div>
                </div>
              ) : null}
            </div>
          );
        })}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={saving || changedByOthers.length > 0}>
            {saving ? "Saving…" : "Save draft"}
          </Button>
          {changedByOthers.length > 0 ? (
            <span className="text-sm text-amber-800">Choose their text or keep yours for each highlighted section, then save.</span>
          ) : null}
        </div>
        <FormMessage state={state} />
      </form>
      <div className="flex flex-wrap items-start gap-3 border-t border-slate-200 pt-4">
        <PublishDialog
          draftId={draft.id}
          version={draft.version}
          unsaved={unsaved}
          nextNumber={nextNumber}
          action={actions.publish}
          onPublished={onSettled}
        />
        <DiscardDraftButton draftId={draft.id} version={draft.version} action={actions.discard} onDiscarded={onSettled} />
        {unsaved ? <span className="self-center text-sm text-slate-600">Save your changes before publishing.</span> : null}
      </div>
    </div>
  );
}
