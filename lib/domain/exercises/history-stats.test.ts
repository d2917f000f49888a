import { describe, expect, it } from "vitest";
import {
  addQuarters,
  computeHistoryStats,
  EXERCISE_KINDS,
  FINDING_SEVERITIES,
  median,
  quarterLabel,
  quarterOf,
  quarterStart,
  quarterWindow,
  type HistoryRows,
  type Quarter,
} from "@/lib/domain/exercises/history-stats";

const at = (iso: string) => new Date(iso);
const NO_ROWS: HistoryRows = { exercises: [], findings: [], actionItems: [] };
const Q = (year: number, quarter: number): Quarter => ({ year, quarter });
const FOUR = [Q(2025, 4), Q(2026, 1), Q(2026, 2), Q(2026, 3)];

describe("quarters in UTC", () => {
  const cases: [string, string, string][] = [
    ["the first instant of a year", "2026-01-01T00:00:00.000Z", "2026 Q1"],
    ["the last instant of March", "2026-03-31T23:59:59.999Z", "2026 Q1"],
    ["the first of April", "2026-04-01T00:00:00.000Z", "2026 Q2"],
    ["late on 30 September in UTC (already October east of it)", "2026-09-30T23:30:00.000Z", "2026 Q3"],
    ["the last instant of a year", "2026-12-31T23:59:59.999Z", "2026 Q4"],
  ];
  it.each(cases)("%s", (_, iso, label) => {
    expect(quarterLabel(quarterOf(at(iso)))).toBe(label);
  });

  it("starts a quarter at midnight UTC of its first day", () => {
    expect(quarterStart(Q(2026, 3)).toISOString()).toBe("2026-07-01T00:00:00.000Z");
  });

  const steps: [Quarter, number, string][] = [
    [Q(2026, 1), -1, "2025 Q4"],
    [Q(2026, 4), 1, "2027 Q1"],
    [Q(2026, 2), -9, "2024 Q1"],
    [Q(2026, 2), 0, "2026 Q2"],
  ];
  it.each(steps)("moves from %o by %i quarters to %s", (from, n, label) => {
    expect(quarterLabel(addQuarters(from, n))).toBe(label);
  });

  it("gives the window of quarters that ends with now's, oldest first", () => {
    const window = quarterWindow(at("2026-08-15T10:00:00Z"), 4);
    expect(window.quarters.map(quarterLabel)).toEqual(["2025 Q4", "2026 Q1", "2026 Q2", "2026 Q3"]);
    expect(window.from.toISOString()).toBe("2025-10-01T00:00:00.000Z");
    expect(window.to.toISOString()).toBe("2026-10-01T00:00:00.000Z");
  });
});

it("lists the types in the order of practice and the severities least severe first", () => {
  expect(EXERCISE_KINDS).toEqual(["TABLETOP", "PURPLE_TEAM"]);
  expect(FINDING_SEVERITIES).toEqual(["LOW", "MEDIUM", "HIGH", "CRITICAL"]);
});

describe("median", () => {
  const cases: [number[], number | null][] = [
    [[], null],
    [[7], 7],
    [[9, 1, 4], 4],
    [[10, 2, 4, 8], 6],
  ];
  it.each(cases)("of %o is %o", (values, expected) => expect(median(values)).toBe(expected));
});

