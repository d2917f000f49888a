import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { appendAuditEvent, auditChainHead } from "@/lib/dal/audit";
import { authorize } from "@/lib/dal/authorize";
import type { CsvPage, ExportedExercise, ExportTable } from "@/lib/domain/exercises/export";
import type { Actor } from "@/lib/domain/roles";

/**
 * Rows read per query. The JSON export nests ~20 findings and ~40 items under each exercise, so its
 * pages are small; the CSV tables are flat.
 */
const PAGE = { json: 20, exercises: 200, findings: 1_000, "action-items": 2_000 } as const;

const actionItemSelect = {
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
} satisfies Prisma.ActionItemSelect;

const findingSelect = {
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
} satisfies Prisma.FindingSelect;

const exerciseSelect = {
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
} satisfies Prisma.ExerciseSelect;

const byCreation = [{ createdAt: "asc" }, { id: "asc" }] as const;

const jsonSelect = {
  ...exerciseSelect,
  findings: {
    orderBy: [...byCreation],
    select: { ...findingSelect, actionItems: { orderBy: [...byCreation], select: actionItemSelect } },
  },
} satisfies Prisma.ExerciseSelect;

/** Where the audit chain stood when the export was taken: its own audit event is the head. */
export type ExportStamp = { exportedAt: Date; auditHead: { seq: string; hash: string } };

/** Audits the export as a read before anything is sent; its own event is the head it is stamped with. */
async function auditExport(actor: Actor, request: { format: "json" | "csv"; table: ExportTable | null }): Promise<ExportStamp> {
  await authorize(actor, "exercises.export", { type: "Exercise" });
  return db().$transaction(async (tx) => {
    await appendAuditEvent(tx, { actor, action: "exercise.export", targetType: "Exercise", after: request });
    const head = (await auditChainHead(tx))!;
    return { exportedAt: head.at, auditHead: { seq: head.seq.toString(), hash: head.hash } };
  });
}

/** Pages of rows in id order until a short page: each query starts after the last id seen. */
async function* byId<T extends { id: string }>(size: number, load: (after: string | undefined) => Promise<T[]>): AsyncGenerator<T[]> {
  let after: string | undefined;
  for (;;) {
    const rows = await load(after);
    if (rows.length) yield rows;
    if (rows.length < size) return;
    after = rows.at(-1)!.id;
  }
}

const after = (id: string | undefined) => (id ? { id: { gt: id } } : {});

/**
 * The whole exercise record as one JSON document's exercises, a page at a time, so that a long
 * history never sits in memory. Exercises recorded while it streams may or may not be in it; the
 * stamp says when it was taken.
 */
export async function exportExercisesJson(actor: Actor): Promise<{ stamp: ExportStamp; pages: AsyncGenerator<ExportedExercise[]> }> {
  const stamp = await auditExport(actor, { format: "json", table: null });
  const pages = byId(PAGE.json, (id) =>
    db().exercise.findMany({ where: after(id), orderBy: { id: "asc" }, take: PAGE.json, select: jsonSelect }),
  );
  return { stamp, pages };
}

/** One CSV table's rows, flat, a page at a time (see exportExercisesJson). */
export async function exportExercisesCsv(
  actor: Actor,
  table: ExportTable,
): Promise<{ stamp: ExportStamp; pages: AsyncGenerator<CsvPage> }> {
  const stamp = await auditExport(actor, { format: "csv", table });
  const size = PAGE[table];
  async function* pages(): AsyncGenerator<CsvPage> {
    if (table === "exercises") {
      const select = { ...exerciseSelect, findings: { select: { severity: true, status: true } } };
      for await (const rows of byId(size, (id) => db().exercise.findMany({ where: after(id), orderBy: { id: "asc" }, take: size, select })))
        yield { table, rows };
    } else if (table === "findings") {
      const select = { ...findingSelect, exercise: { select: { id: true, title: true } }, _count: { select: { actionItems: true } } };
      for await (const rows of byId(size, (id) => db().finding.findMany({ where: after(id), orderBy: { id: "asc" }, take: size, select })))
        yield { table, rows: rows.map(({ _count, ...f }) => ({ ...f, actionItemCount: _count.actionItems })) };
    } else {
      const select = { ...actionItemSelect, finding: { select: { id: true, exerciseId: true } } };
      for await (const rows of byId(size, (id) =>
        db().actionItem.findMany({ where: after(id), orderBy: { id: "asc" }, take: size, select }),
      ))
        yield { table, rows };
    }
  }
  return { stamp, pages: pages() };
}
