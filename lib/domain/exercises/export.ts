// The auditors' exports of the exercise record (issue 12): one JSON document with everything, or
// one CSV table at a time. Pure: the DAL loads pages (nested exercises for JSON, flat rows for a
// CSV table), this shapes them. Every
// CSV cell goes through the formula guard; RFC 4180 quoting is the CSV library's job.
import { neutraliseCsvCell } from "@/lib/domain/exercises/csv";
import { isOverdue } from "@/lib/domain/exercises/action-items";
import type {
  ActionItemStatus,
  ExerciseAttendance,
  ExerciseKind,
  ExerciseStatus,
  FindingCategory,
  FindingSeverity,
  FindingStatus,
} from "@/lib/generated/prisma/enums";

export const EXPORT_TABLES = ["exercises", "findings", "action-items"] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

/** The version of the JSON export's shape, for whoever reads it years later. */
export const EXERCISE_EXPORT_FORMAT = "bulkhead-exercises/1";

type Ref = { id: string; title: string } | null;

export type ExportedActionItem = {
  id: string;
  title: string;
  status: ActionItemStatus;
  owner: { id: string; name: string } | null;
  dueAt: Date | null;
  wontFixReason: string | null;
  closedAt: Date | null;
  closedByPlanRevision: { id: string; number: number | null } | null;
  closedByPlaybookVersion: { id: string; number: number; playbook: { title: string } } | null;
  createdAt: Date;
};

export type ExportedFinding = {
  id: string;
  title: string;
  category: FindingCategory;
  severity: FindingSeverity;
  status: FindingStatus;
  description: string | null;
  recommendation: string;
  planSectionKey: string | null;
  playbook: Ref;
  playbookStep: { id: string; title: string; position: number } | null;
  attackTechnique: string | null;
  cluster: { id: string; name: string } | null;
  recurrenceOfId: string | null;
  createdAt: Date;
  actionItems: ExportedActionItem[];
};

export type ExportedExercise = {
  id: string;
  kind: ExerciseKind;
  title: string;
  scenario: string;
  scenarioDescription: string | null;
  status: ExerciseStatus;
  cancelReason: string | null;
  scheduledAt: Date | null;
  conductedAt: Date | null;
  facilitator: string;
  facilitatorOrganisation: string | null;
  redTeamOrganisation: string | null;
  attackTechniques: string[];
  outcome: string | null;
  planRevision: { id: string; number: number | null } | null;
  prerequisite: Ref;
  repeats: Ref;
  overrideReason: string | null;
  overrideBy: { name: string; email: string } | null;
  overrideAt: Date | null;
  playbooks: { playbookVersion: { id: string; number: number; playbook: { id: string; title: string } } }[];
  participants: {
    contact: { id: string; name: string } | null;
    user: { id: string; name: string } | null;
    planRole: string | null;
    part: string | null;
    attendance: ExerciseAttendance;
  }[];
  scope: { cluster: { name: string }; namespace: { name: string } | null }[];
  createdAt: Date;
  findings: ExportedFinding[];
};

/** The CSV tables read flat rows, each with just what its columns need. */
export type ExerciseCsvRow = Omit<ExportedExercise, "findings"> & { findings: { severity: FindingSeverity; status: FindingStatus }[] };
export type FindingCsvRow = Omit<ExportedFinding, "actionItems"> & { exercise: { id: string; title: string }; actionItemCount: number };
export type ActionItemCsvRow = ExportedActionItem & { finding: { id: string; exerciseId: string } };

/** A page of one CSV table, as the DAL reads it. */
export type CsvPage =
  | { table: "exercises"; rows: ExerciseCsvRow[] }
  | { table: "findings"; rows: FindingCsvRow[] }
  | { table: "action-items"; rows: ActionItemCsvRow[] };

type Cell = string | number | boolean | Date | null | undefined;

