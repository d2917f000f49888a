import { getActor } from "@/lib/auth/session";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/dal/errors";
import type { Actor } from "@/lib/domain/roles";

export const NO_STORE = { "Cache-Control": "no-store" };

/**
 * The audit routes' one shape: a session or 401; the DAL's refusal as 404 (not allowed looks like
 * not there, STYLE rule 5, and it is already audited); an expected problem as 400 with its message.
 */
export async function auditRoute(work: (actor: Actor) => Promise<Response>): Promise<Response> {
  const actor = await getActor();
  if (!actor) return Response.json({ error: "Sign in as an auditor, IR manager or admin." }, { status: 401, headers: NO_STORE });
  try {
    return await work(actor);
  } catch (error) {
    if (error instanceof ForbiddenError || error instanceof NotFoundError)
      return Response.json({ error: "Not found." }, { status: 404, headers: NO_STORE });
    if (error instanceof ValidationError) return Response.json({ error: error.message }, { status: 400, headers: NO_STORE });
    throw error;
  }
}
