import "server-only";
import { db } from "@/lib/db";
import { appendAuditEvent } from "@/lib/dal/audit";
import type { Actor } from "@/lib/domain/roles";

/**
 * Ends the session on the server, not only in this browser: bumping the account's session epoch
 * makes every token issued before it worthless, so a copied cookie stops working too (it also
 * signs the user out on their other devices).
 */
export async function recordSignOut(actor: Actor): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { sessionEpoch: { increment: 1 } } });
    await appendAuditEvent(tx, { actor, action: "auth.sign_out", targetType: "User", targetId: actor.id });
  });
}
