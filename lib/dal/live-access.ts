import "server-only";
import { db } from "@/lib/db";
import { authorize } from "@/lib/dal/authorize";
import { can, type Actor, type Permission } from "@/lib/domain/roles";

/**
 * Opens a long-lived read for `actor` and returns the check a stream runs on every heartbeat: a
 * stream outlives the request that authorised it, so signing out, deactivation, a password reset
 * (each bumps or clears what is checked here) or a role change ends it within one heartbeat.
 */
export async function openLiveAccess(
  actor: Actor,
  permission: Permission,
  target: { type: string; id?: string | null },
): Promise<() => Promise<boolean>> {
  await authorize(actor, permission, target);
  const user = await db().user.findUniqueOrThrow({ where: { id: actor.id }, select: { sessionEpoch: true } });
  return async () => {
    const now = await db().user.findUnique({
      where: { id: actor.id },
      select: { active: true, role: true, sessionEpoch: true },
    });
    return !!now && now.active && now.sessionEpoch === user.sessionEpoch && can(now.role, permission);
  };
}
