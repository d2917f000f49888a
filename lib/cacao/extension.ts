import { z } from "zod";
import { cacaoId } from "@/lib/cacao/ids";
import type { CacaoExtensionDefinition, CacaoProblem } from "@/lib/cacao/types";
import { IncidentType, PlanRoleKind, PlaybookPhase } from "@/lib/generated/prisma/enums";

// Bulkhead's CACAO extension (CACAO 2.0 section 9): what a Bulkhead step has that CACAO has no
// property for — its NIST SP 800-61 phase, the plan role responsible, the evidence expected and the
// expected minutes — carried per step in `step_extensions`, and the playbook's incident type and
// ATT&CK techniques in `playbook_extensions`. The shape is defined in docs/decisions/009-cacao-mapping.md.

/** The Bulkhead project as the STIX identity that defines the extension. */
export const BULKHEAD_IDENTITY = cacaoId("identity", "bulkhead");

export const BULKHEAD_EXTENSION_ID = cacaoId("extension-definition", "bulkhead-incident-response-details");

export const BULKHEAD_EXTENSION_DEFINITION: CacaoExtensionDefinition = {
  type: "extension-definition",
  name: "Bulkhead incident-response details",
  description:
    "Per step: phase (NIST SP 800-61 phase: PREPARATION, DETECTION_ANALYSIS, CONTAINMENT, ERADICATION, RECOVERY, POST_INCIDENT), responsible_role (incident response plan role), evidence_expected and expected_minutes. Per playbook: incident_type, attack_techniques (MITRE ATT&CK ids), bulkhead_version and bulkhead_status.",
  created_by: BULKHEAD_IDENTITY,
  // CACAO asks for the extension schema's location; Bulkhead publishes none, so this names it.
  schema: "urn:bulkhead:cacao-extension:incident-response-details:1",
  version: "1.0.0",
};

export const StepExtension = z.object({
  phase: z.enum(PlaybookPhase),
  responsible_role: z.enum(PlanRoleKind).nullable().optional(),
  evidence_expected: z.string().max(2000).nullable().optional(),
  expected_minutes: z.int().min(0).max(10_000).nullable().optional(),
});
export type StepExtension = z.output<typeof StepExtension>;

export const PlaybookExtension = z.object({
  incident_type: z.enum(IncidentType).optional(),
  attack_techniques: z
    .array(z.string().regex(/^T\d{4}(\.\d{3})?$/, "must be an ATT&CK technique id such as T1609 or T1059.013"))
    .optional(),
  bulkhead_version: z.int().min(1).optional(),
  bulkhead_status: z.string().optional(),
});
export type PlaybookExtension = z.output<typeof PlaybookExtension>;

/**
 * Reads Bulkhead's entry from a `step_extensions`/`playbook_extensions` dictionary: undefined when
 * absent, the value when valid, problems (with JSON pointers under `path`) when it is there but wrong.
 */
export function readExtension<T>(
  schema: z.ZodType<T>,
  extensions: Record<string, unknown> | undefined,
  path: string,
): { value?: T; problems: CacaoProblem[] } {
  const raw = extensions?.[BULKHEAD_EXTENSION_ID];
  if (raw === undefined) return { problems: [] };
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { value: parsed.data, problems: [] };
  return {
    problems: parsed.error.issues.map((issue) => ({
      path: `${path}/${BULKHEAD_EXTENSION_ID}${issue.path.map((p) => `/${String(p)}`).join("")}`,
      message: `Bulkhead extension: ${issue.message}`,
    })),
  };
}
