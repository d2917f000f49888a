import { authedRoute } from "@/lib/http/route-handler";
import { serveLiveTopic } from "@/lib/live/serve";

export const dynamic = "force-dynamic";

/**
 * `GET /api/incidents/events` — server-sent events whenever alerts are stored or incidents change,
 * so open incident lists and boards refresh themselves. Ids only: the page re-reads what it shows.
 * Any signed-in role; 401 anonymous.
 */
export const GET = authedRoute({ signIn: "Sign in to follow incidents." }, ({ actor, request }) =>
  serveLiveTopic(request, actor, {
    permission: "incidents.read",
    target: { type: "Incident" },
    topic: "incidents",
    load: async () => null,
  }),
);
