// A plan snapshot with nothing wrong, and the table-driven case shape, shared by the readiness tests.
import { expect } from "vitest";
import {
  computeReadiness,
  REQUIRED_INCIDENT_TYPES,
  REQUIRED_PLAN_ROLES,
  type ReadinessCheckKind,
  type ReadinessGap,
  type ReadinessOwnership,
  type ReadinessSnapshot,
} from "@/lib/domain/readiness";
import type { IncidentType, PlanRoleKind } from "@/lib/generated/prisma/enums";

export const NOW = new Date("2026-06-01T12:00:00Z");
export const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

export const owner = (
  role: "PRIMARY" | "SECONDARY",
  contactId: string,
  scope: Partial<ReadinessOwnership>,
  rank = 0,
): ReadinessOwnership => ({
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
export function healthy(): ReadinessSnapshot {
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
    // Practised: every playbook in an exercise this year, a tabletop last month, nothing overdue.
    practice: {
      exercisedPlaybookIds: (Object.keys(REQUIRED_INCIDENT_TYPES) as IncidentType[]).map((type) => `pb-${type}`),
      lastTabletopAt: daysAgo(30),
      openActionItemCount: 2,
      overdueActionItemCount: 0,
      overdueActionItems: [],
    },
  };
}

export type ReadinessCase = {
  name: string;
  change: (s: ReadinessSnapshot) => void;
  gaps: Partial<ReadinessGap>[];
  check: [ReadinessCheckKind, number, number];
};

export const withoutOwnership = (s: ReadinessSnapshot, match: (o: ReadinessOwnership) => boolean) => {
  s.ownerships = s.ownerships.filter((o) => !match(o));
};
export const replaceOwner = (s: ReadinessSnapshot, match: (o: ReadinessOwnership) => boolean, contactId: string) => {
  s.ownerships = s.ownerships.map((o) => (match(o) ? { ...o, contactId } : o));
};

/** One case: the change to a healthy plan gives exactly these gaps and this check result. */
export function expectCase({ change, gaps, check: [kind, passed, total] }: ReadinessCase) {
  const snapshot = healthy();
  change(snapshot);
  const result = computeReadiness(snapshot);
  expect(result.gaps).toHaveLength(gaps.length);
  gaps.forEach((expected, i) => expect(result.gaps[i]).toMatchObject(expected));
  expect(result.checks.find((c) => c.kind === kind)).toMatchObject({ passed, total, fraction: passed / total });
  expect(result.score).toBeLessThan(100);
}
