"use client";

import { useState } from "react";
import { Field, TextAreaField } from "@/components/ui/field";
import { LocalDateTimeField } from "@/components/ui/local-date-time-field";
import { SelectField } from "@/components/ui/select-field";
import type { ContainerChoice } from "@/lib/domain/evidence/container-choices";
import type { EvidenceKind } from "@/lib/dto/enums";
import { EVIDENCE_KIND_LABELS, optionsOf } from "@/lib/dto/labels";

export type { ContainerChoice };

export type EvidencePrefill = { kind?: EvidenceKind; description?: string; containerIndex?: number; runStepId?: string };

/**
 * The fields every registration shares: what it is, the container it came from (picked from the
 * dossier, which fills container id, pod, node and image digest), and when it was collected.
 */
export function EvidenceOriginFields({
  prefix,
  containers,
  prefill,
  errors,
}: {
  prefix: string;
  containers: readonly ContainerChoice[];
  prefill?: EvidencePrefill;
  errors?: Record<string, string[] | undefined>;
}) {
  const [choice, setChoice] = useState(prefill?.containerIndex === undefined ? "" : String(prefill.containerIndex));
  const picked = choice === "" ? null : (containers[Number(choice)] ?? null);
  return (
    <>
      <SelectField
        id={`${prefix}-kind`}
        label="Kind"
        name="kind"
        options={optionsOf(EVIDENCE_KIND_LABELS)}
        defaultValue={prefill?.kind}
        blank="Choose…"
        errors={errors?.kind}
      />
      <TextAreaField
        id={`${prefix}-description`}
        label="Description"
        name="description"
        rows={2}
        required
        maxLength={4000}
        defaultValue={prefill?.description}
        hint="What it is and how it was obtained (the command run, by whom, where)."
        errors={errors?.description}
      />
      <SelectField
        id={`${prefix}-container`}
        label="Container it came from"
        name="containerChoice"
        options={containers.map((c, i) => ({ value: String(i), label: c.label }))}
        value={choice}
        onChange={setChoice}
        blank="Not from one container"
      />
      <input type="hidden" name="containerId" value={picked?.containerId ?? ""} />
      <input type="hidden" name="podName" value={picked?.podName ?? ""} />
      <input type="hidden" name="node" value={picked?.nodeName ?? ""} />
      <input type="hidden" name="imageDigest" value={picked?.imageDigest ?? ""} />
      {prefill?.runStepId ? (
        <p className="text-sm text-sky-900">
          <input type="hidden" name="runStepId" value={prefill.runStepId} />
          Attached to the run step it was opened from: the step counts it as its evidence.
        </p>
      ) : null}
      <LocalDateTimeField id={`${prefix}-collectedAt`} label="Collected at (blank: now)" name="collectedAt" errors={errors?.collectedAt} />
      <Field
        id={`${prefix}-sha256`}
        label="sha256 the collector computed"
        name="sha256"
        pattern="[0-9a-fA-F]{64}"
        spellCheck={false}
        className="font-mono"
        hint="What sha256sum printed where it was collected; checked against what arrives."
        errors={errors?.sha256}
      />
    </>
  );
}
