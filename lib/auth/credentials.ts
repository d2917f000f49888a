import "server-only";
import { db } from "@/lib/db";
import { appendAuditEvent } from "@/lib/dal/audit";
import { originFromHeaders, type HeaderSource } from "@/lib/dal/request-context";
import type { AuditOutcome, Role } from "@/lib/generated/prisma/enums";
import { SignInInput } from "@/lib/validation/auth";
import { DUMMY_PASSWORD_HASH, verifyPassword } from "@/lib/auth/password";
import { recordSignInSuccess, reserveSignInAttempt, throttleKeys } from "@/lib/auth/throttle";

/** Who a valid sign-in is, as the session token records them. */
export type SignedIn = { id: string; email: string; name: string; epoch: number };

export type CredentialsOutcome = { ok: true; user: SignedIn } | { ok: false; throttled: boolean };

async function auditSignIn(
  headers: HeaderSource,
  email: string,
  outcome: AuditOutcome,
  user?: { id: string; email: string; name: string; role: Role },
  reason?: string,
) {
  await db().$transaction(async (tx) => {
    await appendAuditEvent(tx, {
      actor: user ?? null,
      actorEmail: email,
      action: "auth.sign_in",
      outcome,
      targetType: "User",
      targetId: user?.id ?? null,
      after: reason ? { reason } : undefined,
      origin: originFromHeaders(headers),
    });
  });
}

/**
 * Checks an email and password, throttled per (account, client address) and per address
 * (lib/auth/throttle.ts). Every outcome is audited. Unknown and deactivated accounts are throttled
 * and timed like real ones, so neither the answer nor its timing reveals which accounts exist.
 */
export async function checkCredentials(raw: unknown, headers: HeaderSource): Promise<CredentialsOutcome> {
  const parsed = SignInInput.safeParse(raw);
  if (!parsed.success) return { ok: false, throttled: false };
  const { email, password } = parsed.data;
  const keys = throttleKeys(email, originFromHeaders(headers).ip);

  const reservation = await reserveSignInAttempt(keys);
  if (!reservation.allowed) {
    await auditSignIn(
      headers,
      email,
      "DENIED",
      undefined,
      `too many failed attempts; next attempt at ${reservation.retryAt.toISOString()}`,
    );
    return { ok: false, throttled: true };
  }
  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, active: true, passwordHash: true, sessionEpoch: true },
  });
  const valid = await verifyPassword(user?.passwordHash ?? DUMMY_PASSWORD_HASH, password);
  if (!user || !valid || !user.active) {
    await auditSignIn(headers, email, "FAILURE", undefined, !user ? "unknown account" : !valid ? "wrong password" : "account deactivated");
    return { ok: false, throttled: false };
  }
  await recordSignInSuccess(keys);
  await db().user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  await auditSignIn(headers, email, "SUCCESS", user);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, epoch: user.sessionEpoch } };
}
