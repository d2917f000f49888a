import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { hashPassword } from "@/lib/auth/password";
import { appendAuditEvent } from "@/lib/dal/audit";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { Email } from "@/lib/validation/auth";

export const FirstAdminInput = z.object({
  email: Email,
  name: z.string().trim().min(1, "Give a --name").max(120),
});

export type FirstAdminResult = { ok: true; id: string; email: string; oneTimePassword: string } | { ok: false; message: string };

/** Any fixed number, distinct from the seed's and the audit chain's: two commands at once create one admin. */
const FIRST_ADMIN_LOCK = 7_310_501;

/**
 * The first admin of a database that has none (`npm run admin:create`): a random one-time
 * password, returned once and stored only as its hash, that must be changed at first sign-in
 * (mustChangePassword; lib/auth/session.ts allows nothing else until then). Refused when an
 * active admin exists: from then on admins create users on /users, where it is audited as theirs.
 */
export async function createFirstAdmin(prisma: PrismaClient, raw: { email?: string; name?: string }): Promise<FirstAdminResult> {
  const parsed = FirstAdminInput.safeParse(raw);
  if (!parsed.success)
    return { ok: false, message: parsed.error.issues.map((i) => `${String(i.path[0] ?? "input")}: ${i.message}`).join("; ") };
  const { email, name } = parsed.data;
  // 24 characters from a 144-bit random value: a one-time password nobody guesses before it is changed.
  const oneTimePassword = randomBytes(18).toString("base64url");
  const passwordHash = await hashPassword(oneTimePassword);

  return prisma.$transaction(async (tx): Promise<FirstAdminResult> => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FIRST_ADMIN_LOCK})`;
    const admin = await tx.user.findFirst({ where: { role: "ADMIN", active: true }, select: { email: true } });
    if (admin)
      return {
        ok: false,
        message: `This database already has an active admin (${admin.email}); admins create further users on the Users page.`,
      };
    if (await tx.user.findUnique({ where: { email }, select: { id: true } }))
      return { ok: false, message: `A user with the email ${email} already exists.` };
    const user = await tx.user.create({
      data: { email, name, role: "ADMIN", passwordHash, mustChangePassword: true },
      select: { id: true, email: true, name: true, role: true, mustChangePassword: true },
    });
    await appendAuditEvent(tx, {
      actorEmail: "admin:create",
      action: "user.create_first_admin",
      targetType: "User",
      targetId: user.id,
      after: user,
      // Not a request: keep the audit row from looking for request headers.
      origin: { ip: null, userAgent: "bulkhead admin:create", requestId: null },
    });
    return { ok: true, id: user.id, email: user.email, oneTimePassword };
  });
}
