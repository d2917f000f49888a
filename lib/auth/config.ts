import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { appendAuditEvent } from "@/lib/dal/audit";
import { originFromHeaders } from "@/lib/dal/request-context";
import { SignInInput } from "@/lib/validation/auth";
import { DUMMY_PASSWORD_HASH, verifyPassword } from "@/lib/auth/password";
import { clearAccountFailures, lockedUntil, recordFailure, throttleKeys } from "@/lib/auth/throttle";

/** A refusal because of too many failures; the sign-in action turns its code into the throttle message. */
class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
}

async function auditSignIn(
  request: Request,
  email: string,
  outcome: "SUCCESS" | "FAILURE" | "DENIED",
  user?: { id: string; email: string; name: string; role: "ADMIN" | "IR_MANAGER" | "RESPONDER" | "AUDITOR" },
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
      origin: originFromHeaders(request.headers),
    });
  });
}

/**
 * Credentials sign-in with JWT sessions. The token carries only the user id and the account's
 * session epoch; every request re-reads the user (lib/auth/session.ts), so deactivation, a role
 * change or a password reset takes effect on the next request (docs/decisions/003).
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  // Wrong passwords are expected and already audited; everything else goes to the structured log.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin) return;
      // A cookie that does not decrypt (expired secret, tampering) is the client's problem, not ours.
      // Matched on `type`: `name` is the class name, which the production build minifies.
      if ((error as Error & { type?: string }).type === "JWTSessionError") {
        log.warn({ reason: error.message }, "unreadable session cookie ignored");
        return;
      }
      log.error({ err: error }, "auth error");
    },
    warn(code) {
      log.warn({ code }, "auth warning");
    },
  },
  session: { strategy: "jwt", maxAge: Number(process.env.BULKHEAD_SESSION_HOURS ?? 12) * 3600 },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = SignInInput.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const origin = originFromHeaders(request.headers);
        const keys = throttleKeys(email, origin.ip);

        if (await lockedUntil(keys)) {
          await auditSignIn(request, email, "DENIED", undefined, "too many failed attempts");
          throw new ThrottledSignIn();
        }
        const user = await db().user.findUnique({
          where: { email },
          select: { id: true, email: true, name: true, role: true, active: true, passwordHash: true, sessionEpoch: true },
        });
        // Verify even for unknown accounts so the response time does not reveal which exist.
        const valid = await verifyPassword(user?.passwordHash ?? DUMMY_PASSWORD_HASH, password);
        if (!user || !valid || !user.active) {
          await recordFailure(keys);
          await auditSignIn(request, email, "FAILURE", undefined, !user ? "unknown account" : !valid ? "wrong password" : "account deactivated");
          return null;
        }
        await clearAccountFailures(email);
        await db().user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
        await auditSignIn(request, email, "SUCCESS", user);
        return { id: user.id, email: user.email, name: user.name, epoch: user.sessionEpoch };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.epoch = (user as { epoch?: number }).epoch ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid as string | undefined, epoch: token.epoch as number | undefined };
    },
  },
});
