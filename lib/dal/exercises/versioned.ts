import "server-only";
import type { Tx } from "@/lib/db";
import { appendAuditEvent } from "@/lib/dal/audit";
import { assertOneRowUpdated, staleVersionConflict, type VersionedTarget } from "@/lib/dal/versioning";
import type { Actor } from "@/lib/domain/roles";

type Delegate = {
  updateMany(args: { where: { id: string; version: number }; data: Record<string, unknown> }): Promise<{ count: number }>;
};

/**
 * The shape of every versioned change to an exercise, finding or action item, inside the caller's
 * transaction: a stale version is refused naming who changed the row last (from the row,
 * docs/decisions/021); the update matches `{ id, version }`, sets `updatedById` and bumps the
 * version, so a writer racing past the check misses; the audit event carries before and after.
 */
export async function writeVersioned<T>(
  tx: Tx,
  actor: Actor,
  target: { type: VersionedTarget; id: string; version: number; label: string; current: number },
  delegate: Delegate,
  data: Record<string, unknown>,
  audit: { action: string; before: unknown; reread: () => Promise<T>; alsoWrite?: () => Promise<void> },
): Promise<T> {
  if (target.current !== target.version) throw await staleVersionConflict(tx, target);
  const updated = await delegate.updateMany({
    where: { id: target.id, version: target.version },
    data: { ...data, updatedById: actor.id, version: { increment: 1 } },
  });
  assertOneRowUpdated(updated.count, target.label);
  // Rows that belong to this one (an exercise's participants) change under the version just bumped.
  await audit.alsoWrite?.();
  const after = await audit.reread();
  await appendAuditEvent(tx, { actor, action: audit.action, targetType: target.type, targetId: target.id, before: audit.before, after });
  return after;
}
