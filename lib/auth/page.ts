import "server-only";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { authorize } from "@/lib/dal/authorize";
import { ForbiddenError } from "@/lib/dal/errors";
import type { Actor, Permission } from "@/lib/domain/roles";

/**
 * For pages: the signed-in actor, who must hold `permission`. Someone who may not see the page
 * gets the same 404 as for a page that does not exist (STYLE rule 5); the refusal is audited.
 */
export async function requirePagePermission(permission: Permission): Promise<Actor> {
  const actor = await requireActor();
  try {
    await authorize(actor, permission);
  } catch (error) {
    if (error instanceof ForbiddenError) notFound();
    throw error;
  }
  return actor;
}
