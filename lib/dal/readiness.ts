import "server-only";
import { db } from "@/lib/db";
import { authorize } from "@/lib/dal/authorize";
import { computeReadiness, type PlanReadiness, type ReadinessSnapshot } from "@/lib/domain/readiness";
import type { Actor } from "@/lib/domain/roles";

/**
 * The plan's readiness score and gaps, computed from one consistent snapshot of the plan (the
 * reads share a REPEATABLE READ transaction, so an edit landing mid-way cannot make a scope look
 * half-owned).
 */
export async function getPlanReadiness(actor: Actor): Promise<PlanReadiness> {
  await authorize(actor, "plan.read", { type: "PlanReadiness" });
  const client = db();
  const [contacts, clusters, ownerships, planRoles, escalationPolicies, latestRevision, playbooks] = await client.$transaction(
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
    ],
    { isolationLevel: "RepeatableRead" },
  );

  const snapshot: ReadinessSnapshot = {
    now: new Date(),
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
    // Exercises, their playbooks and action items are not recorded in the portal yet, so the three
    // practice checks are reported as not measured (README, "Readiness"). When the exercises area
    // lands, load ReadinessPractice here: completed exercises' playbook ids, the last completed
    // tabletop's conductedAt, and OPEN/IN_PROGRESS action items with their due dates.
    practice: null,
  };
  return computeReadiness(snapshot);
}
