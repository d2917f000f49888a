import { z } from "zod";
import { Id, Version } from "@/lib/validation/record-ref";
import { DetectionSourceKind, valuesOf } from "@/lib/dto/enums";
import { FALCO_PRIORITIES } from "@/lib/domain/falco/priority-names";

// Detection sources: the Falco / falcosidekick senders allowed to post to `POST /api/ingest/falco`.
// Shared by the /sources forms, their actions and the DAL.

export const DETECTION_SOURCE_KINDS = valuesOf(DetectionSourceKind);

export { FALCO_PRIORITIES };

export const DEFAULT_MIN_INCIDENT_PRIORITY = "WARNING" satisfies (typeof FALCO_PRIORITIES)[number];

/** A blank form field means "not set". */
const blankAsUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const Name = z
  .string({ error: "Enter a name" })
  .trim()
  .min(1, "Enter a name")
  .max(80, "Keep the name under 80 characters")
  .regex(/^\P{Cc}+$/u, "Use letters, digits and punctuation only");

/**
 * The cluster an event is filed under when it names none itself. Kubernetes-style names (the
 * plan's clusters are named that way); an empty field clears it.
 */
const DefaultCluster = z.preprocess(
  blankAsUndefined,
  z
    .string()
    .trim()
    .max(120, "Keep the cluster name under 120 characters")
    .regex(/^[A-Z0-9]([\w.-]*[A-Z0-9])?$/i, "Use a cluster name like prod-eu (letters, digits, . _ -)")
    .optional()
    .transform((v) => v ?? null),
);

const MinIncidentPriority = z.preprocess(
  blankAsUndefined,
  z.enum(FALCO_PRIORITIES, { error: "Choose a Falco priority" }).default(DEFAULT_MIN_INCIDENT_PRIORITY),
);

const SourceSettings = z.object({
  name: Name,
  defaultCluster: DefaultCluster,
  minIncidentPriority: MinIncidentPriority,
});

export const CreateDetectionSourceInput = SourceSettings.extend({
  kind: z.enum(DETECTION_SOURCE_KINDS, { error: "Choose what sends the alerts" }),
});

const SourceRef = z.object({
  id: Id,
  version: Version,
});

export const UpdateDetectionSourceInput = SourceRef.extend(SourceSettings.shape);
export const RotateDetectionSourceTokenInput = SourceRef;
export const RevokeDetectionSourceInput = SourceRef;

export type CreateDetectionSourceValue = z.output<typeof CreateDetectionSourceInput>;
export type UpdateDetectionSourceValue = z.output<typeof UpdateDetectionSourceInput>;
export type DetectionSourceRef = z.output<typeof SourceRef>;
