import { beforeEach, describe, expect, it } from "vitest";
import { getExerciseHistoryStats } from "@/lib/dal/exercises/history-stats";
import { computeHistoryStats, quarterWindow } from "@/lib/domain/exercises/history-stats";
import type { ActionItemStatus, ExerciseKind, ExerciseStatus, FindingSeverity } from "@/lib/dto/enums";
import type { Actor } from "@/lib/domain/roles";
import { makeActor, resetTables, testDb } from "@/tests/support/db";

// The window ends with 2026 Q3: 2025 Q4, 2026 Q1, Q2, Q3.
const NOW = new Date("2026-08-15T12:00:00Z");
const DAY = 86_400_000;
const at = (iso: string) => new Date(iso);
let auditor: Actor;

beforeEach(async () => {
  await resetTables("AuditEvent", "ActionItem", "Finding", "Exercise", "User");
  auditor = await makeActor("AUDITOR", "auditor");
});

let n = 0;
async function exercise(kind: ExerciseKind, status: ExerciseStatus, conductedAt: Date | null, scheduledAt: Date | null = null) {
  n += 1;
  const row = await testDb().exercise.create({
    data: {
      kind,
      status,
      conductedAt,
      scheduledAt,
      title: `History ${n}`,
      scenario: "Cryptominer in a production namespace",
      facilitator: "Dana Whitfield",
      cancelReason: status === "CANCELLED" ? "Called off" : null,
    },
    select: { id: true },
  });
  return row.id;
}

async function finding(exerciseId: string, severity: FindingSeverity, createdAt: Date) {
  const row = await testDb().finding.create({
    data: { exerciseId, severity, createdAt, title: "Gap", category: "OTHER", recommendation: "Close it" },
    select: { id: true },
  });
  return row.id;
}

async function actionItem(findingId: string, status: ActionItemStatus, createdAt: Date, closedAt: Date | null) {
  await testDb().actionItem.create({
    data: { findingId, status, createdAt, closedAt, title: "Do it", wontFixReason: status === "WONT_FIX" ? "Accepted risk" : null },
  });
}

