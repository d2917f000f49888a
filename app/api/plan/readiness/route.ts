import { getActor } from "@/lib/auth/session";
import { getPlanReadiness } from "@/lib/dal/readiness";
import { ForbiddenError } from "@/lib/dal/errors";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * The plan's readiness: `{score, measuredAt, checks, gaps:[{kind, check, message, href}]}`.
 * Every role may read it; the formula is in README.md ("Readiness").
 */
export async function GET() {
  const actor = await getActor();
  if (!actor) return Response.json({ error: "Sign in to see plan readiness." }, { status: 401, headers: NO_STORE });
  try {
    return Response.json(await getPlanReadiness(actor), { headers: NO_STORE });
  } catch (error) {
    // Not allowed looks like not there (STYLE rule 5); the refusal is already audited.
    if (error instanceof ForbiddenError) return Response.json({ error: "Not found." }, { status: 404, headers: NO_STORE });
    throw error;
  }
}
