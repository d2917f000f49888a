import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { auth } from "@/lib/auth/config";
import { sessionIsWithinLifetime } from "@/lib/auth/lifetime";
import type { Actor } from "@/lib/domain/roles";

/** Where an account with a one-time password is sent until it has chosen its own. */
export const CHANGE_PASSWORD_PATH = "/change-password";

type SessionUser = { actor: Actor; mustChangePassword: boolean };

/**
 * The session's user, re-read from the database once per request: a deactivated account, a
 * changed role, or a bumped `sessionEpoch` (sign-out, password change, "end sessions") takes
 * effect immediately; a session past its absolute lifetime is over. Fails closed: any doubt is
 * "not signed in".
 */
const readSession = cache(async (): Promise<SessionUser | null> => {
  const session = (await auth()) as { uid?: string; epoch?: number; signedInAt?: number } | null;
  if (!session?.uid || !sessionIsWithinLifetime(session.signedInAt)) return null;
  const user = await db().user.findUnique({
    where: { id: session.uid },
    select: { id: true, email: true, name: true, role: true, active: true, sessionEpoch: true, mustChangePassword: true },
  });
  if (!user || !user.active || user.sessionEpoch !== session.epoch) return null;
  return { actor: { id: user.id, email: user.email, name: user.name, role: user.role }, mustChangePassword: user.mustChangePassword };
});

/**
 * The signed-in actor for everything the portal does. An account that still has to replace a
 * one-time password is *not* an actor: every page, action and route handler that asks gets
 * "not signed in", so nothing can be done with the one-time password but change it.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await readSession();
  return session && !session.mustChangePassword ? session.actor : null;
});

/** For pages and actions: the actor, or a redirect to sign-in (or to the password change it owes first). */
export async function requireActor(): Promise<Actor> {
  const session = await readSession();
  if (!session) redirect("/login");
  if (session.mustChangePassword) redirect(CHANGE_PASSWORD_PATH);
  return session.actor;
}

/**
 * Only for the password change itself: the signed-in user whether or not they still owe the
 * change, and whether they do.
 */
export async function requirePasswordChanger(): Promise<SessionUser> {
  const session = await readSession();
  if (!session) redirect("/login");
  return session;
}

/** Whether the current session belongs to an account that must change its password (for the sign-in page's redirect). */
export async function mustChangePassword(): Promise<boolean> {
  return (await readSession())?.mustChangePassword ?? false;
}
