// Plan readiness: a 0–100 score and the concrete gaps behind it (issue 3, "Readiness").
// score = round(100 × Σ weight × fraction / Σ weight) over the nine checks; the weights add up to 100.
// Pure: the DAL loads a ReadinessSnapshot, this decides. The formula is documented in README.md.
import type { IncidentType, PlanRoleKind } from "@/lib/dto/enums";
import { SEVERITIES } from "@/lib/domain/escalation";
import { evaluateOwnership } from "@/lib/domain/readiness-ownership";
import {
  CHECK_KINDS,
  sortGaps,
  type PlanReadiness,
  type ReadinessCheck,
  type ReadinessCheckKind,
  type ReadinessGap,
  type ReadinessPractice,
  type ReadinessSnapshot,
} from "@/lib/domain/readiness-model";

export * from "@/lib/domain/readiness-model";

const DAY_MS = 86_400_000;

/** A published plan revision older than this is stale (PCI DSS v4.0 12.10.2: review the plan every 12 months). */
export const REVISION_STALE_DAYS = 365;
/** A tabletop at least this often (PCI DSS v4.0 12.10.2: test the plan every 12 months). */
export const TABLETOP_MAX_AGE_DAYS = 365;
/** A playbook counts as exercised when a completed exercise used it within this many days. */
export const PLAYBOOK_EXERCISE_MAX_AGE_DAYS = 365;

/** Weights add up to 100, so that each weight is its share of the score. */
export const READINESS_CHECKS: Record<ReadinessCheckKind, { label: string; weight: number }> = {
  "owner-coverage": { label: "Every scope in use has one primary and a different secondary owner", weight: 20 },
  "owner-currency": { label: "Owners are active and reviewed in the last 90 days", weight: 15 },
  "plan-roles": { label: "Every plan role is filled by an active contact", weight: 10 },
  escalation: { label: "Every severity has an escalation policy whose tiers page someone", weight: 10 },
  "plan-revision": { label: "A plan revision published in the last 12 months", weight: 10 },
  "playbook-coverage": { label: "A published playbook for every core incident type", weight: 10 },
  "playbooks-exercised": { label: "Every published playbook exercised in the last 12 months", weight: 10 },
  "tabletop-recency": { label: "A tabletop exercise in the last 12 months", weight: 10 },
  "action-items": { label: "No overdue exercise action items", weight: 5 },
};

/** The IR roles every plan fills (the PlanRoleKind enum, in plan order). */
export const REQUIRED_PLAN_ROLES: Record<PlanRoleKind, string> = {
  INCIDENT_COMMANDER: "Incident commander",
  DEPUTY_COMMANDER: "Deputy commander",
  SECURITY_LEAD: "Security lead",
  DEVOPS_PRIMARY: "DevOps primary owner",
  DEVOPS_SECONDARY: "DevOps secondary owner",
  LEGAL: "Legal counsel",
  COMMUNICATIONS: "Communications",
  EXECUTIVE: "Executive sponsor",
};

/**
 * The incident types a container platform's plan must have a playbook for: the ones runtime
 * detection raises (DESIGN.md's list). DATA_EXFILTRATION, PERSISTENCE, DISCOVERY and OTHER are
 * optional: their response is the generic one.
 */
export const REQUIRED_INCIDENT_TYPES: Partial<Record<IncidentType, string>> = {
  CRYPTOMINING: "cryptomining",
  SHELL_IN_CONTAINER: "shell in a container",
  CONTAINER_ESCAPE: "container escape",
  MALICIOUS_IMAGE: "malicious or compromised image",
  CREDENTIAL_ACCESS: "credential access / leaked secrets",
  MALWARE: "malware",
  RANSOMWARE: "ransomware",
};

type Measurement = { passed: number; total: number; gaps: ReadinessGap[] };

const daysSince = (then: Date, now: Date) => Math.floor((now.getTime() - then.getTime()) / DAY_MS);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function gap(check: ReadinessCheckKind, kind: ReadinessGap["kind"], message: string, href: string): ReadinessGap {
  return { check, kind, message, href };
}

/** A role is filled when at least one of its members is an active contact. */
function filledRoles(snapshot: ReadinessSnapshot): Set<PlanRoleKind> {
  const active = new Set(snapshot.contacts.filter((c) => c.active).map((c) => c.id));
  return new Set(snapshot.planRoles.filter((r) => r.memberIds.some((id) => active.has(id))).map((r) => r.kind));
}

