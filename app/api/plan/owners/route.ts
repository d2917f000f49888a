import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { ForbiddenError, NotFoundError } from "@/lib/dal/errors";
import { lookUpOwners } from "@/lib/dal/ownership";
import { OwnerLookupInput } from "@/lib/validation/platform";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * `GET /api/plan/owners?cluster=…&namespace=…[&workload=…]` → `{primary, secondary:[…], security,
 * inheritedFrom, …}` (lib/dal/ownership.ts `lookUpOwners`; the rules are in
 * lib/domain/owner-resolution.ts). Any signed-in role may ask; 400 for a bad query, 404 for an
 * unknown cluster, 401 when not signed in.
 */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return Response.json({ error: "Sign in to resolve owners." }, { status: 401, headers: NO_STORE });
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const query = OwnerLookupInput.safeParse(params);
  if (!query.success) {
    const flat = z.flattenError(query.error);
    const message = flat.formErrors[0] ?? Object.values(flat.fieldErrors).flat()[0] ?? "Bad query.";
    return Response.json({ error: message, fieldErrors: flat.fieldErrors }, { status: 400, headers: NO_STORE });
  }
  try {
    return Response.json(await lookUpOwners(actor, query.data), { headers: NO_STORE });
  } catch (error) {
    if (error instanceof NotFoundError) return Response.json({ error: error.message }, { status: 404, headers: NO_STORE });
    // Not allowed looks like not there (STYLE rule 5); the refusal is already audited.
    if (error instanceof ForbiddenError) return Response.json({ error: "Not found." }, { status: 404, headers: NO_STORE });
    throw error;
  }
}