const COLUMNS = {
  exercises: [
    "id",
    "kind",
    "title",
    "scenario",
    "status",
    "scheduled_at",
    "conducted_at",
    "facilitator",
    "facilitator_organisation",
    "red_team_organisation",
    "attack_techniques",
    "playbooks",
    "participants",
    "scope",
    "plan_revision",
    "prerequisite_id",
    "repeats_id",
    "override_reason",
    "override_by",
    "override_at",
    "cancel_reason",
    "outcome",
    "findings",
    "open_high_or_critical_findings",
    "created_at",
  ],
  findings: [
    "id",
    "exercise_id",
    "exercise_title",
    "title",
    "category",
    "severity",
    "status",
    "observed",
    "recommendation",
    "plan_section",
    "playbook",
    "playbook_step",
    "attack_technique",
    "cluster",
    "recurrence_of_id",
    "action_items",
    "created_at",
  ],
  "action-items": [
    "id",
    "finding_id",
    "exercise_id",
    "title",
    "owner",
    "due_at",
    "status",
    "overdue",
    "wont_fix_reason",
    "closed_at",
    "closed_by_plan_revision",
    "closed_by_playbook_version",
    "created_at",
  ],
} as const satisfies Record<ExportTable, readonly string[]>;

export function exportColumns(table: ExportTable): readonly string[] {
  return COLUMNS[table];
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const planRevisionLabel = (r: { number: number | null } | null) => (r ? `revision ${r.number ?? "draft"}` : null);

function exerciseCells(e: ExerciseCsvRow): Cell[] {
  const openSevere = e.findings.filter((f) => f.status === "OPEN" && (f.severity === "HIGH" || f.severity === "CRITICAL")).length;
  return [
    e.id,
    e.kind,
    e.title,
    e.scenario,
    e.status,
    iso(e.scheduledAt),
    iso(e.conductedAt),
    e.facilitator,
    e.facilitatorOrganisation,
    e.redTeamOrganisation,
    e.attackTechniques.join(" "),
    e.playbooks.map((p) => `${p.playbookVersion.playbook.title} v${p.playbookVersion.number}`).join("; "),
    e.participants.map((p) => [p.contact?.name ?? p.user?.name ?? "?", p.planRole, p.attendance].filter(Boolean).join(" / ")).join("; "),
    e.scope.map((s) => (s.namespace ? `${s.cluster.name}/${s.namespace.name}` : s.cluster.name)).join(" "),
    planRevisionLabel(e.planRevision),
    e.prerequisite?.id,
    e.repeats?.id,
    e.overrideReason,
    e.overrideBy?.email,
    iso(e.overrideAt),
    e.cancelReason,
    e.outcome,
    e.findings.length,
    openSevere,
    iso(e.createdAt),
  ];
}

function findingCells(f: FindingCsvRow): Cell[] {
  return [
    f.id,
    f.exercise.id,
    f.exercise.title,
    f.title,
    f.category,
    f.severity,
    f.status,
    f.description,
    f.recommendation,
    f.planSectionKey,
    f.playbook?.title,
    f.playbookStep ? `${f.playbookStep.position + 1}. ${f.playbookStep.title}` : null,
    f.attackTechnique,
    f.cluster?.name,
    f.recurrenceOfId,
    f.actionItemCount,
    iso(f.createdAt),
  ];
}

function actionItemCells(a: ActionItemCsvRow, now: Date): Cell[] {
  return [
    a.id,
    a.finding.id,
    a.finding.exerciseId,
    a.title,
    a.owner?.name,
    iso(a.dueAt),
    a.status,
    isOverdue(a, now) ? "yes" : "no",
    a.wontFixReason,
    iso(a.closedAt),
    planRevisionLabel(a.closedByPlanRevision),
    a.closedByPlaybookVersion ? `${a.closedByPlaybookVersion.playbook.title} v${a.closedByPlaybookVersion.number}` : null,
    iso(a.createdAt),
  ];
}

/** The CSV records of one page of a table, every cell neutralised. */
export function csvRecords(page: CsvPage, now: Date): string[][] {
  const rows: Cell[][] =
    page.table === "exercises"
      ? page.rows.map(exerciseCells)
      : page.table === "findings"
        ? page.rows.map(findingCells)
        : page.rows.map((a) => actionItemCells(a, now));
  return rows.map((r) => r.map(neutraliseCsvCell));
}

/** One exercise as the JSON export writes it: the record as stored, with overdue computed. */
export function exportJson(e: ExportedExercise, now: Date) {
  return {
    ...e,
    findings: e.findings.map((f) => ({ ...f, actionItems: f.actionItems.map((a) => ({ ...a, overdue: isOverdue(a, now) })) })),
  };
}
