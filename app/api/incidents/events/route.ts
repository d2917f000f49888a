import { getActor } from "@/lib/auth/session";
import { serveLiveTopic } from "@/lib/live/serve";

export const dynamic = "force-dynamic";

/**
 * `GET /api/incidents/events` — server-sent events whenever alerts are stored or incidents change,
 * so open incident lists and boards refresh themselves. Ids only: the page re-reads what it shows.
 * Any signed-in role; 401 anonymous.
 */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) {
    return Response.json({ error: "Sign in to follow incidents." }, { status: 401, headers: { "Cache-Control": "no-store" } });
  }
  return serveLiveTopic(request, actor, {
    permission: "incidents.read",
    target: { type: "Incident" },
    topic: "incidents",
    load: async () => null,
  });
}
