import { describe, expect, it } from "vitest";
import { computeReadiness, readinessBand, READINESS_CHECKS } from "@/lib/domain/readiness";
import { daysAgo, expectCase, healthy, NOW, replaceOwner, type ReadinessCase } from "@/lib/domain/readiness-snapshot.fixture";

const CASES: ReadinessCase[] = [
  {
    name: "a plan role with no members is unfilled",
    change: (s) => {
      s.planRoles = s.planRoles.filter((r) => r.kind !== "LEGAL");
    },
    gaps: [{ kind: "role-unfilled", message: "Plan role Legal counsel has no one in it", href: "/plan/roles#role-legal" }],
    check: ["plan-roles", 7, 8],
  },
  {
    name: "a plan role whose members are all inactive is unfilled",
    change: (s) => {
      s.planRoles = s.planRoles.map((r) => (r.kind === "COMMUNICATIONS" ? { ...r, memberIds: ["dave"] } : r));
    },
    gaps: [
      {
        kind: "role-unfilled",
        message: "Plan role Communications has only inactive members (Dave)",
        href: "/plan/roles#role-communications",
      },
    ],
    check: ["plan-roles", 7, 8],
  },
  {
    name: "a severity without an escalation policy",
    change: (s) => {
      s.escalationPolicies = s.escalationPolicies.filter((p) => p.severity !== "SEV3");
    },
    gaps: [{ kind: "escalation-empty", message: "SEV3: no escalation policy", href: "/plan/roles#escalation-sev3" }],
    check: ["escalation", 3, 4],
  },
  {
    name: "an escalation policy without tiers",
    change: (s) => {
      s.escalationPolicies[0]!.tiers = [];
    },
    gaps: [{ kind: "escalation-empty", message: "SEV1: the escalation policy has no tiers" }],
    check: ["escalation", 3, 4],
  },
  {
    name: "an escalation tier without targets",
    change: (s) => {
      s.escalationPolicies[1]!.tiers.push({ position: 2, targets: [] });
    },
    gaps: [{ kind: "escalation-empty", message: "SEV2: escalation tier 2 has no targets", href: "/plan/roles#escalation-sev2" }],
    check: ["escalation", 3, 4],
  },
  {
    name: "an escalation tier that pages only an inactive contact",
    change: (s) => {
      s.escalationPolicies[3]!.tiers.push({ position: 2, targets: [{ planRoleKind: null, contactId: "dave" }] });
    },
    gaps: [{ kind: "escalation-empty", message: "SEV4: escalation tier 2 pages no one (its roles are unfilled or its contacts inactive)" }],
    check: ["escalation", 3, 4],
  },
  {
    name: "no published plan revision",
    change: (s) => {
      s.latestRevision = null;
    },
    gaps: [{ kind: "no-published-revision", href: "/plan/revisions" }],
    check: ["plan-revision", 0, 1],
  },
  {
    name: "a plan revision published more than a year ago",
    change: (s) => {
      s.latestRevision = { number: 4, publishedAt: daysAgo(366) };
    },
    gaps: [{ kind: "stale-revision", message: "Plan revision 4 was published 366 days ago; review and publish the plan at least yearly" }],
    check: ["plan-revision", 0, 1],
  },
  {
    name: "core incident types need a published, unretired playbook",
    change: (s) => {
      s.playbooks = s.playbooks
        .filter((p) => p.incidentType !== "RANSOMWARE")
        .map((p) =>
          p.incidentType === "MALWARE" ? { ...p, published: false } : p.incidentType === "CRYPTOMINING" ? { ...p, retired: true } : p,
        );
    },
    gaps: [
      { kind: "incident-type-without-playbook", message: "No published playbook for cryptomining incidents", href: "/playbooks" },
      { kind: "incident-type-without-playbook", message: "No published playbook for malware incidents" },
      { kind: "incident-type-without-playbook", message: "No published playbook for ransomware incidents" },
    ],
    check: ["playbook-coverage", 4, 7],
  },
];

