import type { EvidenceKind, IncidentStatus, IncidentType, OwnershipRole, Severity, TimelineKind } from "@/lib/generated/prisma/client";
import type { Span } from "./clock";
import type { AlertScenario } from "./incident-alerts";
import type { ContactKey, UserKey } from "./people";
import type { PlaybookKey } from "./playbook-format";

// The shape of a demo incident story (kept apart from incident-stories.ts so that the story files do
// not import the module that imports them).

export type TimelineSeed = {
  kind: TimelineKind;
  /** After the first alert. */
  after: Span;
  message: string;
  actor?: UserKey;
  statusChange?: { from: IncidentStatus; to: IncidentStatus };
};

export type EvidenceSeed = {
  kind: EvidenceKind;
  description: string;
  file: string;
  sizeBytes: number;
  collectedBy: UserKey;
  after: Span;
  /** Also verified later by this user. */
  verifiedBy?: UserKey;
};

export type IncidentSeed = {
  title: string;
  type: IncidentType;
  severity: Severity;
  status: IncidentStatus;
  summary: string;
  /** When the first alert fired, before now. */
  firstAlertAgo: Span;
  scenario: (t0: Date) => AlertScenario;
  commander: UserKey;
  playbook: PlaybookKey;
  attackTechniques: string[];
  attackTactics: string[];
  /** Status timestamps, after the first alert. */
  times: Partial<Record<"triaged" | "contained" | "eradicated" | "recovered" | "resolved", Span>>;
  owners: { contact: ContactKey; role: OwnershipRole; inheritedFrom: string | null }[];
  ownersMessage: string;
  timeline: TimelineSeed[];
  evidence: EvidenceSeed[];
};