describe("getExerciseHistoryStats", () => {
  it("gives every quarter of the window with zeros when there is no history", async () => {
    const stats = await getExerciseHistoryStats(auditor, 4, NOW);
    expect(stats.quarters).toEqual(["2025 Q4", "2026 Q1", "2026 Q2", "2026 Q3"]);
    expect(stats.exercises.every((q) => q.TABLETOP === 0 && q.PURPLE_TEAM === 0)).toBe(true);
    expect(stats.timeToClose.every((q) => q.medianDays === null && q.closed === 0)).toBe(true);
    expect(stats.totals).toEqual({ exercises: 0, findings: 0, closedActionItems: 0 });
  });

  it("counts per UTC quarter in SQL, as the domain rules say", async () => {
    // Completed ones count where they were held; the quarter's edges are UTC midnights.
    const q1 = await exercise("TABLETOP", "COMPLETED", at("2026-03-31T23:59:59.999Z"));
    await exercise("TABLETOP", "COMPLETED", at("2026-04-01T00:00:00.000Z"));
    await exercise("PURPLE_TEAM", "COMPLETED", at("2026-05-10T10:00:00Z"));
    await exercise("PURPLE_TEAM", "COMPLETED", null, at("2026-06-01T10:00:00Z"));
    // Not held, or outside the window: none of these count.
    await exercise("TABLETOP", "PLANNED", null, at("2026-07-01T10:00:00Z"));
    await exercise("TABLETOP", "IN_PROGRESS", at("2026-07-02T10:00:00Z"));
    await exercise("PURPLE_TEAM", "CANCELLED", null, at("2026-07-03T10:00:00Z"));
    await exercise("TABLETOP", "COMPLETED", at("2025-09-30T23:59:59Z"));
    await exercise("TABLETOP", "COMPLETED", at("2026-10-01T00:00:00Z"));

    const high = await finding(q1, "HIGH", at("2026-01-05T00:00:00Z"));
    await finding(q1, "HIGH", at("2026-03-31T23:59:59Z"));
    await finding(q1, "CRITICAL", at("2026-04-01T00:00:00Z"));
    await finding(q1, "LOW", at("2025-10-01T00:00:00Z"));
    await finding(q1, "MEDIUM", at("2025-09-30T00:00:00Z"));

    const created = at("2026-04-01T00:00:00Z");
    await actionItem(high, "DONE", created, new Date(created.getTime() + 2 * DAY));
    await actionItem(high, "WONT_FIX", created, new Date(created.getTime() + 10 * DAY));
    await actionItem(high, "DONE", created, new Date(created.getTime() + 4 * DAY));
    await actionItem(high, "DONE", created, at("2026-07-02T00:00:00Z"));
    await actionItem(high, "OPEN", created, null);
    await actionItem(high, "IN_PROGRESS", created, null);
    await actionItem(high, "DONE", created, at("2026-10-01T00:00:00Z"));

    const stats = await getExerciseHistoryStats(auditor, 4, NOW);
    expect(stats.exercises).toEqual([
      { quarter: "2025 Q4", TABLETOP: 0, PURPLE_TEAM: 0 },
      { quarter: "2026 Q1", TABLETOP: 1, PURPLE_TEAM: 0 },
      { quarter: "2026 Q2", TABLETOP: 1, PURPLE_TEAM: 2 },
      { quarter: "2026 Q3", TABLETOP: 0, PURPLE_TEAM: 0 },
    ]);
    expect(stats.findings).toEqual([
      { quarter: "2025 Q4", LOW: 1, MEDIUM: 0, HIGH: 0, CRITICAL: 0 },
      { quarter: "2026 Q1", LOW: 0, MEDIUM: 0, HIGH: 2, CRITICAL: 0 },
      { quarter: "2026 Q2", LOW: 0, MEDIUM: 0, HIGH: 0, CRITICAL: 1 },
      { quarter: "2026 Q3", LOW: 0, MEDIUM: 0, HIGH: 0, CRITICAL: 0 },
    ]);
    expect(stats.timeToClose).toEqual([
      { quarter: "2025 Q4", medianDays: null, closed: 0 },
      { quarter: "2026 Q1", medianDays: null, closed: 0 },
      { quarter: "2026 Q2", medianDays: 4, closed: 3 },
      { quarter: "2026 Q3", medianDays: 92, closed: 1 },
    ]);
    expect(stats.totals).toEqual({ exercises: 4, findings: 4, closedActionItems: 4 });
  });

  it("agrees with the domain rules applied to every row, over a larger history", async () => {
    const kinds: ExerciseKind[] = ["TABLETOP", "PURPLE_TEAM"];
    const statuses: ExerciseStatus[] = ["PLANNED", "IN_PROGRESS", "COMPLETED", "COMPLETED", "CANCELLED"];
    const severities: FindingSeverity[] = ["LOW", "MEDIUM", "HIGH", "CRITICAL"];
    const itemStatuses: ActionItemStatus[] = ["OPEN", "IN_PROGRESS", "DONE", "WONT_FIX", "DONE"];
    const start = at("2024-01-01T00:00:00Z").getTime();
    // Deterministic spread over three years, some of it before and after the window.
    const spread = (i: number, mod: number) => new Date(start + ((i * 7919) % mod) * 3_600_000);
    const exerciseRows = Array.from({ length: 60 }, (_, i) => ({
      id: `hist-ex-${i}`,
      kind: kinds[i % 2]!,
      status: statuses[i % 5]!,
      conductedAt: i % 7 === 0 ? null : spread(i, 26_000),
      scheduledAt: spread(i + 1, 26_000),
      cancelReason: statuses[i % 5] === "CANCELLED" ? "Called off" : null,
      title: `Bulk ${i}`,
      scenario: "Bulk",
      facilitator: "Dana",
    }));
    await testDb().exercise.createMany({ data: exerciseRows });
    const findingRows = Array.from({ length: 300 }, (_, i) => ({
      id: `hist-f-${i}`,
      exerciseId: `hist-ex-${i % 60}`,
      severity: severities[i % 4]!,
      createdAt: spread(i, 26_000),
      title: "Gap",
      category: "OTHER" as const,
      recommendation: "Close it",
    }));
    await testDb().finding.createMany({ data: findingRows });
    const itemRows = Array.from({ length: 600 }, (_, i) => {
      const status = itemStatuses[i % 5]!;
      const createdAt = spread(i, 20_000);
      const closed = status === "DONE" || status === "WONT_FIX";
      return {
        findingId: `hist-f-${i % 300}`,
        status,
        createdAt,
        closedAt: closed ? new Date(createdAt.getTime() + ((i * 31) % 2_000) * 3_600_000) : null,
        wontFixReason: status === "WONT_FIX" ? "Accepted" : null,
        title: "Do it",
      };
    });
    await testDb().actionItem.createMany({ data: itemRows });

    const stats = await getExerciseHistoryStats(auditor, 8, NOW);
    const expected = computeHistoryStats(quarterWindow(NOW, 8).quarters, {
      exercises: exerciseRows,
      findings: findingRows,
      actionItems: itemRows,
    });
    expect(stats).toEqual(expected);
    expect(stats.totals.exercises).toBeGreaterThan(0);
    expect(stats.totals.findings).toBeGreaterThan(0);
    expect(stats.totals.closedActionItems).toBeGreaterThan(0);
  });

  it("is readable by every role that reads exercises", async () => {
    for (const role of ["ADMIN", "IR_MANAGER", "RESPONDER", "AUDITOR"] as const) {
      const actor = await makeActor(role);
      await expect(getExerciseHistoryStats(actor, 4, NOW)).resolves.toMatchObject({ quarters: expect.any(Array) });
    }
  });
});
