import "server-only";
import type { Db, Tx } from "@/lib/db";
import { ConflictError, messageTime } from "@/lib/dal/errors";

/**
 * The conflict a versioned edit raises when the record moved on since the form was loaded,
 * naming who changed it last and when (from the audit trail, which every change writes).
 */
export async function staleVersionConflict(tx: Tx | Db, target: { type: string; id: string; label: string }): Promise<ConflictError> {
  const last = await tx.auditEvent.findFirst({
    where: { targetType: target.type, targetId: target.id, outcome: "SUCCESS" },
    orderBy: { seq: "desc" },
    select: { actorEmail: true, at: true },
  });
  const time = last ? messageTime(last.at) : undefined;
  const who = last ? ` by ${last.actorEmail ?? "someone"} at ${time!.text}` : "";
  return new ConflictError(`${target.label} was changed${who} since you loaded this page — reload and try again.`, undefined, time);
}

/** Bumps `version` only if it is still the one the form was loaded at; a racing writer misses. */
export function assertOneRowUpdated(count: number, label: string): void {
  if (count !== 1) throw new ConflictError(`Someone else changed ${label} at the same moment — reload and try again.`);
}
