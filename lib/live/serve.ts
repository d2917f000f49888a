import "server-only";
import { randomUUID } from "node:crypto";
import { ExpectedError, NotFoundError } from "@/lib/dal/errors";
import { openLiveAccess } from "@/lib/dal/live-access";
import { liveHub, type LiveEventRow } from "@/lib/live/live-hub";
import type { LiveTopic } from "@/lib/dal/live-events";
import type { Actor, Permission } from "@/lib/domain/roles";
import { env } from "@/lib/env";
import { sharedLoader } from "@/lib/live/shared-load";
import { sessionKeyOf, StreamSlots } from "@/lib/live/stream-limits";
import { lastEventIdOf, liveEventStream } from "@/lib/live/sse";
import { log } from "@/lib/log";

const NO_STORE = { "Cache-Control": "no-store" };
const shared = sharedLoader<unknown>();

/** This process's open streams per session and user; one per process (kept on globalThis, like the hub, across module reloads in dev). */
export function streamSlots(): StreamSlots {
  const g = globalThis as { bulkheadStreamSlots?: StreamSlots };
  return (g.bulkheadStreamSlots ??= new StreamSlots());
}

export type LiveTopicOptions = {
  permission: Permission;
  target: { type: string; id?: string | null };
  topic: LiveTopic;
  /**
   * The data sent with an event the writer stored none with; loaded once per event per process and
   * shared by its streams.
   */
  load: (event: LiveEventRow) => Promise<unknown>;
  /** Presence: called once the stream is subscribed, returns what `leave` and `touch` need. */
  join?: () => Promise<string>;
  touch?: (joined: string) => Promise<void>;
  leave?: (joined: string) => Promise<void>;
};

/**
 * Streams one live topic to a signed-in actor as server-sent events, resuming after `Last-Event-ID`.
 * Whatever it fails on answers as JSON: 404 unknown target, 403 refused, 429 past the session's or
 * user's bound of open streams (BULKHEAD_LIVE_STREAMS_PER_SESSION / _PER_USER, per instance), 503
 * database unreachable (EventSource retries). Everything it took — the hub subscription, presence — is released when the
 * browser goes away, the session ends, or the server closes the stream.
 */
export async function serveLiveTopic(request: Request, actor: Actor, options: LiveTopicOptions): Promise<Response> {
  // Before any work: a session or user past its bound of open streams gets 429 (stream-limits.ts).
  const { BULKHEAD_LIVE_STREAMS_PER_SESSION: perSession, BULKHEAD_LIVE_STREAMS_PER_USER: perUser } = env();
  const slot = streamSlots().acquire(sessionKeyOf(request.headers.get("cookie"), actor.id), actor.id, { perSession, perUser });
  if (!slot.ok)
    return Response.json({ error: slot.message }, { status: 429, headers: { ...NO_STORE, "Retry-After": String(slot.retryAfterSeconds) } });
  let joined: string | null = null;
  let unsubscribe: (() => void) | null = null;
  let released = false;
  const release = async () => {
    if (released) return;
    released = true;
    slot.release();
    unsubscribe?.();
    if (joined && options.leave) await options.leave(joined).catch(() => undefined);
  };
  try {
    const stillAllowed = await openLiveAccess(actor, options.permission, options.target);
    const { response, push } = liveEventStream({
      signal: request.signal,
      load: (event) => (event.data !== null ? Promise.resolve(event.data) : shared(event.id.toString(), () => options.load(event))),
      stillAllowed: async () => {
        if (joined && options.touch) await options.touch(joined);
        return stillAllowed();
      },
      close: release,
    });
    // Subscribed before joining, so the stream also carries its own arrival to the others' lists.
    // The browser may leave while either is awaited: whatever arrives after the release is
    // released on the spot.
    const subscribed = await liveHub().subscribe(options.topic, lastEventIdOf(request), push);
    if (released) subscribed();
    else unsubscribe = subscribed;
    if (options.join && !released) {
      const presence = await options.join();
      if (released) await options.leave?.(presence);
      else joined = presence;
    }
    return response;
  } catch (error) {
    await release();
    if (error instanceof NotFoundError) return Response.json({ error: error.message }, { status: 404, headers: NO_STORE });
    if (error instanceof ExpectedError) return Response.json({ error: error.message }, { status: 403, headers: NO_STORE });
    const ref = randomUUID().slice(0, 8);
    log.warn({ err: error, ref, topic: options.topic }, "live stream could not start");
    return Response.json(
      { error: `Live updates are unavailable right now (ref ${ref}); the browser retries on its own.` },
      { status: 503, headers: { ...NO_STORE, "Retry-After": "2" } },
    );
  }
}
