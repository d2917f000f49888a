import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { appendAuditEvent, auditChainHead } from "@/lib/dal/audit";
import { authorize } from "@/lib/dal/authorize";
import { type ExportedExercise, type ExportTable } from "@/lib/domain/exercises/export";
import type { Actor } from "@/lib/domain/roles";

/** Exercises read per query: with ~20 findings and ~40 items each, a page is a few thousand rows. */
const PAGE = 50;

const exportSelect = {
  id: true,
  kind: true,
  title: true,
  scenario: true,
  scenarioDescription: true,
  status: true,
  cancelReason: true,
  scheduledAt: true,
  conductedAt: true,
  facilitator: true,
  facilitatorOrganisation: true,
  redTeamOrganisation: true,
  attackTechniques: true,
  outcome: true,
  planRevision: { select: { id: true, number: true } },
  prerequisite: { select: { id: true, title: true } },
  repeats: { select: { id: true, title: true } },
  overrideReason: true,
  overrideBy: { select: { name: true, email: true } },
  overrideAt: true,
  playbooks: {
    orderBy: { id: "asc" },
    select: { playbookVersion: { select: { id: true, number: true, playbook: { select: { id: true, title: true } } } } },
  },
  participants: {
    orderBy: { id: "asc" },
    select: {
      contact: { select: { id: true, name: true } },
      user: { select: { id: true, name: true } },
      planRole: true,
      part: true,
      attendance: true,
    },
  },
  scope: { orderBy: { id: "asc" }, select: { cluster: { select: { name: true } }, namespace: { select: { name: true } } } },
  createdAt: true,
  findings: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      category: true,
      severity: true,
      status: true,
      description: true,
      recommendation: true,
      planSectionKey: true,
      playbook: { select: { id: true, title: true } },
      playbookStep: { select: { id: true, title: true, position: true } },
      attackTechnique: true,
      cluster: { select: { id: true, name: true } },
      recurrenceOfId: true,
      createdAt: true,
      actionItems: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          title: true,
          status: true,
          owner: { select: { id: true, name: true } },
          dueAt: true,
          wontFixReason: true,
          closedAt: true,
          closedByPlanRevision: { select: { id: true, number: true } },
          closedByPlaybookVersion: { select: { id: true, number: true, playbook: { select: { title: true } } } },
          createdAt: true,
        },
      },
    },
  },
} satisfies Prisma.ExerciseSelect;

/** Where the audit chain stood when the export was taken: its own audit event is the head. */
export type ExportStamp = { exportedAt: Date; auditHead: { seq: string; hash: string } };

export type ExerciseExport = { stamp: ExportStamp; pages: AsyncGenerator<ExportedExercise[]> };

/**
 * The whole exercise record for an auditor, in pages by id so that a long history never sits in
 * memory. The export is audited as a read before anything is sent, and stamped with the time and
 * the audit chain's head (that event's seq and hash): an auditor can show later which record the
 * file was taken from. Exercises recorded while it streams may or may not be in it; the stamp
 * says when it was taken.
 */
export async function exportExercises(
  actor: Actor,
  request: { format: "json" | "csv"; table: ExportTable | null },
): Promise<ExerciseExport> {
  await authorize(actor, "exercises.export", { type: "Exercise" });
  const stamp = await db().$transaction(async (tx) => {
    await appendAuditEvent(tx, {
      actor,
      action: "exercise.export",
      targetType: "Exercise",
      after: { format: request.format, table: request.table },
    });
    const head = (await auditChainHead(tx))!;
    return { exportedAt: head.at, auditHead: { seq: head.seq.toString(), hash: head.hash } };
  });
  async function* pages(): AsyncGenerator<ExportedExercise[]> {
    let after: string | null = null;
    for (;;) {
      const rows: ExportedExercise[] = await db().exercise.findMany({
        where: after ? { id: { gt: after } } : undefined,
        orderBy: { id: "asc" },
        take: PAGE,
        select: exportSelect,
      });
      if (rows.length === 0) return;
      yield rows;
      if (rows.length < PAGE) return;
      after = rows.at(-1)!.id;
    }
  }
  return { stamp, pages: pages() };
}
