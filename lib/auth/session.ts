import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { auth } from "@/lib/auth/config";
import type { Actor } from "@/lib/domain/roles";

/**
 * The signed-in user, re-read from the database once per request: a deactivated account, a
 * changed role or a reset password (which bumps `sessionEpoch`) takes effect immediately. Fails
 * closed: any doubt is "not signed in".
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = (await auth()) as { uid?: string; epoch?: number } | null;
  if (!session?.uid) return null;
  const user = await db().user.findUnique({
    where: { id: session.uid },
    select: { id: true, email: true, name: true, role: true, active: true, sessionEpoch: true },
  });
  if (!user || !user.active || user.sessionEpoch !== session.epoch) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});

/** For pages and actions: the actor, or a redirect to sign-in. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  return actor;
}
