"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useKeptForm } from "@/components/ui/use-kept-form";
import type { FormAction } from "@/lib/form-state";

export type TransitionChoice = { to: string; label: string; early: boolean };

/** Moves the incident one phase on; closing asks for confirmation, and for a reason when early. */
export function TransitionForm({
  incidentKey,
  version,
  transitions,
  action,
}: {
  incidentKey: string;
  version: number;
  transitions: TransitionChoice[];
  action: FormAction;
}) {
  const { state, pending, formRef, onSubmit } = useKeptForm(action);
  const [picked, setPicked] = useState(transitions[0]?.to ?? "");
  const [confirmingClose, setConfirmingClose] = useState(false);
  // After a move the choices change under the form; fall back to the new next step.
  const to = transitions.some((t) => t.to === picked) ? picked : (transitions[0]?.to ?? "");
  const chosen = transitions.find((t) => t.to === to);
  const closing = to === "CLOSED";
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-2" aria-label="Change status">
      <input type="hidden" name="key" value={incidentKey} />
      <input type="hidden" name="version" value={version} />
      <label className="block text-sm">
        <span className="mb-1 block font-medium text-slate-700">Move to</span>
        <select
          name="to"
          value={to}
          onChange={(e) => {
            setPicked(e.target.value);
            setConfirmingClose(false);
          }}
          className={inputClasses}
        >
          {transitions.map((t) => (
            <option key={t.to} value={t.to}>
              {t.label}
            </option>
          ))}
        </select>
      </label>
      <label className="block text-sm">
        <span className="mb-1 block font-medium text-slate-700">{chosen?.early ? "Why close now? (required)" : "Note (optional)"}</span>
        <textarea name="note" rows={2} required={chosen?.early} maxLength={4000} className={inputClasses} />
      </label>
      {closing && !confirmingClose ? (
        <Button variant="secondary" onClick={() => setConfirmingClose(true)}>
          Close incident…
        </Button>
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          {closing ? <span className="text-xs">Closed incidents cannot be reopened.</span> : null}
          <SubmitButton pending={pending} variant={closing ? "danger" : "primary"}>
            {closing ? "Yes, close it" : `Move to ${chosen?.label.toLowerCase() ?? ""}`}
          </SubmitButton>
          {closing ? (
            <Button variant="ghost" onClick={() => setConfirmingClose(false)}>
              Cancel
            </Button>
          ) : null}
        </div>
      )}
      <FormMessage state={state} />
    </form>
  );
}
