"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useKeptForm } from "@/components/ui/use-kept-form";
import { RUN_STEP_STATUS_LABELS } from "@/lib/dto/labels";
import type { RunStepDto } from "@/lib/dto/runs";
import type { FormAction } from "@/lib/form-state";

/**
 * Completing or abandoning the run, each behind a confirmation. Completing with open steps is
 * allowed, but only after ticking a box under the list of those steps; they are then named on the
 * incident's timeline. Abandoning needs a reason.
 */
export function RunClosePanel({
  runId,
  version,
  openSteps,
  completeAction,
  abandonAction,
}: {
  runId: string;
  version: number;
  openSteps: RunStepDto[];
  completeAction: FormAction;
  abandonAction: FormAction;
}) {
  const [confirming, setConfirming] = useState<"complete" | "abandon" | null>(null);
  const {
    state: completeState,
    pending: completing,
    formRef: completeRef,
    onSubmit: onComplete,
  } = useKeptForm(completeAction, { resetOnSuccess: false });
  const {
    state: abandonState,
    pending: abandoning,
    formRef: abandonRef,
    onSubmit: onAbandon,
  } = useKeptForm(abandonAction, { resetOnSuccess: false });
  return (
    <section aria-label="Finish the run" className="rounded-lg border border-slate-200 bg-white p-4">
      {confirming === null ? (
        <div className="flex flex-wrap gap-2">
          <Button onClick={() => setConfirming("complete")}>Complete run…</Button>
          <Button variant="secondary" onClick={() => setConfirming("abandon")}>
            Abandon run…
          </Button>
        </div>
      ) : null}
      {confirming === "complete" ? (
        <form ref={completeRef} onSubmit={onComplete} className="space-y-2" aria-label="Complete run">
          <input type="hidden" name="runId" value={runId} />
          <input type="hidden" name="version" value={version} />
          {openSteps.length > 0 ? (
            <>
              <p className="text-sm font-medium text-amber-900">
                {openSteps.length} step{openSteps.length === 1 ? " is" : "s are"} still open:
              </p>
              <ul className="list-disc pl-6 text-sm">
                {openSteps.map((s) => (
                  <li key={s.id}>
                    {s.title} ({RUN_STEP_STATUS_LABELS[s.status].toLowerCase()})
                  </li>
                ))}
              </ul>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="acceptOpenSteps" required /> Complete the run with these steps open (they are named on the
                incident&apos;s timeline)
              </label>
            </>
          ) : (
            <p className="text-sm">
              Every step is done or skipped. Completing records the run on the incident&apos;s timeline; a completed run no longer changes.
            </p>
          )}
          <div className="flex gap-2">
            <SubmitButton pending={completing}>Yes, complete the run</SubmitButton>
            <Button variant="ghost" onClick={() => setConfirming(null)}>
              Cancel
            </Button>
          </div>
          <FormMessage state={completeState} />
        </form>
      ) : null}
      {confirming === "abandon" ? (
        <form ref={abandonRef} onSubmit={onAbandon} className="space-y-2" aria-label="Abandon run">
          <input type="hidden" name="runId" value={runId} />
          <input type="hidden" name="version" value={version} />
          <label className="block text-sm font-medium text-slate-700">
            Why abandon this run? (required)
            <textarea name="reason" rows={2} required maxLength={2000} className={`${inputClasses} mt-1`} />
          </label>
          <div className="flex gap-2">
            <SubmitButton pending={abandoning} variant="danger">
              Yes, abandon the run
            </SubmitButton>
            <Button variant="ghost" onClick={() => setConfirming(null)}>
              Cancel
            </Button>
          </div>
          <FormMessage state={abandonState} />
        </form>
      ) : null}
    </section>
  );
}
