import { describe, expect, it } from "vitest";
import {
  computeReadiness,
  readinessBand,
  READINESS_CHECKS,
  REQUIRED_INCIDENT_TYPES,
  REQUIRED_PLAN_ROLES,
  type ReadinessCheckKind,
  type ReadinessGap,
  type ReadinessOwnership,
  type ReadinessSnapshot,
} from "@/lib/domain/readiness";
import type { IncidentType, PlanRoleKind } from "@/lib/generated/prisma/enums";

const NOW = new Date("2026-06-01T12:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

const owner = (role: "PRIMARY" | "SECONDARY", contactId: string, scope: Partial<ReadinessOwnership>, rank = 0): ReadinessOwnership => ({
  role,
  contactId,
  clusterId: null,
  namespaceId: null,
  workloadId: null,
  rank,
  ...scope,
});

/**
 * A plan with nothing wrong: cluster `prod` (6 scopes in use: the cluster, namespaces `payments`,
 * `kube-system` (inherits), pattern `payments-*`, `payments-eu` (inherits the pattern) and the
 * workload `payments/api` (inherits `payments`)).
 */
function healthy(): ReadinessSnapshot {
  return {
    now: NOW,
    contacts: [
      { id: "alice", name: "Alice", active: true, lastReviewedAt: daysAgo(10) },
      { id: "bob", name: "Bob", active: true, lastReviewedAt: daysAgo(10) },
      { id: "carol", name: "Carol", active: true, lastReviewedAt: daysAgo(90) },
      { id: "dave", name: "Dave", active: false, lastReviewedAt: daysAgo(10) },
      { id: "erin", name: "Erin", active: true, lastReviewedAt: daysAgo(200) },
      { id: "frank", name: "Frank", active: true, lastReviewedAt: null },
    ],
    clusters: [
      {
        id: "prod",
        name: "prod",
        namespaces: [
          { id: "payments", name: "payments", isPattern: false, workloads: [{ id: "api", name: "api" }] },
          { id: "kube-system", name: "kube-system", isPattern: false, workloads: [] },
          { id: "payments-x", name: "payments-*", isPattern: true, workloads: [] },
          { id: "payments-eu", name: "payments-eu", isPattern: false, workloads: [] },
        ],
      },
    ],
    ownerships: [
      owner("PRIMARY", "alice", { clusterId: "prod" }),
      owner("SECONDARY", "bob", { clusterId: "prod" }),
      owner("PRIMARY", "carol", { namespaceId: "payments" }),
      owner("SECONDARY", "alice", { namespaceId: "payments" }),
      owner("PRIMARY", "bob", { namespaceId: "payments-x" }),
      owner("SECONDARY", "carol", { namespaceId: "payments-x" }),
    ],
    planRoles: (Object.entries(REQUIRED_PLAN_ROLES) as [PlanRoleKind, string][]).map(([kind, name]) => ({
      kind,
      name,
      memberIds: ["alice"],
    })),
    escalationPolicies: (["SEV1", "SEV2", "SEV3", "SEV4"] as const).map((severity) => ({
      severity,
      tiers: [{ position: 1, targets: [{ planRoleKind: "INCIDENT_COMMANDER", contactId: null }] }],
    })),
    latestRevision: { number: 2, publishedAt: daysAgo(30) },
    playbooks: (Object.keys(REQUIRED_INCIDENT_TYPES) as IncidentType[]).map((type) => ({
      id: `pb-${type}`,
      title: `Respond to ${type}`,
      incidentType: type,
      published: true,
      retired: false,
    })),
    practice: null,
  };
}

type Case = {
  name: string;
  change: (s: ReadinessSnapshot) => void;
  gaps: Partial<ReadinessGap>[];
  check: [ReadinessCheckKind, number, number];
};

const withoutOwnership = (s: ReadinessSnapshot, match: (o: ReadinessOwnership) => boolean) => {
  s.ownerships = s.ownerships.filter((o) => !match(o));
};
const replaceOwner = (s: ReadinessSnapshot, match: (o: ReadinessOwnership) => boolean, contactId: string) => {
  s.ownerships = s.ownerships.map((o) => (match(o) ? { ...o, contactId } : o));
};

const CASES: Case[] = [
  {
    name: "an inactive secondary named on a namespace fails it and the workload that inherits it, reported once",
    change: (s) => replaceOwner(s, (o) => o.namespaceId === "payments" && o.role === "SECONDARY", "dave"),
    gaps: [
      {
        kind: "inactive-owner",
        check: "owner-currency",
        message: "prod/payments: secondary owner Dave is inactive",
        href: "/plan/platform#prod/payments",
      },
    ],
    check: ["owner-currency", 4, 6],
  },
  {
    name: "an owner whose contact details are over 90 days old is a stale review, linked to the contact",
    change: (s) => replaceOwner(s, (o) => o.clusterId === "prod" && o.role === "SECONDARY", "erin"),
    gaps: [
      {
        kind: "stale-owner-review",
        message: "Erin (owner of prod): contact details last reviewed 200 days ago; review at least every 90 days",
        href: "/plan/contacts#contact-erin",
      },
    ],
    check: ["owner-currency", 4, 6],
  },
  {
    name: "an owner never reviewed is stale",
    change: (s) => replaceOwner(s, (o) => o.namespaceId === "payments" && o.role === "PRIMARY", "frank"),
    gaps: [
      {
        kind: "stale-owner-review",
        message: "Frank (owner of prod/payments): contact details never reviewed; review at least every 90 days",
      },
    ],
    check: ["owner-currency", 4, 6],
  },
  {
    name: "a cluster without a primary fails itself and every scope that inherits from it",
    change: (s) => withoutOwnership(s, (o) => o.clusterId === "prod" && o.role === "PRIMARY"),
    gaps: [
      {
        kind: "missing-primary",
        check: "owner-coverage",
        message: "prod: no primary owner (2 scopes in use affected)",
        href: "/plan/platform#prod",
      },
    ],
    check: ["owner-coverage", 4, 6],
  },
  {
    name: "no secondary anywhere fails every scope, one gap at the cluster",
    change: (s) => withoutOwnership(s, (o) => o.role === "SECONDARY"),
    gaps: [{ kind: "missing-secondary", message: "prod: no secondary owner (6 scopes in use affected)" }],
    check: ["owner-coverage", 0, 6],
  },
  {
    name: "the same person as primary and secondary on one scope",
    change: (s) => replaceOwner(s, (o) => o.namespaceId === "payments" && o.role === "SECONDARY", "carol"),
    gaps: [
      {
        kind: "same-primary-secondary",
        message: "prod/payments: Carol is both the primary and the secondary owner (2 scopes in use affected)",
        href: "/plan/platform#prod/payments",
      },
    ],
    check: ["owner-coverage", 4, 6],
  },
  {
    name: "the same person through inheritance is reported where the clash is introduced",
    change: (s) => s.ownerships.push(owner("PRIMARY", "bob", { namespaceId: "kube-system" })),
    gaps: [
      {
        kind: "same-primary-secondary",
        message: "prod/kube-system: Bob is both the primary and the secondary owner (the secondary role is inherited from prod)",
        href: "/plan/platform#prod/kube-system",
      },
    ],
    check: ["owner-coverage", 5, 6],
  },
  {
    name: "two primaries on one scope",
    change: (s) => s.ownerships.push(owner("PRIMARY", "carol", { clusterId: "prod" }, 1)),
    gaps: [{ kind: "multiple-primaries", message: "prod: 2 primary owners (Alice, Carol); name exactly one (2 scopes in use affected)" }],
    check: ["owner-coverage", 4, 6],
  },
  {
    name: "a workload's own owners override its namespace's",
    change: (s) => s.ownerships.push(owner("SECONDARY", "dave", { workloadId: "api" })),
    gaps: [
      { kind: "inactive-owner", message: "prod/payments/api: secondary owner Dave is inactive", href: "/plan/platform#prod/payments/api" },
    ],
    check: ["owner-currency", 5, 6],
  },
  {
    name: "a namespace matching a pattern inherits the pattern's owners before the cluster's",
    change: (s) => replaceOwner(s, (o) => o.namespaceId === "payments-x" && o.role === "PRIMARY", "dave"),
    gaps: [{ kind: "inactive-owner", message: "prod/payments-*: primary owner Dave is inactive", href: "/plan/platform#prod/payments-*" }],
    check: ["owner-currency", 4, 6],
  },
  {
    name: "the most specific pattern wins, as in owner resolution: a broader pattern's gap stays its own",
    change: (s) => {
      s.clusters[0]!.namespaces.push({ id: "pay", name: "pay*", isPattern: true, workloads: [] });
      s.ownerships.push(owner("PRIMARY", "dave", { namespaceId: "pay" }), owner("SECONDARY", "carol", { namespaceId: "pay" }));
    },
    gaps: [{ kind: "inactive-owner", message: "prod/pay*: primary owner Dave is inactive" }],
    check: ["owner-currency", 6, 7],
  },
  {
    name: "a namespace naming its own secondary who is the cluster's primary",
    change: (s) => s.ownerships.push(owner("SECONDARY", "alice", { namespaceId: "kube-system" })),
    gaps: [
      {
        kind: "same-primary-secondary",
        message: "prod/kube-system: Alice is both the primary and the secondary owner (the primary role is inherited from prod)",
      },
    ],
    check: ["owner-coverage", 5, 6],
  },
  {
    name: "an owner who is no known contact reaches no one",
    change: (s) => replaceOwner(s, (o) => o.clusterId === "prod" && o.role === "PRIMARY", "gone"),
    gaps: [{ kind: "inactive-owner", message: "prod: primary owner Unknown contact is inactive" }],
    check: ["owner-currency", 4, 6],
  },
  {
    name: "a plan without clusters knows no platform",
    change: (s) => {
      s.clusters = [];
      s.ownerships = [];
    },
    gaps: [{ kind: "no-clusters", href: "/plan/platform" }],
    check: ["owner-coverage", 0, 1],
  },
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

describe("plan readiness", () => {
  it("scores a plan with nothing wrong 100, over the measured checks only", () => {
    const result = computeReadiness(healthy());
    expect(result.score).toBe(100);
    expect(result.gaps).toEqual([]);
    expect(result.measuredAt).toBe(NOW);
    expect(result.checks.filter((c) => c.measured).map((c) => c.kind)).toEqual([
      "owner-coverage",
      "owner-currency",
      "plan-roles",
      "escalation",
      "plan-revision",
      "playbook-coverage",
    ]);
    expect(result.checks.find((c) => c.kind === "owner-coverage")).toMatchObject({ passed: 6, total: 6, fraction: 1 });
  });

  it("lists the exercise checks as not yet measured, never as passing", () => {
    const unmeasured = computeReadiness(healthy()).checks.filter((c) => !c.measured);
    expect(unmeasured.map((c) => c.kind)).toEqual(["playbooks-exercised", "tabletop-recency", "action-items"]);
    for (const c of unmeasured) {
      expect(c).toMatchObject({ passed: null, total: null, fraction: null, note: expect.stringContaining("Not yet measured") });
    }
  });

  it("has weights that add up to 100", () => {
    expect(Object.values(READINESS_CHECKS).reduce((sum, c) => sum + c.weight, 0)).toBe(100);
  });

  it.each(CASES)("$name", ({ change, gaps, check: [kind, passed, total] }) => {
    const snapshot = healthy();
    change(snapshot);
    const result = computeReadiness(snapshot);
    expect(result.gaps).toHaveLength(gaps.length);
    gaps.forEach((expected, i) => expect(result.gaps[i]).toMatchObject(expected));
    expect(result.checks.find((c) => c.kind === kind)).toMatchObject({ measured: true, passed, total, fraction: passed / total });
    expect(result.score).toBeLessThan(100);
  });

  it("weighs each measured check by its share: score = round(100 × Σ weight × fraction / Σ weight)", () => {
    const snapshot = healthy();
    snapshot.playbooks = []; // playbook coverage 0 of 7: loses 10 of 75 measured weight
    expect(computeReadiness(snapshot).score).toBe(87);
    snapshot.latestRevision = null; // and 10 more
    expect(computeReadiness(snapshot).score).toBe(73);
    // owner currency 4 of 6 on top: 15 × 2/6 = 5 more
    replaceOwner(snapshot, (o) => o.namespaceId === "payments" && o.role === "SECONDARY", "dave");
    expect(computeReadiness(snapshot).score).toBe(67);
  });

  it("scores a plan without clusters on the checks it can pass", () => {
    const snapshot = healthy();
    snapshot.clusters = [];
    snapshot.ownerships = [];
    expect(computeReadiness(snapshot).score).toBe(53); // 40 of 75
  });

  it("orders gaps ownership first, then roles, escalation, revision and playbooks", () => {
    const snapshot = healthy();
    snapshot.latestRevision = null;
    snapshot.planRoles = [];
    replaceOwner(snapshot, (o) => o.namespaceId === "payments" && o.role === "SECONDARY", "dave");
    replaceOwner(snapshot, (o) => o.clusterId === "prod" && o.role === "SECONDARY", "erin");
    const kinds = computeReadiness(snapshot).gaps.map((g) => g.kind);
    expect(kinds.slice(0, 2)).toEqual(["inactive-owner", "stale-owner-review"]);
    expect(kinds.indexOf("role-unfilled")).toBeLessThan(kinds.indexOf("escalation-empty"));
    expect(kinds.at(-1)).toBe("no-published-revision");
  });

  it("lists one stale-review gap per contact, with the scopes they own", () => {
    const snapshot = healthy();
    replaceOwner(snapshot, (o) => o.contactId === "bob", "erin");
    const stale = computeReadiness(snapshot).gaps.filter((g) => g.kind === "stale-owner-review");
    expect(stale).toEqual([expect.objectContaining({ message: expect.stringMatching(/^Erin \(owner of prod, prod\/payments-\*\): /) })]);
  });

  it("does not call an inactive owner's review stale: replacing them is the fix", () => {
    const snapshot = healthy();
    snapshot.contacts = snapshot.contacts.map((c) => (c.id === "dave" ? { ...c, lastReviewedAt: daysAgo(400) } : c));
    replaceOwner(snapshot, (o) => o.clusterId === "prod" && o.role === "PRIMARY", "dave");
    expect(computeReadiness(snapshot).gaps.map((g) => g.kind)).toEqual(["inactive-owner"]);
  });

  it("keeps a revision published exactly a year ago current", () => {
    const snapshot = healthy();
    snapshot.latestRevision = { number: 1, publishedAt: daysAgo(365) };
    expect(computeReadiness(snapshot).gaps).toEqual([]);
  });

  describe("once exercises are recorded", () => {
    const practised = (practice: ReadinessSnapshot["practice"]) => {
      const snapshot = healthy();
      snapshot.playbooks = snapshot.playbooks.slice(0, 2);
      snapshot.practice = practice;
      return computeReadiness(snapshot);
    };

    it("measures exercised playbooks, tabletop recency and overdue action items", () => {
      const result = practised({
        exercisedPlaybookIds: ["pb-CRYPTOMINING"],
        lastTabletopAt: daysAgo(400),
        openActionItems: [
          { id: "a1", title: "Default-deny egress", dueAt: daysAgo(3) },
          { id: "a2", title: "Status page wording", dueAt: daysAgo(-10) },
          { id: "a3", title: "No due date", dueAt: null },
        ],
      });
      expect(result.checks.every((c) => c.measured)).toBe(true);
      expect(result.checks.find((c) => c.kind === "playbooks-exercised")).toMatchObject({ passed: 1, total: 2 });
      expect(result.checks.find((c) => c.kind === "tabletop-recency")).toMatchObject({ passed: 0, total: 1 });
      expect(result.checks.find((c) => c.kind === "action-items")).toMatchObject({ passed: 2, total: 3 });
      expect(result.gaps.filter((g) => g.href === "/exercises").map((g) => g.message)).toEqual([
        "Playbook “Respond to SHELL_IN_CONTAINER” has never been exercised",
        "No tabletop exercise in the last 12 months (the last one was 400 days ago)",
        "Action item “Default-deny egress” is overdue by 3 days",
      ]);
    });

    it("counts nothing to do as done, but no tabletop at all as a gap", () => {
      const result = practised({
        exercisedPlaybookIds: ["pb-CRYPTOMINING", "pb-SHELL_IN_CONTAINER"],
        lastTabletopAt: null,
        openActionItems: [],
      });
      expect(result.checks.find((c) => c.kind === "action-items")).toMatchObject({ passed: 0, total: 0, fraction: 1 });
      expect(result.gaps.map((g) => g.message)).toContain("No tabletop exercise has been conducted");
    });

    it("scores over all nine checks: failing practice lowers the score that not measuring it left alone", () => {
      const unmeasured = practised(null).score;
      const failing = practised({
        exercisedPlaybookIds: [],
        lastTabletopAt: null,
        openActionItems: [{ id: "a", title: "x", dueAt: daysAgo(1) }],
      }).score;
      expect(failing).toBeLessThan(unmeasured);
    });
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
