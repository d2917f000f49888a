"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { ArrowDown, ArrowUp } from "lucide-react";
import { Button, buttonClasses } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { StepForm, type DraftRef } from "@/components/playbooks/step-form";
import type { FormAction, Option, PlaybookStepView } from "@/components/playbooks/types";

function Hidden({ draft, stepId }: { draft: DraftRef; stepId: string }) {
  return (
    <>
      <input type="hidden" name="playbookId" value={draft.playbookId} />
      <input type="hidden" name="versionId" value={draft.versionId} />
      <input type="hidden" name="version" value={draft.version} />
      <input type="hidden" name="stepId" value={stepId} />
    </>
  );
}

/** Edit, move up/down within the phase, and remove (after a confirmation) one step of a draft. */
export function StepControls({
  draft,
  step,
  first,
  last,
  phases,
  roles,
  actions,
}: {
  draft: DraftRef;
  step: PlaybookStepView;
  first: boolean;
  last: boolean;
  phases: Option[];
  roles: Option[];
  actions: { update: FormAction; move: FormAction; remove: FormAction };
}) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [moveState, move] = useActionState(actions.move, null);
  const upRef = useRef<HTMLButtonElement>(null);
  const downRef = useRef<HTMLButtonElement>(null);
  const lastDirection = useRef<"up" | "down">("up");
  // Reordering re-inserts DOM nodes, which can drop focus: put it back on the button just used
  // (or its twin, once the step reached the end of its phase), so the keyboard user can keep going.
  useEffect(() => {
    if (!moveState?.ok) return;
    const [preferred, other] = lastDirection.current === "up" ? [upRef, downRef] : [downRef, upRef];
    (preferred.current && !preferred.current.disabled ? preferred.current : other.current)?.focus();
  }, [moveState]);
  const [removeState, remove] = useActionState(actions.remove, null);
  if (editing) {
    return (
      <div className="mt-3 rounded-md border border-sky-200 bg-sky-50 p-3">
        <StepForm action={actions.update} draft={draft} step={step} phases={phases} roles={roles} onDone={() => setEditing(false)} />
      </div>
    );
  }
  return (
    <div className="mt-2 space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="secondary" onClick={() => setEditing(true)} aria-label={`Edit step: ${step.title}`}>
          Edit
        </Button>
        <form action={move} onSubmit={() => (lastDirection.current = "up")}>
          <Hidden draft={draft} stepId={step.id} />
          <input type="hidden" name="direction" value="up" />
          <button
            ref={upRef}
            type="submit"
            className={buttonClasses("ghost")}
            disabled={first}
            aria-label={`Move step up: ${step.title}`}
            title="Move up within its phase"
          >
            <ArrowUp aria-hidden className="h-4 w-4" /> Up
          </button>
        </form>
        <form action={move} onSubmit={() => (lastDirection.current = "down")}>
          <Hidden draft={draft} stepId={step.id} />
          <input type="hidden" name="direction" value="down" />
          <button
            ref={downRef}
            type="submit"
            className={buttonClasses("ghost")}
            disabled={last}
            aria-label={`Move step down: ${step.title}`}
            title="Move down within its phase"
          >
            <ArrowDown aria-hidden className="h-4 w-4" /> Down
          </button>
        </form>
        {confirming ? null : (
          <Button variant="ghost" className="text-red-700" onClick={() => setConfirming(true)} aria-label={`Remove step: ${step.title}`}>
            Remove…
          </Button>
        )}
      </div>
      {confirming ? (
        <form
          action={remove}
          onSubmit={() => setConfirming(false)}
          className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3"
          aria-label={`Confirm removing ${step.title}`}
        >
          <Hidden draft={draft} stepId={step.id} />
          <p className="text-sm text-red-900">Remove &ldquo;{step.title}&rdquo; from this draft? Published versions keep their copy.</p>
          <div className="flex gap-2">
            <SubmitButton variant="danger">Yes, remove step</SubmitButton>
            <Button variant="ghost" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
      {moveState && !moveState.ok ? <FormMessage state={moveState} /> : null}
      <FormMessage state={removeState && !removeState.ok ? removeState : null} />
    </div>
  );
}
