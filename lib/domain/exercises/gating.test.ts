import { describe, expect, it } from "vitest";
import type { ActionItemStatus, FindingSeverity } from "@/lib/generated/prisma/enums";
import { decidePurpleTeamStart, type GateTabletop } from "@/lib/domain/exercises/gating";

const SCENARIO = "Cryptominer in a production namespace";

type TabletopSpec = Partial<Omit<GateTabletop, "findings">> & { findings?: [FindingSeverity, ActionItemStatus[]][] };

function tabletop(over: TabletopSpec = {}): GateTabletop {
  const { findings = [], ...rest } = over;
  return {
    id: "ttx",
    title: "Tabletop",
    kind: "TABLETOP",
    status: "COMPLETED",
    scenario: SCENARIO,
    conductedAt: new Date("2026-06-01T10:00:00Z"),
    ...rest,
    findings: findings.map(([severity, items], i) => ({
      id: `f${i}`,
      title: `Finding ${i}`,
      severity,
      actionItems: items.map((status) => ({ status })),
    })),
  };
}

describe("purple-team gating", () => {
  const cases: [string, GateTabletop[], string | null, boolean][] = [
    ["no tabletop at all", [], null, false],
    ["a clean completed tabletop", [tabletop()], null, true],
    ["a tabletop of another scenario", [tabletop({ scenario: "Leaked service-account token" })], null, false],
    ["a tabletop not yet completed", [tabletop({ status: "IN_PROGRESS" })], null, false],
    ["a cancelled tabletop", [tabletop({ status: "CANCELLED" })], null, false],
    ["an open HIGH finding", [tabletop({ findings: [["HIGH", ["OPEN"]]] })], null, false],
    ["an open CRITICAL finding", [tabletop({ findings: [["CRITICAL", ["IN_PROGRESS"]]] })], null, false],
    ["a HIGH finding with no action item yet", [tabletop({ findings: [["HIGH", []]] })], null, false],
    ["a HIGH finding whose item is done", [tabletop({ findings: [["HIGH", ["DONE"]]] })], null, true],
    ["a HIGH finding accepted as won't fix", [tabletop({ findings: [["HIGH", ["WONT_FIX"]]] })], null, true],
    ["a HIGH finding with one of two items open", [tabletop({ findings: [["HIGH", ["DONE", "OPEN"]]] })], null, false],
    [
      "only MEDIUM and LOW findings open",
      [
        tabletop({
          findings: [
            ["MEDIUM", ["OPEN"]],
            ["LOW", []],
          ],
        }),
      ],
      null,
      true,
    ],
    [
      "an open HIGH finding, with an override",
      [tabletop({ findings: [["HIGH", ["OPEN"]]] })],
      "Red team booked; risk accepted by the CISO",
      true,
    ],
    ["no tabletop, with an override", [], "Regulator asked for a purple team this quarter", true],
    ["an open HIGH finding, with a blank override", [tabletop({ findings: [["HIGH", ["OPEN"]]] })], "  ", false],
    ["a dirty and a clean tabletop", [tabletop({ id: "a", findings: [["HIGH", ["OPEN"]]] }), tabletop({ id: "b" })], null, true],
  ];
  it.each(cases)("%s: allowed %s", (_name, tabletops, overrideReason, allowed) => {
    expect(decidePurpleTeamStart({ kind: "PURPLE_TEAM", scenario: SCENARIO, tabletops, overrideReason }).ok).toBe(allowed);
  });

  it("never gates a tabletop", () => {
    expect(decidePurpleTeamStart({ kind: "TABLETOP", scenario: SCENARIO, tabletops: [] })).toEqual({
      ok: true,
      prerequisiteId: null,
      override: null,
    });
  });

  it("names the clean tabletop as the prerequisite, and the override with its trimmed reason", () => {
    expect(decidePurpleTeamStart({ kind: "PURPLE_TEAM", scenario: SCENARIO, tabletops: [tabletop({ id: "clean" })] })).toEqual({
      ok: true,
      prerequisiteId: "clean",
      override: null,
    });
    const dirty = tabletop({ id: "dirty", findings: [["HIGH", ["OPEN"]]] });
    expect(decidePurpleTeamStart({ kind: "PURPLE_TEAM", scenario: SCENARIO, tabletops: [dirty], overrideReason: " booked " })).toEqual({
      ok: true,
      prerequisiteId: "dirty",
      override: { reason: "booked" },
    });
  });

  it("lists the blocking findings by title", () => {
    const decision = decidePurpleTeamStart({
      kind: "PURPLE_TEAM",
      scenario: SCENARIO,
      tabletops: [
        tabletop({
          findings: [
            ["HIGH", ["OPEN"]],
            ["LOW", ["OPEN"]],
          ],
        }),
      ],
    });
    expect(decision).toMatchObject({ ok: false, blocking: [{ exerciseId: "ttx", findingId: "f0", title: "Finding 0" }] });
    expect(decision.ok ? "" : decision.message).toContain("Finding 0");
  });
});
