import { describe, expect, it } from "vitest";
import type { IncidentStatus } from "@/lib/generated/prisma/enums";
import { allowedTransitions, checkTransition, INCIDENT_LIFECYCLE } from "@/lib/domain/incident-status";

describe("incident lifecycle", () => {
  it.each([
    ["OPEN", ["TRIAGED", "CLOSED"]],
    ["TRIAGED", ["CONTAINED", "CLOSED"]],
    ["CONTAINED", ["ERADICATED", "CLOSED"]],
    ["ERADICATED", ["RECOVERED", "CLOSED"]],
    ["RECOVERED", ["CLOSED"]],
    ["CLOSED", []],
  ] as [IncidentStatus, IncidentStatus[]][])("from %s allows %j", (from, to) => {
    expect(allowedTransitions(from)).toEqual(to);
  });

  it.each([
    ["OPEN", "TRIAGED", null, "triagedAt"],
    ["TRIAGED", "CONTAINED", null, "containedAt"],
    ["CONTAINED", "ERADICATED", null, "eradicatedAt"],
    ["ERADICATED", "RECOVERED", null, "recoveredAt"],
    ["RECOVERED", "CLOSED", null, "resolvedAt"],
    ["OPEN", "CLOSED", "False positive: the CI image scanner", "resolvedAt"],
  ] as [IncidentStatus, IncidentStatus, string | null, string][])("%s → %s records %s", (from, to, note, field) => {
    expect(checkTransition(from, to, note)).toEqual({ ok: true, timeField: field });
  });

  it("refuses skipping forward, going back, staying, and reopening", () => {
    expect(checkTransition("OPEN", "CONTAINED")).toMatchObject({
      ok: false,
      field: "to",
      message: expect.stringMatching(/one phase at a time/),
    });
    expect(checkTransition("CONTAINED", "TRIAGED")).toMatchObject({ ok: false, field: "to" });
    expect(checkTransition("TRIAGED", "TRIAGED")).toMatchObject({ ok: false, message: expect.stringMatching(/already triaged/) });
    for (const to of INCIDENT_LIFECYCLE)
      expect(checkTransition("CLOSED", to)).toMatchObject({ ok: false, message: expect.stringMatching(/not reopened/) });
  });

  it("needs a reason to close before recovery, not after", () => {
    expect(checkTransition("TRIAGED", "CLOSED", "  ")).toMatchObject({ ok: false, field: "note" });
    expect(checkTransition("RECOVERED", "CLOSED")).toMatchObject({ ok: true });
  });
});
