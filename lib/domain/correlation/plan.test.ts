import { describe, expect, it } from "vitest";
import { planCorrelation } from "@/lib/domain/correlation/plan";
import type { CorrelationInput } from "@/lib/domain/correlation/types";
import { alert, at, incident, input, label, NOW, placement } from "@/tests/support/correlation";

// One row per rule of the planner (plan.ts): the flush, and where each alert ends up ("INC" an open
// incident, "new:<alert>" one the plan opens from that alert, null none), which incidents open, and
// which stored alerts they take along.

type Case = {
  rule: string;
  given: Partial<CorrelationInput>;
  placed: Record<string, string | null>;
  opens?: { from: string; takenAlong: string[] }[];
};

const cases: Case[] = [
  {
    rule: "join: an alert in the window of an open incident of its key joins it",
    given: { alerts: [alert("a", { minute: 5 })], incidents: [incident("INC", { first: 0, last: 0 })] },
    placed: { a: "INC" },
  },
  {
    rule: "join: the window reaches `window` minutes past the last alert, inclusive",
    given: { alerts: [alert("a", { minute: 10 })], incidents: [incident("INC")] },
    placed: { a: "INC" },
  },
  {
    rule: "join: and as far before the first alert",
    given: { alerts: [alert("a", { minute: -10 })], incidents: [incident("INC")] },
    placed: { a: "INC" },
  },
  {
    rule: "join: past the window an alert at the threshold opens a new incident",
    given: { alerts: [alert("a", { minute: 11 })], incidents: [incident("INC")] },
    placed: { a: "new:a" },
    opens: [{ from: "a", takenAlong: [] }],
  },
  {
    rule: "join: never an incident of another key (another workload)",
    given: { alerts: [alert("a", { workload: "ledger-writer" })], incidents: [incident("INC")] },
    placed: { a: "new:a" },
    opens: [{ from: "a", takenAlong: [] }],
  },
  {
    rule: "join: of two open incidents in the window, the latest",
    given: {
      alerts: [alert("a", { minute: 8 })],
      incidents: [incident("OLD", { first: 0, last: 1, number: 1 }), incident("LATE", { first: 2, last: 3, number: 2 })],
    },
    placed: { a: "LATE" },
  },
  {
    rule: "join: while in its window, an alert joins the incident the previous alert of its key joined, before a later one",
    given: {
      alerts: [alert("a", { minute: 2 }), alert("b", { minute: 8 })],
      incidents: [incident("EARLY", { first: 0, last: 0, number: 1 }), incident("LATE", { first: 15, last: 15, number: 2 })],
    },
    placed: { a: "EARLY", b: "EARLY" },
  },
  {
    rule: "join: host events correlate on their node, not with other nodes' events",
    given: {
      alerts: [
        alert("a", { namespace: null, workload: null, podName: null, nodeName: "node-1", priority: "ERROR" }),
        alert("b", { minute: 1, namespace: null, workload: null, podName: null, nodeName: "node-2", priority: "ERROR" }),
        alert("c", { minute: 2, namespace: null, workload: null, podName: null, nodeName: "node-1" }),
      ],
    },
    placed: { a: "new:a", b: "new:b", c: "new:a" },
    opens: [
      { from: "a", takenAlong: [] },
      { from: "b", takenAlong: [] },
    ],
  },
  {
    rule: "threshold: below the source's minimum priority with nothing to join, an alert stays unattached",
    given: { alerts: [alert("a", { priority: "NOTICE" })] },
    placed: { a: null },
  },
  {
    rule: "threshold: a later alert of the flush joins the incident an earlier one opened",
    given: { alerts: [alert("a", { priority: "CRITICAL" }), alert("b", { minute: 3, priority: "DEBUG" })] },
    placed: { a: "new:a", b: "new:a" },
    opens: [{ from: "a", takenAlong: [] }],
  },
  {
    rule: "take-along: an opening takes the flush's earlier alerts in its window, not those before it",
    given: {
      alerts: [alert("x", { minute: -20, priority: "NOTICE" }), alert("y", { minute: -5, priority: "NOTICE" }), alert("a")],
    },
    placed: { x: null, y: "new:a", a: "new:a" },
    opens: [{ from: "a", takenAlong: ["y"] }],
  },
  {
    rule: "take-along: and stored unattached alerts of its key in its window, after the flush's",
    given: {
      alerts: [alert("y", { minute: -5, priority: "NOTICE" }), alert("a")],
      unattached: [
        alert("s1", { minute: -9, priority: "INFORMATIONAL" }),
        alert("s2", { minute: 4, priority: "INFORMATIONAL" }),
        alert("far", { minute: -30, priority: "INFORMATIONAL" }),
        alert("other", { minute: -1, workload: "ledger-writer", priority: "INFORMATIONAL" }),
      ],
    },
    placed: { y: "new:a", a: "new:a", s1: "new:a", s2: "new:a" },
    opens: [{ from: "a", takenAlong: ["y", "s1", "s2"] }],
  },
  {
    rule: "take-along: an alert of the flush listed as stored too is the flush's",
    given: {
      alerts: [alert("y", { minute: -5, priority: "NOTICE" }), alert("a")],
      unattached: [alert("y", { minute: -5, priority: "NOTICE" })],
    },
    placed: { y: "new:a", a: "new:a" },
    opens: [{ from: "a", takenAlong: ["y"] }],
  },
  {
    rule: "operational events (security: false) never join or open",
    given: { alerts: [alert("m", { security: false, priority: "CRITICAL" })], incidents: [incident("INC")] },
    placed: {},
  },
];

