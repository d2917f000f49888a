import "server-only";
import { db } from "@/lib/db";
import { appendAuditEvent } from "@/lib/dal/audit";
import { ForbiddenError } from "@/lib/dal/errors";
import { can, type Actor, type Permission } from "@/lib/domain/roles";

/**
 * The DAL's gate: every function checks its permission here before touching data. A refusal is
 * audited (in its own transaction, since the caller's work never starts) and then thrown.
 */
export async function authorize(actor: Actor, permission: Permission, target?: { type: string; id?: string | null }): Promise<void> {
  if (can(actor.role, permission)) return;
  await db().$transaction((tx) =>
    appendAuditEvent(tx, {
      actor,
      action: `denied.${permission}`,
      outcome: "DENIED",
      targetType: target?.type ?? null,
      targetId: target?.id ?? null,
    }),
  );
  throw new ForbiddenError();
}
