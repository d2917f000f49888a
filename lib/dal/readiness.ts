import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorize } from "@/lib/dal/authorize";
import { computeReadiness, PLAYBOOK_EXERCISE_MAX_AGE_DAYS, type PlanReadiness, type ReadinessSnapshot } from "@/lib/domain/readiness";
import type { Actor } from "@/lib/domain/roles";

/** Overdue action items named one by one among the gaps; the rest are counted in one more gap. */
const OVERDUE_ITEMS_NAMED = 50;

/**
 * The plan's readiness score and gaps, computed from one consistent snapshot of the plan (the
 * reads share a REPEATABLE READ transaction, so an edit landing mid-way cannot make a scope look
 * half-owned).
 */
export async function getPlanReadiness(actor: Actor, now = new Date()): Promise<PlanReadiness> {
  await authorize(actor, "plan.read", { type: "PlanReadiness" });
  const client = db();
  const exercisedSince = new Date(now.getTime() - PLAYBOOK_EXERCISE_MAX_AGE_DAYS * 86_400_000);
  const open = { status: { in: ["OPEN", "IN_PROGRESS"] } } satisfies Prisma.ActionItemWhereInput;
  const overdue = { ...open, dueAt: { lt: now } } satisfies Prisma.ActionItemWhereInput;
  const [
    contacts,
    clusters,
    ownerships,
    planRoles,
    escalationPolicies,
    latestRevision,
    playbooks,
    exercisedPlaybooks,
    lastTabletop,
    openActionItemCount,
    overdueActionItemCount,
    overdueActionItems,
  ] = await client.$transaction(
    [
      client.contact.findMany({ select: { id: true, name: true, active: true, lastReviewedAt: true } }),
      client.cluster.findMany({
        orderBy: { name: "asc" },
        select: {
          id: true,
          name: true,
          namespaces: {
            orderBy: { name: "asc" },
            select: { id: true, name: true, isPattern: true, workloads: { orderBy: { name: "asc" }, select: { id: true, name: true } } },
          },
        },
      }),
      client.ownership.findMany({
        where: { role: { in: ["PRIMARY", "SECONDARY"] } },
        select: { role: true, contactId: true, clusterId: true, namespaceId: true, workloadId: true, rank: true },
      }),
      client.planRole.findMany({ select: { kind: true, name: true, members: { select: { contactId: true } } } }),
      client.escalationPolicy.findMany({
        select: {
          severity: true,
          tiers: { select: { position: true, targets: { select: { contactId: true, planRole: { select: { kind: true } } } } } },
        },
      }),
      client.planRevision.findFirst({
        where: { status: "PUBLISHED", number: { not: null }, publishedAt: { not: null } },
        orderBy: { number: "desc" },
        select: { number: true, publishedAt: true },
      }),
      client.playbook.findMany({
        select: {
          id: true,
          title: true,
          incidentType: true,
          retiredAt: true,
          _count: { select: { versions: { where: { status: "PUBLISHED" } } } },
        },
      }),
      client.playbook.findMany({
        where: {
          versions: {
            some: { exercises: { some: { exercise: { status: "COMPLETED", conductedAt: { gte: exercisedSince } } } } },
          },
        },
        select: { id: true },
      }),
      client.exercise.findFirst({
        where: { kind: "TABLETOP", status: "COMPLETED", conductedAt: { not: null } },
        orderBy: { conductedAt: "desc" },
        select: { conductedAt: true },
      }),
      client.actionItem.count({ where: open }),
      client.actionItem.count({ where: overdue }),
      client.actionItem.findMany({
        where: overdue,
        orderBy: [{ dueAt: "asc" }, { id: "asc" }],
        take: OVERDUE_ITEMS_NAMED,
        select: { id: true, title: true, dueAt: true, finding: { select: { exerciseId: true } } },
      }),
    ],
    { isolationLevel: "RepeatableRead" },
  );

  const snapshot: ReadinessSnapshot = {
    now,
    contacts,
    clusters,
    ownerships: ownerships.filter((o): o is typeof o & { role: "PRIMARY" | "SECONDARY" } => o.role !== "SECURITY"),
    planRoles: planRoles.map((r) => ({ kind: r.kind, name: r.name, memberIds: r.members.map((m) => m.contactId) })),
    escalationPolicies: escalationPolicies.map((p) => ({
      severity: p.severity,
      tiers: p.tiers.map((t) => ({
        position: t.position,
        targets: t.targets.map((target) => ({ contactId: target.contactId, planRoleKind: target.planRole?.kind ?? null })),
      })),
    })),
    latestRevision:
      latestRevision?.number != null && latestRevision.publishedAt
        ? { number: latestRevision.number, publishedAt: latestRevision.publishedAt }
        : null,
    playbooks: playbooks.map((p) => ({
      id: p.id,
      title: p.title,
      incidentType: p.incidentType,
      published: p._count.versions > 0,
      retired: p.retiredAt !== null,
    })),
    practice: {
      exercisedPlaybookIds: exercisedPlaybooks.map((p) => p.id),
      lastTabletopAt: lastTabletop?.conductedAt ?? null,
      openActionItemCount,
      overdueActionItemCount,
      overdueActionItems: overdueActionItems.map((item) => ({
        id: item.id,
        title: item.title,
        dueAt: item.dueAt!,
        exerciseId: item.finding.exerciseId,
      })),
    },
  };
  return computeReadiness(snapshot);
}