const PRACTICE_CASES: ReadinessCase[] = [
  {
    name: "a published playbook no completed exercise used this year, linked to planning one",
    change: (s) => {
      s.practice.exercisedPlaybookIds = s.practice.exercisedPlaybookIds.filter((id) => id !== "pb-RANSOMWARE");
    },
    gaps: [
      {
        kind: "playbook-not-exercised",
        message: "Playbook “Respond to RANSOMWARE” has not been exercised in the last 12 months",
        href: "/exercises/new",
      },
    ],
    check: ["playbooks-exercised", 6, 7],
  },
  {
    name: "the last tabletop over a year ago",
    change: (s) => {
      s.practice.lastTabletopAt = daysAgo(400);
    },
    gaps: [{ kind: "no-recent-tabletop", message: "No tabletop exercise in the last 12 months (the last one was 400 days ago)" }],
    check: ["tabletop-recency", 0, 1],
  },
  {
    name: "no tabletop ever",
    change: (s) => {
      s.practice.lastTabletopAt = null;
    },
    gaps: [{ kind: "no-recent-tabletop", message: "No tabletop exercise has been conducted", href: "/exercises/new" }],
    check: ["tabletop-recency", 0, 1],
  },
  {
    name: "an overdue action item, linked to it on its exercise",
    change: (s) => {
      s.practice.overdueActionItemCount = 1;
      s.practice.overdueActionItems = [{ id: "a1", title: "Default-deny egress", dueAt: daysAgo(3), exerciseId: "ex1" }];
    },
    gaps: [
      {
        kind: "overdue-action-item",
        message: "Action item “Default-deny egress” is overdue by 3 days",
        href: "/exercises/ex1#action-item-a1",
      },
    ],
    check: ["action-items", 1, 2],
  },
  {
    name: "more overdue items than the DAL named are counted in one more gap",
    change: (s) => {
      s.practice.openActionItemCount = 60;
      s.practice.overdueActionItemCount = 52;
      s.practice.overdueActionItems = [{ id: "a1", title: "Default-deny egress", dueAt: daysAgo(1), exerciseId: "ex1" }];
    },
    gaps: [
      { message: "Action item “Default-deny egress” is overdue by 1 day" },
      { message: "51 more action items overdue", href: "/exercises" },
    ],
    check: ["action-items", 8, 60],
  },
];

describe("plan readiness", () => {
  it("scores a plan with nothing wrong 100 over all nine checks", () => {
    const result = computeReadiness(healthy());
    expect(result.score).toBe(100);
    expect(result.gaps).toEqual([]);
    expect(result.measuredAt).toBe(NOW);
    expect(result.checks.map((c) => c.kind)).toEqual([
      "owner-coverage",
      "owner-currency",
      "plan-roles",
      "escalation",
      "plan-revision",
      "playbook-coverage",
      "playbooks-exercised",
      "tabletop-recency",
      "action-items",
    ]);
    expect(result.checks.find((c) => c.kind === "owner-coverage")).toMatchObject({ passed: 6, total: 6, fraction: 1 });
  });

  it("has weights that add up to 100", () => {
    expect(Object.values(READINESS_CHECKS).reduce((sum, c) => sum + c.weight, 0)).toBe(100);
  });

  it.each(CASES)("$name", expectCase);
  it.each(PRACTICE_CASES)("practice: $name", expectCase);

  it("weighs each check by its share: score = round(100 × Σ weight × fraction / Σ weight)", () => {
    const snapshot = healthy();
    snapshot.playbooks = []; // playbook coverage 0 of 7 loses its 10; nothing left to exercise passes
    expect(computeReadiness(snapshot).score).toBe(90);
    snapshot.latestRevision = null; // and 10 more
    expect(computeReadiness(snapshot).score).toBe(80);
    // owner currency 4 of 6 on top: 15 × 2/6 = 5 more
    replaceOwner(snapshot, (o) => o.namespaceId === "payments" && o.role === "SECONDARY", "dave");
    expect(computeReadiness(snapshot).score).toBe(75);
  });

  it("scores a plan without clusters on the checks it can pass", () => {
    const snapshot = healthy();
    snapshot.clusters = [];
    snapshot.ownerships = [];
    expect(computeReadiness(snapshot).score).toBe(65); // both ownership checks (35) fail
  });

  it("counts no open action items as nothing overdue", () => {
    const snapshot = healthy();
    snapshot.practice.openActionItemCount = 0;
    expect(computeReadiness(snapshot).checks.find((c) => c.kind === "action-items")).toMatchObject({ passed: 0, total: 0, fraction: 1 });
  });

  it("orders gaps ownership first, then roles, escalation, revision, playbooks and practice", () => {
    const snapshot = healthy();
    snapshot.latestRevision = null;
    snapshot.planRoles = [];
    snapshot.practice.lastTabletopAt = null;
    replaceOwner(snapshot, (o) => o.namespaceId === "payments" && o.role === "SECONDARY", "dave");
    replaceOwner(snapshot, (o) => o.clusterId === "prod" && o.role === "SECONDARY", "erin");
    const kinds = computeReadiness(snapshot).gaps.map((g) => g.kind);
    expect(kinds.slice(0, 2)).toEqual(["inactive-owner", "stale-owner-review"]);
    expect(kinds.indexOf("role-unfilled")).toBeLessThan(kinds.indexOf("escalation-empty"));
    expect(kinds.indexOf("no-published-revision")).toBeLessThan(kinds.indexOf("no-recent-tabletop"));
    expect(kinds.at(-1)).toBe("no-recent-tabletop");
  });

  it("keeps a revision published exactly a year ago current", () => {
    const snapshot = healthy();
    snapshot.latestRevision = { number: 1, publishedAt: daysAgo(365) };
    expect(computeReadiness(snapshot).gaps).toEqual([]);
  });
});

describe("readiness band", () => {
  it.each([
    [100, "good"],
    [90, "good"],
    [89, "warn"],
    [70, "warn"],
    [69, "bad"],
    [0, "bad"],
  ] as const)("%i is %s", (score, tone) => {
    expect(readinessBand(score).tone).toBe(tone);
  });
});