function measurePlanRoles(snapshot: ReadinessSnapshot, filled: Set<PlanRoleKind>): Measurement {
  const names = new Map(snapshot.contacts.map((c) => [c.id, c.name]));
  const gaps: ReadinessGap[] = [];
  for (const [kind, label] of Object.entries(REQUIRED_PLAN_ROLES) as [PlanRoleKind, string][]) {
    if (filled.has(kind)) continue;
    const role = snapshot.planRoles.find((r) => r.kind === kind);
    const members = role?.memberIds.map((id) => names.get(id) ?? "an unknown contact") ?? [];
    const why = members.length === 0 ? "has no one in it" : `has only inactive members (${members.join(", ")})`;
    gaps.push(
      gap(
        "plan-roles",
        "role-unfilled",
        `Plan role ${role?.name ?? label} ${why}`,
        `/plan/roles#role-${kind.toLowerCase().replaceAll("_", "-")}`,
      ),
    );
  }
  return { passed: Object.keys(REQUIRED_PLAN_ROLES).length - gaps.length, total: Object.keys(REQUIRED_PLAN_ROLES).length, gaps };
}

/** A tier pages someone when any target is a filled role or an active contact. */
function measureEscalation(snapshot: ReadinessSnapshot, filled: Set<PlanRoleKind>): Measurement {
  const active = new Set(snapshot.contacts.filter((c) => c.active).map((c) => c.id));
  const gaps: ReadinessGap[] = [];
  let passed = 0;
  for (const severity of SEVERITIES) {
    const href = `/plan/roles#escalation-${severity.toLowerCase()}`;
    const policy = snapshot.escalationPolicies.find((p) => p.severity === severity);
    const problems: string[] = [];
    if (!policy) problems.push(`${severity}: no escalation policy`);
    else if (policy.tiers.length === 0) problems.push(`${severity}: the escalation policy has no tiers`);
    for (const tier of [...(policy?.tiers ?? [])].sort((a, b) => a.position - b.position)) {
      const reaches = tier.targets.some((t) => (t.planRoleKind && filled.has(t.planRoleKind)) || (t.contactId && active.has(t.contactId)));
      if (tier.targets.length === 0) problems.push(`${severity}: escalation tier ${tier.position} has no targets`);
      else if (!reaches)
        problems.push(`${severity}: escalation tier ${tier.position} pages no one (its roles are unfilled or its contacts inactive)`);
    }
    if (problems.length === 0) passed += 1;
    for (const message of problems) gaps.push(gap("escalation", "escalation-empty", message, href));
  }
  return { passed, total: SEVERITIES.length, gaps };
}

function measureRevision(snapshot: ReadinessSnapshot): Measurement {
  const revision = snapshot.latestRevision;
  if (!revision) {
    return {
      passed: 0,
      total: 1,
      gaps: [gap("plan-revision", "no-published-revision", "No plan revision has been published: no plan is in force", "/plan/revisions")],
    };
  }
  const age = daysSince(revision.publishedAt, snapshot.now);
  if (age <= REVISION_STALE_DAYS) return { passed: 1, total: 1, gaps: [] };
  const message = `Plan revision ${revision.number} was published ${age} days ago; review and publish the plan at least yearly`;
  return { passed: 0, total: 1, gaps: [gap("plan-revision", "stale-revision", message, "/plan/revisions")] };
}

/** Playbooks that count: not retired, with a published version. */
const livePlaybooks = (snapshot: ReadinessSnapshot) => snapshot.playbooks.filter((p) => p.published && !p.retired);

function measurePlaybookCoverage(snapshot: ReadinessSnapshot): Measurement {
  const covered = new Set(livePlaybooks(snapshot).map((p) => p.incidentType));
  const gaps: ReadinessGap[] = [];
  const types = Object.entries(REQUIRED_INCIDENT_TYPES) as [IncidentType, string][];
  for (const [type, label] of types) {
    if (!covered.has(type))
      gaps.push(gap("playbook-coverage", "incident-type-without-playbook", `No published playbook for ${label} incidents`, "/playbooks"));
  }
  return { passed: types.length - gaps.length, total: types.length, gaps };
}

function measurePlaybooksExercised(snapshot: ReadinessSnapshot): Measurement {
  const exercised = new Set(snapshot.practice.exercisedPlaybookIds);
  const live = livePlaybooks(snapshot);
  const gaps = live
    .filter((p) => !exercised.has(p.id))
    .map((p) =>
      gap(
        "playbooks-exercised",
        "playbook-not-exercised",
        `Playbook “${p.title}” has not been exercised in the last 12 months`,
        "/exercises/new",
      ),
    );
  return { passed: live.length - gaps.length, total: live.length, gaps };
}

