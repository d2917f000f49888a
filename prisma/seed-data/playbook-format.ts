import type { IncidentType, PlanRoleKind, PlaybookPhase } from "@/lib/generated/prisma/client";
import type { Span } from "./clock";

// Shapes and Markdown helpers shared by the playbook content files (kept apart from playbooks.ts
// so that the content files do not import the module that imports them).

export type StepSeed = {
  phase: PlaybookPhase;
  title: string;
  instructions: string;
  responsibleRole: PlanRoleKind;
  evidenceExpected?: string;
  expectedMinutes: number;
};

export type PlaybookSeed = {
  key: PlaybookKey;
  title: string;
  incidentType: IncidentType;
  description: string;
  attackTechniques: string[];
  changeNote: string;
  steps: StepSeed[];
  /** When the version in `steps` was written and published; absent: with the rest of the library. */
  createdAgo?: Span;
  publishedAgo?: Span;
  /** Versions published before the one in `steps`, oldest first (they stay PUBLISHED; the highest number is current). */
  earlierVersions?: EarlierVersionSeed[];
};

export type EarlierVersionSeed = { changeNote: string; steps: StepSeed[]; createdAgo: Span; publishedAgo: Span };

/** A seed step as a playbook step row at its place in the version (the seed and the CACAO conformance checks store it alike). */
export function stepRow(s: StepSeed, index: number) {
  return {
    position: index + 1,
    phase: s.phase,
    title: s.title,
    instructions: s.instructions,
    responsibleRole: s.responsibleRole,
    evidenceExpected: s.evidenceExpected ?? null,
    expectedMinutes: s.expectedMinutes,
  };
}

export type PlaybookKey = "shell" | "cryptomining" | "escape" | "image" | "secrets" | "ransomware";

/** Markdown blocks separated by blank lines. */
export function md(...blocks: string[]): string {
  return blocks.join("\n\n");
}

export function sh(...lines: string[]): string {
  return ["```bash", ...lines, "```"].join("\n");
}

export function yaml(...lines: string[]): string {
  return ["```yaml", ...lines, "```"].join("\n");
}

/**
 * A deny-all NetworkPolicy for pods carrying the quarantine label. The name is fixed because
 * `metadata.name` must be lower-case and the incident key is not; the key goes in an annotation.
 */
export const QUARANTINE_POLICY = yaml(
  "apiVersion: networking.k8s.io/v1",
  "kind: NetworkPolicy",
  "metadata:",
  "  name: bulkhead-quarantine",
  "  namespace: {{namespace}}",
  "  annotations:",
  '    bulkhead.io/incident: "{{incident_key}}"',
  "spec:",
  "  podSelector:",
  "    matchLabels:",
  '      bulkhead.io/quarantine: "true"',
  "  policyTypes:",
  "    - Ingress",
  "    - Egress",
  "  # No ingress or egress rules: nothing in, nothing out.",
);
