import "server-only";
import { db } from "@/lib/db";
import { authorize } from "@/lib/dal/authorize";
import { NotFoundError } from "@/lib/dal/errors";
import { changedFields } from "@/lib/domain/record-history";
import type { Actor } from "@/lib/domain/roles";
import type { RecordHistoryEntryDto } from "@/lib/dto/exercises";

// A record's change history, as the audit log has it (the audit log is the record of changes,
// decision 021; this file reads it for one record's page). Only successful changes: refusals are
// on /audit for those who may read it.

export const HISTORY_LIMIT = 200;

const titleOf = (snapshot: unknown): string | null =>
  typeof snapshot === "object" && snapshot !== null && typeof (snapshot as { title?: unknown }).title === "string"
    ? (snapshot as { title: string }).title
    : null;

/** The exercise's changes with those of its findings and action items, newest first (at most HISTORY_LIMIT). */
export async function getExerciseHistory(actor: Actor, exerciseId: string): Promise<{ entries: RecordHistoryEntryDto[]; more: boolean }> {
  await authorize(actor, "exercises.read", { type: "Exercise", id: exerciseId });
  const exercise = await db().exercise.findUnique({
    where: { id: exerciseId },
    select: { findings: { select: { id: true, actionItems: { select: { id: true } } } } },
  });
  if (!exercise) throw new NotFoundError("No such exercise.");
  const findingIds = exercise.findings.map((f) => f.id);
  const itemIds = exercise.findings.flatMap((f) => f.actionItems.map((i) => i.id));
  const rows = await db().auditEvent.findMany({
    where: {
      outcome: "SUCCESS",
      OR: [
        { targetType: "Exercise", targetId: exerciseId },
        ...(findingIds.length ? [{ targetType: "Finding", targetId: { in: findingIds } }] : []),
        ...(itemIds.length ? [{ targetType: "ActionItem", targetId: { in: itemIds } }] : []),
      ],
    },
    orderBy: { seq: "desc" },
    take: HISTORY_LIMIT + 1,
    select: {
      seq: true,
      at: true,
      action: true,
      actorEmail: true,
      targetType: true,
      targetId: true,
      before: true,
      after: true,
      actor: { select: { name: true } },
    },
  });
  return {
    entries: rows.slice(0, HISTORY_LIMIT).map((r) => ({
      seq: r.seq.toString(),
      at: r.at,
      action: r.action,
      actorName: r.actor?.name ?? r.actorEmail ?? "the system",
      targetType: r.targetType ?? "",
      targetTitle: titleOf(r.after) ?? titleOf(r.before),
      fields: changedFields(r.before, r.after),
    })),
    more: rows.length > HISTORY_LIMIT,
  };
}