function measureTabletop(now: Date, lastTabletopAt: Date | null): Measurement {
  if (lastTabletopAt && daysSince(lastTabletopAt, now) <= TABLETOP_MAX_AGE_DAYS) return { passed: 1, total: 1, gaps: [] };
  const message = lastTabletopAt
    ? `No tabletop exercise in the last 12 months (the last one was ${daysSince(lastTabletopAt, now)} days ago)`
    : "No tabletop exercise has been conducted";
  return { passed: 0, total: 1, gaps: [gap("tabletop-recency", "no-recent-tabletop", message, "/exercises/new")] };
}

/** Each overdue item is a gap on its exercise; ones the DAL did not load are summed up in one more. */
function measureActionItems(now: Date, practice: ReadinessPractice): Measurement {
  const gaps = practice.overdueActionItems.map((item) => {
    const days = Math.max(1, daysSince(item.dueAt, now));
    return gap(
      "action-items",
      "overdue-action-item",
      `Action item “${item.title}” is overdue by ${plural(days, "day")}`,
      `/exercises/${item.exerciseId}#action-item-${item.id}`,
    );
  });
  const unlisted = practice.overdueActionItemCount - practice.overdueActionItems.length;
  if (unlisted > 0) {
    gaps.push(gap("action-items", "more-overdue-action-items", `${plural(unlisted, "more action item")} overdue`, "/exercises"));
  }
  return {
    passed: practice.openActionItemCount - practice.overdueActionItemCount,
    total: practice.openActionItemCount,
    gaps,
  };
}

function toCheck(kind: ReadinessCheckKind, m: Measurement): ReadinessCheck {
  const { label, weight } = READINESS_CHECKS[kind];
  // Nothing to get wrong (no open action items, no playbooks to exercise) is a pass.
  const fraction = m.total === 0 ? 1 : m.passed / m.total;
  return { kind, label, weight, passed: m.passed, total: m.total, fraction };
}

export function computeReadiness(snapshot: ReadinessSnapshot): PlanReadiness {
  const { now } = snapshot;
  const ownership = evaluateOwnership(snapshot.clusters, snapshot.ownerships, snapshot.contacts, now);
  // With no clusters the plan knows no platform: both ownership checks fail on that one gap.
  const noClusters = ownership.scopes === 0;
  const noClustersGap = gap(
    "owner-coverage",
    "no-clusters",
    "The plan lists no clusters: add your clusters, namespaces and their owners",
    "/plan/platform",
  );
  const filled = filledRoles(snapshot);

  const measurements: Record<ReadinessCheckKind, Measurement> = {
    "owner-coverage": noClusters
      ? { passed: 0, total: 1, gaps: [noClustersGap] }
      : { passed: ownership.covered, total: ownership.scopes, gaps: ownership.coverageGaps },
    "owner-currency": noClusters
      ? { passed: 0, total: 1, gaps: [] }
      : { passed: ownership.current, total: ownership.scopes, gaps: ownership.currencyGaps },
    "plan-roles": measurePlanRoles(snapshot, filled),
    escalation: measureEscalation(snapshot, filled),
    "plan-revision": measureRevision(snapshot),
    "playbook-coverage": measurePlaybookCoverage(snapshot),
    "playbooks-exercised": measurePlaybooksExercised(snapshot),
    "tabletop-recency": measureTabletop(now, snapshot.practice.lastTabletopAt),
    "action-items": measureActionItems(now, snapshot.practice),
  };

  const checks = CHECK_KINDS.map((kind) => toCheck(kind, measurements[kind]));
  const weightSum = checks.reduce((sum, c) => sum + c.weight, 0);
  const earned = checks.reduce((sum, c) => sum + c.weight * c.fraction, 0);
  const score = Math.round((100 * earned) / weightSum);
  const gaps = sortGaps(CHECK_KINDS.flatMap((kind) => measurements[kind].gaps));
  return { score, measuredAt: now, checks, gaps };
}

export type ReadinessBand = { tone: "good" | "warn" | "bad"; label: string };

/** The colour band the score is shown in. */
export function readinessBand(score: number): ReadinessBand {
  if (score >= 90) return { tone: "good", label: "Ready" };
  if (score >= 70) return { tone: "warn", label: "Gaps to close" };
  return { tone: "bad", label: "Not ready" };
}
