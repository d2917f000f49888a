// The shapes plan readiness is computed from and reported as. Plain data: the DAL fills the
// snapshot with a few queries, lib/domain/readiness.ts scores it.
import type { IncidentType, PlanRoleKind, Severity } from "@/lib/generated/prisma/enums";

export type ReadinessContact = { id: string; name: string; active: boolean; lastReviewedAt: Date | null };

/** A cluster with its namespace rows (names or patterns) and their workload rows: the scopes in use. */
export type ReadinessScopeTree = {
  id: string;
  name: string;
  namespaces: { id: string; name: string; isPattern: boolean; workloads: { id: string; name: string }[] }[];
};

/** A PRIMARY or SECONDARY ownership row (SECURITY rows do not count towards readiness). */
export type ReadinessOwnership = {
  role: "PRIMARY" | "SECONDARY";
  contactId: string;
  clusterId: string | null;
  namespaceId: string | null;
  workloadId: string | null;
  rank: number;
};

export type ReadinessPlanRole = { kind: PlanRoleKind; name: string; memberIds: string[] };

export type ReadinessEscalationPolicy = {
  severity: Severity;
  tiers: { position: number; targets: { planRoleKind: PlanRoleKind | null; contactId: string | null }[] }[];
};

export type ReadinessPlaybook = { id: string; title: string; incidentType: IncidentType; published: boolean; retired: boolean };

/** What the exercise record says about practice. */
export type ReadinessPractice = {
  /** Playbooks that took part (any of their versions) in an exercise completed in the last 12 months. */
  exercisedPlaybookIds: string[];
  /** When the most recent completed tabletop was conducted. */
  lastTabletopAt: Date | null;
  /** How many action items are still OPEN or IN_PROGRESS. */
  openActionItemCount: number;
  /** How many of those are past their due instant. */
  overdueActionItemCount: number;
  /** The overdue ones to name as gaps, most overdue first (the DAL may load only the first few). */
  overdueActionItems: { id: string; title: string; dueAt: Date; exerciseId: string }[];
};

export type ReadinessSnapshot = {
  now: Date;
  contacts: ReadinessContact[];
  clusters: ReadinessScopeTree[];
  ownerships: ReadinessOwnership[];
  planRoles: ReadinessPlanRole[];
  escalationPolicies: ReadinessEscalationPolicy[];
  /** The published revision with the highest number, if any. */
  latestRevision: { number: number; publishedAt: Date } | null;
  playbooks: ReadinessPlaybook[];
  practice: ReadinessPractice;
};

export const CHECK_KINDS = [
  "owner-coverage",
  "owner-currency",
  "plan-roles",
  "escalation",
  "plan-revision",
  "playbook-coverage",
  "playbooks-exercised",
  "tabletop-recency",
  "action-items",
] as const;
export type ReadinessCheckKind = (typeof CHECK_KINDS)[number];

/** In the order a manager should work through them: ownership first, practice last. */
export const GAP_KINDS = [
  "no-clusters",
  "missing-primary",
  "multiple-primaries",
  "missing-secondary",
  "same-primary-secondary",
  "inactive-owner",
  "stale-owner-review",
  "role-unfilled",
  "escalation-empty",
  "no-published-revision",
  "stale-revision",
  "incident-type-without-playbook",
  "playbook-not-exercised",
  "no-recent-tabletop",
  "overdue-action-item",
  "more-overdue-action-items",
] as const;
export type ReadinessGapKind = (typeof GAP_KINDS)[number];

export type ReadinessGap = { kind: ReadinessGapKind; check: ReadinessCheckKind; message: string; href: string };

export type ReadinessCheck = {
  kind: ReadinessCheckKind;
  label: string;
  weight: number;
  passed: number;
  total: number;
  /** passed / total, and 1 when there is nothing to get wrong. */
  fraction: number;
};

export type PlanReadiness = {
  score: number;
  measuredAt: Date;
  checks: ReadinessCheck[];
  gaps: ReadinessGap[];
};

export function sortGaps(gaps: ReadinessGap[]): ReadinessGap[] {
  return [...gaps].sort((a, b) => GAP_KINDS.indexOf(a.kind) - GAP_KINDS.indexOf(b.kind) || a.message.localeCompare(b.message));
}
