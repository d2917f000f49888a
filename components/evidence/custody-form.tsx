"use client";

import { useState } from "react";
import { Field, TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useKeptForm } from "@/components/ui/use-kept-form";
import type { FormAction } from "@/lib/form-state";

const ACTIONS = [
  { value: "TRANSFERRED", label: "Transfer to someone" },
  { value: "RELEASED", label: "Release from custody" },
  { value: "DISPOSED", label: "Dispose of" },
];

/** Records a hand-over, a release or a disposal. The last two end custody, so they ask to be confirmed. */
export function CustodyForm({
  incidentKey,
  evidenceId,
  number,
  holder,
  action,
}: {
  incidentKey: string;
  evidenceId: string;
  number: number;
  holder: string | null;
  action: FormAction;
}) {
  const [kind, setKind] = useState("TRANSFERRED");
  const { state, pending, formRef, onSubmit } = useKeptForm(action);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const ends = kind !== "TRANSFERRED";
  return (
    <form
      ref={formRef}
      onSubmit={(e) => {
        if (ends && !window.confirm(`E${number} will leave custody for good: nothing more can be handed over. Record it?`)) {
          e.preventDefault();
          return;
        }
        onSubmit(e);
      }}
      className="space-y-2"
      aria-label={`Custody of E${number}`}
    >
      <input type="hidden" name="incidentKey" value={incidentKey} />
      <input type="hidden" name="evidenceId" value={evidenceId} />
      <SelectField
        id={`custody-${evidenceId}-action`}
        label="Custody event"
        name="action"
        options={ACTIONS}
        value={kind}
        onChange={setKind}
      />
      {kind === "TRANSFERRED" ? (
        <div className="grid gap-2 sm:grid-cols-2">
          <Field
            id={`custody-${evidenceId}-from`}
            label="From"
            name="fromParty"
            maxLength={200}
            placeholder={holder ?? ""}
            errors={errors?.fromParty}
          />
          <Field id={`custody-${evidenceId}-to`} label="To" name="toParty" required maxLength={200} errors={errors?.toParty} />
        </div>
      ) : null}
      <TextAreaField
        id={`custody-${evidenceId}-note`}
        label={ends ? "Reason" : "Note (optional)"}
        name="note"
        rows={2}
        maxLength={2000}
        required={ends}
        errors={errors?.note}
      />
      <SubmitButton pending={pending} variant={ends ? "danger" : "secondary"}>
        Record
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
