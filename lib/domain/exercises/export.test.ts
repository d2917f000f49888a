import { describe, expect, it } from "vitest";
import {
  csvRecords,
  EXPORT_TABLES,
  exportColumns,
  exportJson,
  type CsvPage,
  type ExportedExercise,
  type ExportTable,
} from "@/lib/domain/exercises/export";

const NOW = new Date("2026-12-04T12:00:00Z");
const at = (iso: string) => new Date(iso);

function exercise(): ExportedExercise {
  return {
    id: "ex1",
    kind: "TABLETOP",
    title: '=HYPERLINK("http://evil.example","Tabletop")',
    scenario: "Cryptominer in a production namespace",
    scenarioDescription: null,
    status: "COMPLETED",
    cancelReason: null,
    scheduledAt: at("2026-10-01T09:00:00Z"),
    conductedAt: at("2026-10-01T09:00:00Z"),
    facilitator: "Dana Whitfield",
    facilitatorOrganisation: "Redline Security",
    redTeamOrganisation: null,
    attackTechniques: ["T1496.001", "T1610"],
    outcome: "Contained in 95 minutes,\nagainst a 60-minute target.",
    planRevision: { id: "rev1", number: 2 },
    prerequisite: null,
    repeats: { id: "ex0", title: "Earlier" },
    overrideReason: null,
    overrideBy: null,
    overrideAt: null,
    playbooks: [{ playbookVersion: { id: "pv1", number: 3, playbook: { id: "pb1", title: "Cryptominer in a container" } } }],
    participants: [
      { contact: { id: "c1", name: "Priya Raman" }, user: null, planRole: "DEVOPS_PRIMARY", part: null, attendance: "ATTENDED" },
      { contact: null, user: { id: "u1", name: "Marco Reyes" }, planRole: null, part: "observer", attendance: "ABSENT" },
    ],
    scope: [
      { cluster: { name: "prod-eu" }, namespace: { name: "data-pipeline" } },
      { cluster: { name: "prod-us" }, namespace: null },
    ],
    createdAt: at("2026-09-01T09:00:00Z"),
    findings: [
      {
        id: "f1",
        title: "Nobody may isolate a namespace",
        category: "PLAN",
        severity: "HIGH",
        status: "OPEN",
        description: "-1 minute of hesitation",
        recommendation: "@commander decides",
        planSectionKey: "containment",
        playbook: null,
        playbookStep: null,
        attackTechnique: null,
        cluster: { id: "cl1", name: "prod-eu" },
        recurrenceOfId: null,
        createdAt: at("2026-10-02T09:00:00Z"),
        actionItems: [
          {
            id: "a1",
            title: "+ write the section",
            status: "OPEN",
            owner: { id: "c1", name: "Priya Raman" },
            dueAt: at("2026-11-01T00:00:00Z"),
            wontFixReason: null,
            closedAt: null,
            closedByPlanRevision: null,
            closedByPlaybookVersion: null,
            createdAt: at("2026-10-02T09:00:00Z"),
          },
          {
            id: "a2",
            title: "Publish it",
            status: "DONE",
            owner: null,
            dueAt: at("2026-11-01T00:00:00Z"),
            wontFixReason: null,
            closedAt: at("2026-10-20T00:00:00Z"),
            closedByPlanRevision: { id: "rev2", number: 3 },
            closedByPlaybookVersion: null,
            createdAt: at("2026-10-02T09:00:00Z"),
          },
        ],
      },
    ],
  };
}

/** The flat page the DAL would read for a table, from the nested record. */
function pageOf(table: ExportTable, exercises: ExportedExercise[]): CsvPage {
  if (table === "exercises") return { table, rows: exercises };
  const findings = exercises.flatMap((e) => e.findings.map((f) => ({ e, f })));
  if (table === "findings")
    return {
      table,
      rows: findings.map(({ e, f }) => ({ ...f, exercise: { id: e.id, title: e.title }, actionItemCount: f.actionItems.length })),
    };
  return { table, rows: findings.flatMap(({ e, f }) => f.actionItems.map((a) => ({ ...a, finding: { id: f.id, exerciseId: e.id } }))) };
}

const exportRecords = (table: ExportTable, exercises: ExportedExercise[], now: Date) => csvRecords(pageOf(table, exercises), now);

const record = (table: (typeof EXPORT_TABLES)[number], row: string[]) =>
  Object.fromEntries(exportColumns(table).map((c, i) => [c, row[i]]));

describe("exercise exports", () => {
  it.each(EXPORT_TABLES)("writes every %s record with as many cells as the header has columns", (table) => {
    const rows = exportRecords(table, [exercise()], NOW);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toHaveLength(exportColumns(table).length);
  });

  it("writes one exercise row with its lists flattened and formulas neutralised", () => {
    const [row] = exportRecords("exercises", [exercise()], NOW);
    expect(record("exercises", row!)).toMatchObject({
      title: '\'=HYPERLINK("http://evil.example","Tabletop")',
      attack_techniques: "T1496.001 T1610",
      playbooks: "Cryptominer in a container v3",
      participants: "Priya Raman / DEVOPS_PRIMARY / ATTENDED; Marco Reyes / ABSENT",
      scope: "prod-eu/data-pipeline prod-us",
      plan_revision: "revision 2",
      repeats_id: "ex0",
      prerequisite_id: "",
      outcome: "Contained in 95 minutes,\nagainst a 60-minute target.",
      findings: "1",
      open_high_or_critical_findings: "1",
      conducted_at: "2026-10-01T09:00:00.000Z",
    });
  });

  it("writes findings and action items with their parents' ids, overdue computed at export time", () => {
    const [finding] = exportRecords("findings", [exercise()], NOW);
    expect(record("findings", finding!)).toMatchObject({
      id: "f1",
      exercise_id: "ex1",
      observed: "'-1 minute of hesitation",
      recommendation: "'@commander decides",
      cluster: "prod-eu",
      action_items: "2",
    });
    const items = exportRecords("action-items", [exercise()], NOW).map((r) => record("action-items", r));
    expect(items).toMatchObject([
      { id: "a1", finding_id: "f1", exercise_id: "ex1", title: "'+ write the section", owner: "Priya Raman", overdue: "yes" },
      { id: "a2", status: "DONE", overdue: "no", closed_by_plan_revision: "revision 3", owner: "" },
    ]);
  });

  it("writes no rows for an empty history", () => {
    for (const table of EXPORT_TABLES) expect(exportRecords(table, [], NOW)).toEqual([]);
  });

  it("keeps the JSON record as stored, with overdue added to each action item", () => {
    const json = exportJson(exercise(), NOW);
    expect(json.title).toBe(exercise().title);
    expect(json.findings[0]!.actionItems.map((a) => a.overdue)).toEqual([true, false]);
  });
});
