import type { ExerciseKind, ExerciseStatus, FindingSeverity } from "@/lib/generated/prisma/enums";

// Components take the enum types from here, not from the generated client.
export type { ExerciseKind, ExerciseStatus, FindingSeverity };

/** One row of the exercise list: the outcome at a glance (open findings by severity, action-item state). */
export type ExerciseListItemDto = {
  id: string;
  kind: ExerciseKind;
  title: string;
  scenario: string;
  status: ExerciseStatus;
  scheduledAt: Date | null;
  conductedAt: Date | null;
  facilitatorOrganisation: string | null;
  redTeamOrganisation: string | null;
  overrideReason: string | null;
  openFindings: Record<FindingSeverity, number>;
  findingCount: number;
  actionItems: { open: number; closed: number; overdue: number };
};

export type ExercisePageDto = {
  exercises: ExerciseListItemDto[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  /** Every scenario recorded, for the scenario filter. */
  scenarios: string[];
};

type Person = { id: string; name: string; email: string };

export type ActionItemDto = {
  id: string;
  findingId: string;
  title: string;
  dueAt: Date | null;
  status: "OPEN" | "IN_PROGRESS" | "DONE" | "WONT_FIX";
  wontFixReason: string | null;
  closedAt: Date | null;
  version: number;
  owner: { id: string; name: string } | null;
  closedByPlanRevision: { id: string; number: number | null; publishedAt: Date | null } | null;
  closedByPlaybookVersion: { id: string; number: number; publishedAt: Date | null; playbook: { id: string; title: string } } | null;
  updatedBy: Person | null;
};

export type FindingDto = {
  id: string;
  title: string;
  category: "PLAN" | "PLAYBOOK" | "DETECTION" | "TOOLING" | "PEOPLE" | "COMMUNICATION" | "OTHER";
  severity: FindingSeverity;
  description: string | null;
  recommendation: string;
  status: "OPEN" | "RESOLVED" | "ACCEPTED";
  planSectionKey: string | null;
  attackTechnique: string | null;
  /** The earlier exercise's finding this one is a recurrence of. */
  recurrenceOfId: string | null;
  version: number;
  createdAt: Date;
  playbook: { id: string; title: string } | null;
  playbookStep: { id: string; title: string; position: number } | null;
  cluster: { id: string; name: string } | null;
  actionItems: ActionItemDto[];
};

/** An exercise's full record, as its page shows it. */
export type ExerciseDto = {
  id: string;
  kind: ExerciseKind;
  title: string;
  scenario: string;
  scenarioDescription: string | null;
  scheduledAt: Date | null;
  conductedAt: Date | null;
  facilitator: string;
  facilitatorOrganisation: string | null;
  redTeamOrganisation: string | null;
  attackTechniques: string[];
  status: ExerciseStatus;
  cancelReason: string | null;
  outcome: string | null;
  overrideReason: string | null;
  overrideAt: Date | null;
  version: number;
  planRevision: { id: string; number: number | null } | null;
  prerequisite: { id: string; title: string } | null;
  /** The exercise this one repeats, with its findings: each is shown as recurred or not. */
  repeats: { id: string; title: string; findings: { id: string; title: string; severity: FindingSeverity }[] } | null;
  overrideBy: Person | null;
  participants: {
    id: string;
    planRole: string | null;
    part: string | null;
    attendance: "INVITED" | "ATTENDED" | "ABSENT";
    contact: { id: string; name: string } | null;
    user: Person | null;
  }[];
  playbooks: { playbookVersion: { id: string; number: number; playbook: { id: string; title: string } } }[];
  scope: { cluster: { id: string; name: string }; namespace: { id: string; name: string } | null }[];
  logEntries: { id: string; at: Date; text: string; author: Person }[];
  findings: FindingDto[];
};

/** What the exercise, finding and action-item forms offer to pick from. */
export type ExerciseFormOptions = {
  contacts: { id: string; name: string; team: string | null }[];
  users: { id: string; name: string; email: string }[];
  clusters: { id: string; name: string; namespaces: { id: string; name: string }[] }[];
  /** The latest published version of every active playbook (what an exercise pins). */
  playbooks: {
    versionId: string;
    playbookId: string;
    title: string;
    number: number;
    steps: { id: string; title: string; position: number }[];
  }[];
  /** Every published version, for closing an action item about a playbook. */
  playbookVersions: { id: string; playbookId: string; title: string; number: number; publishedAt: Date }[];
  planRevisions: { id: string; number: number; publishedAt: Date }[];
  /** Earlier exercises a new one can repeat. */
  exercises: { id: string; title: string; kind: string; scenario: string }[];
};

/** One audited change of an exercise, or of one of its findings or action items. */
export type RecordHistoryEntryDto = {
  seq: string;
  at: Date;
  action: string;
  actorName: string;
  targetType: string;
  targetTitle: string | null;
  /** Top-level fields the change touched (empty for a creation). */
  fields: string[];
};

/** An open action item where the thing it concerns is shown (incident, playbook, plan). */
export type OpenActionItemDto = {
  id: string;
  title: string;
  status: "OPEN" | "IN_PROGRESS";
  dueAt: Date | null;
  overdue: boolean;
  owner: { name: string } | null;
  finding: { title: string; severity: FindingSeverity };
  exercise: { id: string; title: string };
};

export type OpenActionItemsDto = { items: OpenActionItemDto[]; total: number };

/** Completed exercises held in one quarter (`2026 Q3`, UTC), by type. */
export type QuarterExercisesDto = { quarter: string } & Record<ExerciseKind, number>;
/** Findings recorded in one quarter, by severity. */
export type QuarterFindingsDto = { quarter: string } & Record<FindingSeverity, number>;
/** Action items closed (done or won't fix) in one quarter: how many, and the median days it took (null for none). */
export type QuarterTimeToCloseDto = { quarter: string; medianDays: number | null; closed: number };

/** The auditors' exercise history per quarter, oldest first, every quarter of the range present. */
export type ExerciseHistoryStatsDto = {
  quarters: string[];
  exercises: QuarterExercisesDto[];
  findings: QuarterFindingsDto[];
  timeToClose: QuarterTimeToCloseDto[];
  totals: { exercises: number; findings: number; closedActionItems: number };
};
