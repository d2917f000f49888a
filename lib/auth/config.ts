import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { checkCredentials } from "@/lib/auth/credentials";
import { sessionIsWithinLifetime } from "@/lib/auth/lifetime";
import { recordSignOut } from "@/lib/dal/sign-out";
import { envSetting } from "@/lib/env";
import { log } from "@/lib/log";

/** A refusal because of too many failures; the sign-in action turns its code into the throttle message. */
class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
}

/**
 * Credentials sign-in with JWT sessions. The token carries only the user id, the account's
 * session epoch and the sign-in time; every request re-reads the user (lib/auth/session.ts), so
 * deactivation, a role change, a password change or "end sessions" takes effect on the next
 * request, and no session outlives BULKHEAD_SESSION_HOURS from its sign-in (docs/decisions/011).
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
  // The cookie's own lifetime; the absolute one from sign-in is enforced in the jwt callback.
  session: { strategy: "jwt", maxAge: envSetting("BULKHEAD_SESSION_HOURS") * 3600 },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const outcome = await checkCredentials(raw, request.headers);
        if (outcome.ok) return outcome.user;
        if (outcome.throttled) throw new ThrottledSignIn();
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.epoch = (user as { epoch?: number }).epoch ?? 0;
        token.signedInAt = Math.floor(Date.now() / 1000);
      }
      // Refreshing the cookie (every /api/auth/session call) never carries a session past its
      // absolute lifetime: null makes Auth.js drop the cookie.
      if (!sessionIsWithinLifetime(token.signedInAt)) return null;
      return token;
    },
    session({ session, token }) {
      return {
        ...session,
        uid: token.uid as string | undefined,
        epoch: token.epoch as number | undefined,
        signedInAt: token.signedInAt as number | undefined,
      };
    },
  },
  events: {
    // Auth.js's own POST /api/auth/signout (and the portal's sign-out button, which goes through
    // it) ends the session on the server too, so a copied cookie stops working, and is audited.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (typeof token?.uid === "string" && typeof token.epoch === "number") await recordSignOut({ userId: token.uid, epoch: token.epoch });
    },
  },
});
