import { z } from "zod";
import { getCollectionPlan } from "@/lib/dal/evidence/collection";
import { authedRoute } from "@/lib/http/route-handler";

export const dynamic = "force-dynamic";

/**
 * `GET /api/incidents/<key>/collection` → `{incidentKey, runtime, target, commands:[{id, title, kind,
 * where, command, output, hashCommand, needsRunningContainer, note}], refused, unavailable, stillObtainable,
 * lost, lastAlertAt}`: the same collection commands the incident's evidence page shows.
 */
export const GET = authedRoute(
  { signIn: "Sign in to read the collection commands.", params: z.object({ key: z.string().trim().min(1).max(20) }) },
  ({ actor, params }) => getCollectionPlan(actor, params.key),
);
