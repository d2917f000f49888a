import { ExerciseKind, FindingSeverity, valuesOf, type ActionItemStatus, type ExerciseStatus } from "@/lib/dto/enums";
import type { ExerciseHistoryStatsDto } from "@/lib/dto/exercises";

// The auditors' exercise history as numbers per calendar quarter (issue 12 item 5): exercises held
// by type, findings recorded by severity, and how long action items took to close. Quarters are
// UTC calendar quarters, so every reader and every export puts an instant in the same one.

/** A calendar quarter in UTC: `quarter` is 1–4. */
export type Quarter = { year: number; quarter: number };

/** In schema order: tabletop, then purple team. */
export const EXERCISE_KINDS: readonly ExerciseKind[] = valuesOf(ExerciseKind);
/** Least severe first (the schema lists the most severe first): the order the stacked bars build up in. */
export const FINDING_SEVERITIES: readonly FindingSeverity[] = [...valuesOf(FindingSeverity)].reverse();
const CLOSED: readonly ActionItemStatus[] = ["DONE", "WONT_FIX"];
const DAY_MS = 86_400_000;

export function quarterOf(at: Date): Quarter {
  return { year: at.getUTCFullYear(), quarter: Math.floor(at.getUTCMonth() / 3) + 1 };
}

/** `2026 Q3`: the key of every series and the label people read. */
export function quarterLabel({ year, quarter }: Quarter): string {
  return `${year} Q${quarter}`;
}

/** Midnight UTC of the quarter's first day. */
export function quarterStart({ year, quarter }: Quarter): Date {
  return new Date(Date.UTC(year, (quarter - 1) * 3, 1));
}

export function addQuarters({ year, quarter }: Quarter, n: number): Quarter {
  const index = year * 4 + (quarter - 1) + n;
  return { year: Math.floor(index / 4), quarter: (((index % 4) + 4) % 4) + 1 };
}

/**
 * The `count` quarters that end with the one `now` is in, oldest first, and the instants a query
 * compares with: from the first quarter's start up to, not including, the start of the next one.
 */
export function quarterWindow(now: Date, count: number): { quarters: Quarter[]; from: Date; to: Date } {
  const last = quarterOf(now);
  const quarters = Array.from({ length: count }, (_, i) => addQuarters(last, i - count + 1));
  return { quarters, from: quarterStart(quarters[0]!), to: quarterStart(addQuarters(last, 1)) };
}

/** An exercise; a row may stand for `count` of the same kind and quarter (the DAL counts in SQL). */
export type ExerciseHistoryRow = {
  kind: ExerciseKind;
  status: ExerciseStatus;
  conductedAt: Date | null;
  scheduledAt: Date | null;
  count?: number;
};
/** A finding; a row may stand for `count` of the same severity and quarter. */
export type FindingHistoryRow = { severity: FindingSeverity; createdAt: Date; count?: number };
export type ActionItemHistoryRow = { status: ActionItemStatus; createdAt: Date; closedAt: Date | null };

/**
 * The closed action items of one quarter as the DAL aggregates them in SQL (any instant of the
 * quarter, how many, the median days unrounded), by the same rules as `actionItems` rows.
 */
export type ClosedQuarterRow = { closedAt: Date; closed: number; medianDays: number };

export type HistoryRows = {
  exercises: readonly ExerciseHistoryRow[];
  findings: readonly FindingHistoryRow[];
  /** One row per item… */
  actionItems?: readonly ActionItemHistoryRow[];
  /** …or already aggregated per quarter. */
  closedByQuarter?: readonly ClosedQuarterRow[];
};

/**
 * When an exercise was held: its conductedAt, or for a completed one without it (rows written
 * before the status machine stamped it on completion) the time it was scheduled for.
 */
function heldAt(row: ExerciseHistoryRow): Date | null {
  return row.conductedAt ?? row.scheduledAt;
}

/** The middle value (the mean of the two middle ones for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/**
 * The three series over `quarters` (every quarter present, empty ones with zeros): completed
 * exercises by the quarter they were held in and their type; findings by the quarter recorded and
 * severity; action items closed (done or won't fix) by the quarter they were closed in, with the
 * median days from created to closed. Rows outside the quarters are left out.
 */
export function computeHistoryStats(quarters: readonly Quarter[], rows: HistoryRows): ExerciseHistoryStatsDto {
  const labels = quarters.map(quarterLabel);
  const exercises = new Map(labels.map((q) => [q, { quarter: q, TABLETOP: 0, PURPLE_TEAM: 0 }]));
  const findings = new Map(labels.map((q) => [q, { quarter: q, LOW: 0, MEDIUM: 0, HIGH: 0, CRITICAL: 0 }]));
  const closeDays = new Map<string, number[]>(labels.map((q) => [q, []]));

  for (const row of rows.exercises) {
    const at = heldAt(row);
    if (row.status !== "COMPLETED" || !at) continue;
    const bucket = exercises.get(quarterLabel(quarterOf(at)));
    if (bucket) bucket[row.kind] += row.count ?? 1;
  }
  for (const row of rows.findings) {
    const bucket = findings.get(quarterLabel(quarterOf(row.createdAt)));
    if (bucket) bucket[row.severity] += row.count ?? 1;
  }
  for (const row of rows.actionItems ?? []) {
    if (!CLOSED.includes(row.status) || !row.closedAt) continue;
    // A close stamped before the creation (clock skew between writers) counts as the same day.
    closeDays.get(quarterLabel(quarterOf(row.closedAt)))?.push(Math.max(0, row.closedAt.getTime() - row.createdAt.getTime()) / DAY_MS);
  }

  const aggregated = new Map((rows.closedByQuarter ?? []).map((r) => [quarterLabel(quarterOf(r.closedAt)), r]));
  const timeToClose = labels.map((q) => {
    const summary = aggregated.get(q);
    if (summary) return { quarter: q, medianDays: oneDecimal(summary.medianDays), closed: summary.closed };
    const days = closeDays.get(q)!;
    const mid = median(days);
    return { quarter: q, medianDays: mid === null ? null : oneDecimal(mid), closed: days.length };
  });
  const exerciseSeries = [...exercises.values()];
  const findingSeries = [...findings.values()];
  return {
    quarters: labels,
    exercises: exerciseSeries,
    findings: findingSeries,
    timeToClose,
    totals: {
      exercises: exerciseSeries.reduce((n, q) => n + q.TABLETOP + q.PURPLE_TEAM, 0),
      findings: findingSeries.reduce((n, q) => n + q.LOW + q.MEDIUM + q.HIGH + q.CRITICAL, 0),
      closedActionItems: timeToClose.reduce((n, q) => n + q.closed, 0),
    },
  };
}
