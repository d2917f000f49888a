import { getPlanReadiness } from "@/lib/dal/readiness";
import { authedRoute } from "@/lib/http/route-handler";

export const dynamic = "force-dynamic";

/**
 * The plan's readiness: `{score, measuredAt, checks, gaps:[{kind, check, message, href}]}`.
 * Every role may read it; the formula is in README.md ("Readiness").
 */
export const GET = authedRoute({ signIn: "Sign in to see plan readiness." }, ({ actor }) => getPlanReadiness(actor));