describe("planCorrelation rules", () => {
  it.each(cases)("$rule", ({ given, placed, opens = [] }) => {
    const plan = planCorrelation(input(given));
    expect(placement(plan, given.alerts ?? [])).toEqual(placed);
    expect(plan.opens.map((o) => ({ from: o.alert.id, takenAlong: o.takenAlong }))).toEqual(opens);
  });
});

describe("planCorrelation folding", () => {
  it("an incident's severity is the worst of its alerts', its ATT&CK the union, its times their bounds", () => {
    const plan = planCorrelation(
      input({
        alerts: [
          alert("a", { minute: 12, priority: "ERROR", tags: ["T1611", "mitre_privilege_escalation"] }),
          alert("b", { minute: -4, priority: "NOTICE", tags: ["mitre_persistence", "TA0002"] }),
        ],
        incidents: [incident("INC", { first: 0, last: 5, severity: "SEV3", attackTechniques: ["T1609"], attackTactics: ["execution"] })],
      }),
    );
    expect(plan.totals).toEqual([
      {
        incident: { kind: "existing", id: "INC", number: 1 },
        added: 2,
        first: at(-4),
        last: at(12),
        techniques: ["T1609", "T1611"],
        tactics: ["execution", "persistence", "privilege-escalation"],
        severity: "SEV2",
        bump: 1,
      },
    ]);
  });

  it("bumps an existing incident's version only when its severity rose; an opened one never", () => {
    const joinedOnly = planCorrelation(input({ alerts: [alert("a", { priority: "NOTICE" })], incidents: [incident("INC")] }));
    expect(joinedOnly.totals.map((t) => [t.severity, t.bump])).toEqual([["SEV3", 0]]);
    const opened = planCorrelation(input({ alerts: [alert("a"), alert("b", { minute: 1, priority: "CRITICAL" })] }));
    expect(opened.totals.map((t) => [label(t.incident), t.severity, t.bump, t.added])).toEqual([["new:a", "SEV1", 0, 2]]);
  });
});

describe("planCorrelation writes", () => {
  it("links only alerts placed otherwise than the insert placed them", () => {
    const plan = planCorrelation(
      input({
        alerts: [alert("a", { minute: 1 }), alert("b", { minute: 2 }), alert("c", { minute: 40, priority: "NOTICE" })],
        incidents: [incident("INC")],
        insertedWith: new Map([
          ["a", "INC"],
          ["b", null],
          ["c", "INC"],
        ]),
      }),
    );
    expect(plan.links.map((l) => [l.alertId, label(l.incident)])).toEqual([
      ["b", "INC"],
      ["c", null],
    ]);
  });

  it("writes one joined entry per incident per flush, and the opening's entries in reading order", () => {
    const plan = planCorrelation(
      input({
        alerts: [
          alert("y", { minute: -2, priority: "NOTICE" }),
          alert("a", { priority: "ERROR" }),
          alert("b", { minute: 1 }),
          alert("c", { minute: 2, rule: "Read sensitive file untrusted" }),
          alert("j", { workload: "ledger-writer", minute: 1 }),
        ],
        incidents: [incident("LEDGER", { correlationKey: "prod-eu/payments/ledger-writer", number: 7 })],
      }),
    );
    expect(plan.opens.map((o) => [o.alert.id, o.ownersAt])).toEqual([["a", new Date(NOW.getTime() + 1)]]);
    expect(plan.timeline.map((t) => [label(t.incident), t.at.getTime() - NOW.getTime(), t.message])).toEqual([
      ["new:a", 0, 'Opened from Falco alert "Terminal shell in container" (ERROR) on payments-api-7d9f8b6c5d-x2kqp in prod-eu/payments.'],
      ["LEDGER", 0, 'Alert joined: "Terminal shell in container" (WARNING) on payments-api-7d9f8b6c5d-x2kqp: sh -c id.'],
      ["new:a", 3, '2 alerts joined: "Read sensitive file untrusted", "Terminal shell in container".'],
      ["new:a", 2, `Attached 1 earlier alert of this workload that were below the source's threshold: "Terminal shell in container".`],
    ]);
    expect(plan.joined).toEqual([{ kind: "existing", id: "LEDGER", number: 7 }]);
  });

  it("says when an alert raised the severity", () => {
    const plan = planCorrelation(input({ alerts: [alert("a", { priority: "CRITICAL" })], incidents: [incident("INC")] }));
    expect(plan.timeline[0]!.message).toMatch(/Severity raised from SEV3 to SEV1\.$/);
  });

  it("opens incidents in the order of their opening alerts, whatever their keys", () => {
    const plan = planCorrelation(
      input({
        alerts: [alert("late", { minute: 5, workload: "a-first-by-name" }), alert("early", { minute: 1, workload: "z-last-by-name" })],
      }),
    );
    expect(plan.opens.map((o) => [o.alert.id, o.key])).toEqual([
      ["early", "prod-eu/payments/z-last-by-name"],
      ["late", "prod-eu/payments/a-first-by-name"],
    ]);
  });
});
