import { z } from "zod";
import { runTopic } from "@/lib/dal/live-events";
import { joinRun, leaveRun, listRunViewers, touchPresence } from "@/lib/dal/run-presence";
import { loadRunLiveData } from "@/lib/dal/runs";
import { authedRoute } from "@/lib/http/route-handler";
import { serveLiveTopic } from "@/lib/live/serve";

export const dynamic = "force-dynamic";

const RunParams = z.object({ id: z.string().regex(/^[\w-]{1,64}$/) });

/**
 * `GET /api/runs/<id>/events` — server-sent events for one playbook run: every step and run change
 * and every presence change as `id: <live event id>` + `data: {id, kind, entityId, actorId, data}`,
 * a heartbeat comment every 15 s, and, for a client that reconnects with `Last-Event-ID`, what it
 * missed first. Any signed-in role; 401 anonymous, 404 unknown run, 503 while the database is
 * unreachable.
 */
export const GET = authedRoute(
  { signIn: "Sign in to follow a run.", params: RunParams, notFound: "No such playbook run." },
  ({ actor, request, params: { id } }) =>
    serveLiveTopic(request, actor, {
      permission: "runs.read",
      target: { type: "PlaybookRun", id },
      topic: runTopic(id),
      load: (event) =>
        event.kind === "presence"
          ? listRunViewers(actor, id).then((viewers) => ({ viewers }))
          : loadRunLiveData(actor, id, event.kind, event.entityId),
      join: () => joinRun(actor, id),
      touch: touchPresence,
      leave: leaveRun,
    }),
);