describe("history stats", () => {
  it("for an empty history: every quarter present, all zero, no medians", () => {
    const stats = computeHistoryStats(FOUR, NO_ROWS);
    expect(stats.quarters).toEqual(["2025 Q4", "2026 Q1", "2026 Q2", "2026 Q3"]);
    expect(stats.exercises).toEqual(stats.quarters.map((quarter) => ({ quarter, TABLETOP: 0, PURPLE_TEAM: 0 })));
    expect(stats.findings).toEqual(stats.quarters.map((quarter) => ({ quarter, LOW: 0, MEDIUM: 0, HIGH: 0, CRITICAL: 0 })));
    expect(stats.timeToClose).toEqual(stats.quarters.map((quarter) => ({ quarter, medianDays: null, closed: 0 })));
    expect(stats.totals).toEqual({ exercises: 0, findings: 0, closedActionItems: 0 });
  });

  it("takes closed items already aggregated per quarter (as SQL gives them), rounding the median to a tenth", () => {
    const stats = computeHistoryStats(FOUR, {
      ...NO_ROWS,
      closedByQuarter: [
        { closedAt: at("2026-04-01T00:00:00Z"), closed: 3, medianDays: 12.345 },
        { closedAt: at("2024-01-01T00:00:00Z"), closed: 9, medianDays: 1 },
      ],
    });
    expect(stats.timeToClose).toEqual([
      { quarter: "2025 Q4", medianDays: null, closed: 0 },
      { quarter: "2026 Q1", medianDays: null, closed: 0 },
      { quarter: "2026 Q2", medianDays: 12.3, closed: 3 },
      { quarter: "2026 Q3", medianDays: null, closed: 0 },
    ]);
    expect(stats.totals.closedActionItems).toBe(3);
  });

  it("for no quarters at all: empty series", () => {
    expect(computeHistoryStats([], NO_ROWS)).toEqual({
      quarters: [],
      exercises: [],
      findings: [],
      timeToClose: [],
      totals: { exercises: 0, findings: 0, closedActionItems: 0 },
    });
  });

  type ExerciseCase = [string, HistoryRows["exercises"], Record<string, { TABLETOP: number; PURPLE_TEAM: number }>];
  const exerciseCases: ExerciseCase[] = [
    [
      "completed ones count in the quarter they were held, by type",
      [
        { kind: "TABLETOP", status: "COMPLETED", conductedAt: at("2026-01-10T10:00:00Z"), scheduledAt: null },
        { kind: "TABLETOP", status: "COMPLETED", conductedAt: at("2026-03-31T23:00:00Z"), scheduledAt: at("2026-04-02T09:00:00Z") },
        { kind: "PURPLE_TEAM", status: "COMPLETED", conductedAt: at("2026-05-01T10:00:00Z"), scheduledAt: null },
      ],
      { "2026 Q1": { TABLETOP: 2, PURPLE_TEAM: 0 }, "2026 Q2": { TABLETOP: 0, PURPLE_TEAM: 1 } },
    ],
    [
      "planned, in-progress and cancelled ones do not count",
      [
        { kind: "TABLETOP", status: "PLANNED", conductedAt: null, scheduledAt: at("2026-02-10T10:00:00Z") },
        { kind: "TABLETOP", status: "IN_PROGRESS", conductedAt: at("2026-02-10T10:00:00Z"), scheduledAt: null },
        { kind: "PURPLE_TEAM", status: "CANCELLED", conductedAt: null, scheduledAt: at("2026-02-10T10:00:00Z") },
      ],
      {},
    ],
    [
      "a completed one without conductedAt counts when it was scheduled; with neither it cannot be placed",
      [
        { kind: "PURPLE_TEAM", status: "COMPLETED", conductedAt: null, scheduledAt: at("2026-08-01T10:00:00Z") },
        { kind: "PURPLE_TEAM", status: "COMPLETED", conductedAt: null, scheduledAt: null },
      ],
      { "2026 Q3": { TABLETOP: 0, PURPLE_TEAM: 1 } },
    ],
    [
      "outside the quarters they are left out",
      [
        { kind: "TABLETOP", status: "COMPLETED", conductedAt: at("2025-09-30T23:59:59Z"), scheduledAt: null },
        { kind: "TABLETOP", status: "COMPLETED", conductedAt: at("2026-10-01T00:00:00Z"), scheduledAt: null },
      ],
      {},
    ],
    [
      "a row counted in SQL stands for its count",
      [{ kind: "TABLETOP", status: "COMPLETED", conductedAt: at("2025-10-01T00:00:00Z"), scheduledAt: null, count: 5 }],
      { "2025 Q4": { TABLETOP: 5, PURPLE_TEAM: 0 } },
    ],
  ];
  it.each(exerciseCases)("exercises: %s", (_, exercises, expected) => {
    const stats = computeHistoryStats(FOUR, { ...NO_ROWS, exercises });
    expect(stats.exercises).toEqual(stats.quarters.map((quarter) => ({ quarter, TABLETOP: 0, PURPLE_TEAM: 0, ...expected[quarter] })));
    expect(stats.totals.exercises).toBe(Object.values(expected).reduce((n, q) => n + q.TABLETOP + q.PURPLE_TEAM, 0));
  });

  type FindingCase = [string, HistoryRows["findings"], Record<string, Partial<Record<"LOW" | "MEDIUM" | "HIGH" | "CRITICAL", number>>>];
  const findingCases: FindingCase[] = [
    [
      "by the quarter recorded and severity",
      [
        { severity: "CRITICAL", createdAt: at("2025-11-01T10:00:00Z") },
        { severity: "LOW", createdAt: at("2025-12-31T23:59:59Z") },
        { severity: "LOW", createdAt: at("2026-01-01T00:00:00Z") },
        { severity: "HIGH", createdAt: at("2026-09-01T00:00:00Z"), count: 3 },
        { severity: "MEDIUM", createdAt: at("2026-09-02T00:00:00Z") },
      ],
      { "2025 Q4": { CRITICAL: 1, LOW: 1 }, "2026 Q1": { LOW: 1 }, "2026 Q3": { HIGH: 3, MEDIUM: 1 } },
    ],
    ["outside the quarters they are left out", [{ severity: "HIGH", createdAt: at("2027-01-01T00:00:00Z") }], {}],
  ];
  it.each(findingCases)("findings: %s", (_, findings, expected) => {
    const stats = computeHistoryStats(FOUR, { ...NO_ROWS, findings });
    expect(stats.findings).toEqual(
      stats.quarters.map((quarter) => ({ quarter, LOW: 0, MEDIUM: 0, HIGH: 0, CRITICAL: 0, ...expected[quarter] })),
    );
  });

  const created = at("2026-04-01T00:00:00Z");
  const after = (days: number) => new Date(created.getTime() + days * 86_400_000);
  type CloseCase = [string, HistoryRows["actionItems"], Record<string, { medianDays: number | null; closed: number }>];
  const closeCases: CloseCase[] = [
    [
      "done and won't-fix items by the quarter they were closed in, median days",
      [
        { status: "DONE", createdAt: created, closedAt: after(2) },
        { status: "WONT_FIX", createdAt: created, closedAt: after(10) },
        { status: "DONE", createdAt: created, closedAt: after(4) },
        { status: "DONE", createdAt: at("2026-03-01T00:00:00Z"), closedAt: after(100) },
      ],
      { "2026 Q2": { medianDays: 4, closed: 3 }, "2026 Q3": { medianDays: 131, closed: 1 } },
    ],
    [
      "an even count takes the mean of the middle two, to one decimal",
      [
        { status: "DONE", createdAt: created, closedAt: after(1) },
        { status: "DONE", createdAt: created, closedAt: new Date(after(2).getTime() + 3_600_000) },
      ],
      { "2026 Q2": { medianDays: 1.5, closed: 2 } },
    ],
    [
      "open and in-progress items do not count, nor a closed one without its time",
      [
        { status: "OPEN", createdAt: created, closedAt: null },
        { status: "IN_PROGRESS", createdAt: created, closedAt: after(3) },
        { status: "DONE", createdAt: created, closedAt: null },
      ],
      {},
    ],
    [
      "a close stamped before the creation counts as the same day",
      [{ status: "DONE", createdAt: after(1), closedAt: created }],
      { "2026 Q2": { medianDays: 0, closed: 1 } },
    ],
    ["closed outside the quarters they are left out", [{ status: "DONE", createdAt: created, closedAt: at("2026-10-01T00:00:00Z") }], {}],
  ];
  it.each(closeCases)("time to close: %s", (_, actionItems, expected) => {
    const stats = computeHistoryStats(FOUR, { ...NO_ROWS, actionItems });
    expect(stats.timeToClose).toEqual(stats.quarters.map((quarter) => ({ quarter, medianDays: null, closed: 0, ...expected[quarter] })));
    expect(stats.totals.closedActionItems).toBe(Object.values(expected).reduce((n, q) => n + q.closed, 0));
  });
});
