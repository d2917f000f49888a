import "server-only";
import type { Db, Tx } from "@/lib/db";
import { ConflictError, messageTime } from "@/lib/dal/errors";
import { Prisma } from "@/lib/generated/prisma/client";

/** The records that carry a `version` and name who moved it last (`updatedById`, `updatedAt`). */
export type VersionedTarget =
  | "User"
  | "Contact"
  | "PlanRole"
  | "Cluster"
  | "Namespace"
  | "Workload"
  | "EscalationPolicy"
  | "Incident"
  | "Playbook"
  | "PlaybookVersion"
  | "PlaybookRun"
  | "Exercise"
  | "Finding"
  | "ActionItem";

type LastChange = { updatedAt: Date; updatedBy: { name: string; email: string } | null };

/**
 * One statement for every versioned table: the table name comes from the closed union above (a
 * compile-time constant, never input), and every such table has `updatedAt` and `updatedById`.
 */
async function readLastChange(tx: Tx | Db, type: VersionedTarget, id: string): Promise<LastChange | null> {
  const rows = await tx.$queryRaw<{ updatedAt: Date; name: string | null; email: string | null }[]>`
    SELECT r."updatedAt", u."name", u."email"
      FROM ${Prisma.raw(`"${type}"`)} r LEFT JOIN "User" u ON u."id" = r."updatedById"
     WHERE r."id" = ${id}`;
  const row = rows[0];
  if (!row) return null;
  return { updatedAt: row.updatedAt, updatedBy: row.name !== null && row.email !== null ? { name: row.name, email: row.email } : null };
}

/** Who last changed a record and when, from the record's own columns, for "changed by … at …" messages. */
export async function lastChange(tx: Tx | Db, type: VersionedTarget, id: string): Promise<{ by: string; at: Date } | null> {
  const row = await readLastChange(tx, type, id);
  return row?.updatedBy ? { by: row.updatedBy.name, at: row.updatedAt } : null;
}

/**
 * The conflict a versioned edit raises when the record moved on since the form was loaded, naming
 * who changed it last and when. Every versioned update sets `updatedById` with its version bump;
 * a bump with no person behind it (an alert raising an incident's severity) leaves it empty.
 */
export async function staleVersionConflict(
  tx: Tx | Db,
  target: { type: VersionedTarget; id: string; label: string },
): Promise<ConflictError> {
  const last = await readLastChange(tx, target.type, target.id);
  const time = last ? messageTime(last.updatedAt) : undefined;
  // No person behind the last bump (an alert raised the severity): say when, not who.
  const who = last ? `${last.updatedBy ? ` by ${last.updatedBy.email}` : ""} at ${time!.text}` : "";
  return new ConflictError(`${target.label} was changed${who} since you loaded this page — reload and try again.`, undefined, time);
}

/** Bumps `version` only if it is still the one the form was loaded at; a racing writer misses. */
export function assertOneRowUpdated(count: number, label: string): void {
  if (count !== 1) throw new ConflictError(`Someone else changed ${label} at the same moment — reload and try again.`);
}
