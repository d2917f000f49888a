import "server-only";
import { db } from "@/lib/db";
import { authorize } from "@/lib/dal/authorize";
import type { ExerciseHistoryStatsDto } from "@/lib/dto/exercises";
import type { ExerciseKind, FindingSeverity } from "@/lib/dto/enums";
import { computeHistoryStats, quarterStart, quarterWindow } from "@/lib/domain/exercises/history-stats";
import type { Actor } from "@/lib/domain/roles";

export type { ExerciseHistoryStatsDto };

type CountRow<K> = { key: K; year: number; quarter: number; count: number };

/**
 * The auditors' exercise history over the `quarterCount` quarters ending with the current one
 * (lib/domain/exercises/history-stats.ts decides what counts where). Exercises and findings are
 * counted in SQL per UTC quarter, and closed action items aggregated there with their median, so a
 * history of thousands costs a few dozen rows.
 * The columns are `timestamp` holding UTC, so EXTRACT gives the UTC quarter.
 */
export async function getExerciseHistoryStats(actor: Actor, quarterCount: number, now = new Date()): Promise<ExerciseHistoryStatsDto> {
  await authorize(actor, "exercises.read", { type: "Exercise" });
  const { quarters, from, to } = quarterWindow(now, quarterCount);
  const [start, end] = [from.toISOString(), to.toISOString()];
  const [exercises, findings, actionItems] = await Promise.all([
    db().$queryRaw<CountRow<ExerciseKind>[]>`
      SELECT "kind"::text AS "key", EXTRACT(YEAR FROM held)::int AS "year", EXTRACT(QUARTER FROM held)::int AS "quarter", count(*)::int AS "count"
        FROM (SELECT "kind", coalesce("conductedAt", "scheduledAt") AS held FROM "Exercise" WHERE "status" = 'COMPLETED') e
       WHERE held >= ${start}::timestamp AND held < ${end}::timestamp
       GROUP BY 1, 2, 3`,
    db().$queryRaw<CountRow<FindingSeverity>[]>`
      SELECT "severity"::text AS "key", EXTRACT(YEAR FROM "createdAt")::int AS "year", EXTRACT(QUARTER FROM "createdAt")::int AS "quarter",
             count(*)::int AS "count"
        FROM "Finding"
       WHERE "createdAt" >= ${start}::timestamp AND "createdAt" < ${end}::timestamp
       GROUP BY 1, 2, 3`,
    // percentile_cont(0.5) is the median as the domain defines it (the mean of the two middle
    // values for an even count); a close stamped before its creation counts as 0 days there too.
    db().$queryRaw<{ year: number; quarter: number; closed: number; medianDays: number }[]>`
      SELECT EXTRACT(YEAR FROM "closedAt")::int AS "year", EXTRACT(QUARTER FROM "closedAt")::int AS "quarter", count(*)::int AS "closed",
             percentile_cont(0.5) WITHIN GROUP (ORDER BY greatest(0, EXTRACT(EPOCH FROM ("closedAt" - "createdAt")))::float8) / 86400 AS "medianDays"
        FROM "ActionItem"
       WHERE "status" IN ('DONE', 'WONT_FIX') AND "closedAt" >= ${start}::timestamp AND "closedAt" < ${end}::timestamp
       GROUP BY 1, 2`,
  ]);
  return computeHistoryStats(quarters, {
    exercises: exercises.map((r) => ({
      kind: r.key,
      status: "COMPLETED",
      conductedAt: quarterStart(r),
      scheduledAt: null,
      count: r.count,
    })),
    findings: findings.map((r) => ({ severity: r.key, createdAt: quarterStart(r), count: r.count })),
    closedByQuarter: actionItems.map((r) => ({ closedAt: quarterStart(r), closed: r.closed, medianDays: r.medianDays })),
  });
}
