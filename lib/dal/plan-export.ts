import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { appendAuditEvent } from "@/lib/dal/audit";
import { authorize } from "@/lib/dal/authorize";
import { NotFoundError } from "@/lib/dal/errors";
import type { ClusterScopes, ScopeOwners } from "@/lib/domain/owner-resolution";
import { ownershipMatrix, type PlanExport } from "@/lib/domain/plan-markdown";
import { PLAN_ROLE_KINDS } from "@/lib/domain/plan-roles";
import { readPlanSections } from "@/lib/domain/plan-text";
import type { Actor } from "@/lib/domain/roles";

const ownerSelect = {
  role: true,
  rank: true,
  contact: { select: { id: true, name: true, active: true } },
} satisfies Prisma.OwnershipSelect;

const ownershipOrder = [{ rank: "asc" }, { createdAt: "asc" }] satisfies Prisma.OwnershipOrderByWithRelationInput[];

type OwnerRow = Prisma.OwnershipGetPayload<{ select: typeof ownerSelect }>;
type Person = { id: string; name: string; active: boolean };

function scopeOwners(rows: OwnerRow[]): ScopeOwners<Person> {
  const of = (role: OwnerRow["role"]) => rows.filter((r) => r.role === role).map((r) => r.contact);
  return { primary: of("PRIMARY")[0] ?? null, secondary: of("SECONDARY"), security: of("SECURITY") };
}

const person = (c: { name: string; phone: string | null; active: boolean }) =>
  `${c.name}${c.phone ? `, ${c.phone}` : ""}${c.active ? "" : " (inactive)"}`;

/** The DevOps owner roles page the scope's own owners; their members are only the fallback. */
const SCOPE_OWNER_ROLES = new Set(["DEVOPS_PRIMARY", "DEVOPS_SECONDARY"]);

/**
 * Everything the offline copy holds, gathered for the signed-in reader. Each export is audited as
 * `plan.export` (it takes contact details out of the portal). Throws NotFoundError while nothing
 * has been published.
 */
export async function getPlanExport(actor: Actor, format: "md" | "print", now = new Date()): Promise<PlanExport> {
  await authorize(actor, "plan.read", { type: "PlanRevision" });
  return db().$transaction(async (tx) => {
    const revision = await tx.planRevision.findFirst({
      where: { status: "PUBLISHED" },
      orderBy: { number: "desc" },
      select: { id: true, number: true, publishedAt: true, changeNote: true, sections: true, publishedBy: { select: { name: true } } },
    });
    if (!revision || revision.number === null || !revision.publishedAt) {
      throw new NotFoundError(
        "No plan revision has been published yet: an IR manager publishes the first one under Plan text & revisions.",
      );
    }
    // A transaction holds one connection, so its queries must run one after another.
    const contacts = await tx.contact.findMany({
      where: { active: true },
      orderBy: [{ team: "asc" }, { name: "asc" }],
      select: { name: true, email: true, phone: true, team: true, title: true },
    });
    const clusters = await tx.cluster.findMany({
      orderBy: { name: "asc" },
      select: {
        name: true,
        provider: true,
        runtime: true,
        environment: true,
        criticality: true,
        ownerships: { select: ownerSelect, orderBy: ownershipOrder },
        namespaces: {
          orderBy: { name: "asc" },
          select: {
            name: true,
            isPattern: true,
            ownerships: { select: ownerSelect, orderBy: ownershipOrder },
            workloads: { orderBy: { name: "asc" }, select: { name: true, ownerships: { select: ownerSelect, orderBy: ownershipOrder } } },
          },
        },
      },
    });
    const roles = await tx.planRole.findMany({
      select: {
        kind: true,
        name: true,
        description: true,
        members: { orderBy: { rank: "asc" }, select: { contact: { select: { name: true, phone: true, active: true } } } },
      },
    });
    const policies = await tx.escalationPolicy.findMany({
      orderBy: { severity: "asc" },
      select: {
        severity: true,
        name: true,
        description: true,
        tiers: {
          orderBy: { position: "asc" },
          select: {
            position: true,
            waitMinutes: true,
            targets: {
              select: {
                planRole: {
                  select: {
                    kind: true,
                    name: true,
                    members: { orderBy: { rank: "asc" }, select: { contact: { select: { name: true, active: true } } } },
                  },
                },
                contact: { select: { name: true, phone: true, active: true } },
              },
            },
          },
        },
      },
    });

    const scopes: ClusterScopes<Person>[] = clusters.map((c) => ({
      name: c.name,
      owners: scopeOwners(c.ownerships),
      namespaces: c.namespaces.map((ns) => ({
        name: ns.name,
        isPattern: ns.isPattern,
        owners: scopeOwners(ns.ownerships),
        workloads: ns.workloads.map((w) => ({ name: w.name, owners: scopeOwners(w.ownerships) })),
      })),
    }));

    const doc: PlanExport = {
      revision: {
        number: revision.number,
        publishedAt: revision.publishedAt,
        publishedBy: revision.publishedBy?.name ?? "unknown",
        changeNote: revision.changeNote,
        sections: readPlanSections(revision.sections),
      },
      exportedAt: now,
      exportedBy: actor.name,
      contacts,
      clusters: clusters.map(({ name, provider, runtime, environment, criticality }) => ({
        name,
        provider,
        runtime,
        environment,
        criticality,
      })),
      ownership: ownershipMatrix(scopes),
      roles: roles
        .sort((a, b) => PLAN_ROLE_KINDS.indexOf(a.kind) - PLAN_ROLE_KINDS.indexOf(b.kind))
        .map((r) => ({ name: r.name, description: r.description, members: r.members.map((m) => m.contact) })),
      escalation: policies.map((p) => ({
        severity: p.severity,
        name: p.name,
        description: p.description,
        tiers: p.tiers.map((t) => ({
          position: t.position,
          waitMinutes: t.waitMinutes,
          engage: t.targets.map((target) => {
            if (target.contact) return person(target.contact);
            if (!target.planRole) return "nobody";
            const names = target.planRole.members.map((m) => `${m.contact.name}${m.contact.active ? "" : " (inactive)"}`);
            if (SCOPE_OWNER_ROLES.has(target.planRole.kind)) {
              const fallback = names.length > 0 ? `; fallback ${names.join(", ")}` : "";
              return `${target.planRole.name} of the affected scope (see the ownership matrix${fallback})`;
            }
            if (names.length === 0) return `${target.planRole.name} (nobody assigned)`;
            const backups = names.length > 1 ? `, backup ${names.slice(1).join(", ")}` : "";
            return `${target.planRole.name} (${names[0]}${backups})`;
          }),
        })),
      })),
    };

    await appendAuditEvent(tx, {
      actor,
      action: "plan.export",
      targetType: "PlanRevision",
      targetId: revision.id,
      after: { format, revision: revision.number },
    });
    return doc;
  });
}
