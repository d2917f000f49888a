import "server-only";
import { db } from "@/lib/db";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { reserveSignInAttempt, recordSignInSuccess, throttleKeys } from "@/lib/auth/throttle";
import { appendAuditEvent } from "@/lib/dal/audit";
import { ConflictError, ValidationError } from "@/lib/dal/errors";
import { requestOrigin } from "@/lib/dal/request-context";
import { assertAcceptablePassword } from "@/lib/dal/users";
import type { Actor } from "@/lib/domain/roles";
import type { AuditOutcome } from "@/lib/generated/prisma/enums";

/**
 * A user changes their own password (the account page, or the change a one-time password forces).
 * The current password is required, and wrong guesses at it are throttled like sign-ins (a
 * borrowed session must not become a way to guess it). Success ends every other session of the
 * account (the epoch moves); the caller signs this browser in again with the new password.
 * Refusals and the change are audited.
 */
export async function changeOwnPassword(actor: Actor, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const keys = throttleKeys(actor.email, (await requestOrigin()).ip);
  const audit = (outcome: AuditOutcome, after?: Record<string, unknown>) =>
    db().$transaction((tx) =>
      appendAuditEvent(tx, { actor, action: "user.change_own_password", outcome, targetType: "User", targetId: actor.id, after }),
    );

  if (!(await reserveSignInAttempt(keys)).allowed) {
    await audit("DENIED", { reason: "too many wrong passwords" });
    throw new ValidationError("Too many wrong passwords. Wait a few minutes and try again.");
  }
  const user = await db().user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { passwordHash: true, sessionEpoch: true, name: true, email: true },
  });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await audit("FAILURE", { reason: "wrong current password" });
    throw new ValidationError("Please correct the highlighted fields.", { currentPassword: ["That is not your current password"] });
  }
  await recordSignInSuccess(keys);
  if (input.newPassword === input.currentPassword) {
    throw new ValidationError("Please correct the highlighted fields.", {
      newPassword: ["Choose a password different from the current one"],
    });
  }
  assertAcceptablePassword(input.newPassword, user, "newPassword");
  const passwordHash = await hashPassword(input.newPassword);

  await db().$transaction(async (tx) => {
    // The epoch read above must still hold: a sign-out or "end sessions" meanwhile wins.
    const changed = await tx.user.updateMany({
      where: { id: actor.id, sessionEpoch: user.sessionEpoch },
      data: { passwordHash, mustChangePassword: false, sessionEpoch: { increment: 1 }, updatedById: actor.id, version: { increment: 1 } },
    });
    if (changed.count !== 1) throw new ConflictError("Your session ended while you were changing the password. Sign in again.");
    await appendAuditEvent(tx, {
      actor,
      action: "user.change_own_password",
      targetType: "User",
      targetId: actor.id,
      after: { sessionsEnded: true },
    });
  });
}
