"use client";

import { EvidenceOriginFields, type ContainerChoice } from "@/components/evidence/evidence-origin-fields";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { withInstants } from "@/components/ui/local-date-time-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useKeptForm } from "@/components/ui/use-kept-form";
import type { FormAction } from "@/lib/form-state";

/** Evidence kept elsewhere — an image in a registry by digest, an object in an evidence bucket — registered with the collector's hash. */
export function ExternalEvidenceForm({
  incidentKey,
  containers,
  action,
}: {
  incidentKey: string;
  containers: readonly ContainerChoice[];
  action: FormAction;
}) {
  const { state, pending, formRef, submit } = useKeptForm(action);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form
      ref={formRef}
      onSubmit={(e) => {
        e.preventDefault();
        submit(withInstants(e.currentTarget, ["collectedAt"]));
      }}
      className="space-y-3"
      aria-label="Register external evidence"
    >
      <input type="hidden" name="incidentKey" value={incidentKey} />
      <EvidenceOriginFields prefix="external" containers={containers} errors={errors} />
      <Field
        id="external-location"
        label="Where it is kept"
        name="storageLocation"
        required
        maxLength={2000}
        spellCheck={false}
        className="font-mono"
        hint="registry/repo@sha256:… or a URI such as s3://ir-evidence/INC-0042/pod.yaml"
        errors={errors?.storageLocation}
      />
      <Field id="external-size" label="Size in bytes (optional)" name="sizeBytes" type="number" min={0} errors={errors?.sizeBytes} />
      <SubmitButton pending={pending} variant="secondary">
        Register
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
