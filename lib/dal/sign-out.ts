import "server-only";
import { db } from "@/lib/db";
import { appendAuditEvent } from "@/lib/dal/audit";

/**
 * Ends a session on the server, not only in this browser: bumping the account's session epoch
 * makes every token issued before it worthless, so a copied cookie stops working too (it also
 * signs the user out on their other devices). Called from Auth.js's signOut event with the
 * token's user and epoch; a token whose session had already ended changes nothing and is not
 * audited again.
 */
export async function recordSignOut(session: { userId: string; epoch: number }): Promise<void> {
  await db().$transaction(async (tx) => {
    const ended = await tx.user.updateMany({
      where: { id: session.userId, sessionEpoch: session.epoch },
      data: { sessionEpoch: { increment: 1 } },
    });
    if (ended.count !== 1) return;
    const actor = await tx.user.findUniqueOrThrow({
      where: { id: session.userId },
      select: { id: true, email: true, name: true, role: true },
    });
    await appendAuditEvent(tx, { actor, action: "auth.sign_out", targetType: "User", targetId: actor.id });
  });
}
