import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorize } from "@/lib/dal/authorize";
import type { OpenActionItemsDto } from "@/lib/dto/exercises";
import { isOverdue } from "@/lib/domain/exercises/action-items";
import type { Actor } from "@/lib/domain/roles";

export type { OpenActionItemsDto };

/** What a page shows open action items for: the plan, a playbook, or an incident. */
export type ActionItemConcern = { kind: "plan" } | { kind: "playbook"; playbookId: string } | { kind: "incident"; incidentId: string };

/** Enough to see what is pending; the exercise page has the rest. */
const SHOWN = 20;

const OPEN = ["OPEN", "IN_PROGRESS"] as const;

/**
 * Findings that concern the incident: about its cluster, one of its ATT&CK techniques (or the
 * technique a sub-technique belongs to), or the playbook suggested for its type.
 */
async function incidentFindingWhere(incidentId: string): Promise<Prisma.FindingWhereInput | null> {
  const incident = await db().incident.findUnique({
    where: { id: incidentId },
    select: { clusterId: true, attackTechniques: true, suggestedPlaybookId: true },
  });
  if (!incident) return null;
  const techniques = [...new Set(incident.attackTechniques.flatMap((t) => [t, t.split(".")[0]!]))];
  const or: Prisma.FindingWhereInput[] = [];
  if (incident.clusterId) or.push({ clusterId: incident.clusterId });
  if (techniques.length) or.push({ attackTechnique: { in: techniques } });
  if (incident.suggestedPlaybookId) or.push({ playbookId: incident.suggestedPlaybookId });
  return or.length ? { OR: or } : null;
}

async function findingWhere(concern: ActionItemConcern): Promise<Prisma.FindingWhereInput | null> {
  switch (concern.kind) {
    case "plan":
      return { OR: [{ category: "PLAN" }, { planSectionKey: { not: null } }] };
    case "playbook":
      return { OR: [{ playbookId: concern.playbookId }, { playbookStep: { playbookVersion: { playbookId: concern.playbookId } } }] };
    case "incident":
      return incidentFindingWhere(concern.incidentId);
  }
}

/** The open exercise action items about something, most urgent first (overdue, then by due date). */
export async function listOpenActionItemsConcerning(
  actor: Actor,
  concern: ActionItemConcern,
  now = new Date(),
): Promise<OpenActionItemsDto> {
  await authorize(actor, "exercises.read", { type: "ActionItem" });
  const finding = await findingWhere(concern);
  if (!finding) return { items: [], total: 0 };
  const where: Prisma.ActionItemWhereInput = { status: { in: [...OPEN] }, finding };
  const [total, rows] = await Promise.all([
    db().actionItem.count({ where }),
    db().actionItem.findMany({
      where,
      orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      take: SHOWN,
      select: {
        id: true,
        title: true,
        status: true,
        dueAt: true,
        owner: { select: { name: true } },
        finding: { select: { title: true, severity: true, exercise: { select: { id: true, title: true } } } },
      },
    }),
  ]);
  return {
    total,
    items: rows.map(({ finding: { exercise, ...f }, ...item }) => ({
      ...item,
      status: item.status as "OPEN" | "IN_PROGRESS",
      overdue: isOverdue(item, now),
      finding: f,
      exercise,
    })),
  };
}
