import type { LiveMessage } from "@/lib/dto/live";
import type { LiveEventRow } from "@/lib/live/live-hub";

export type { LiveMessage };

export type LiveStreamOptions = {
  /** Aborted when the browser goes away. */
  signal: AbortSignal;
  /** What the browser needs to apply the event without reloading; ids only travel through PostgreSQL. */
  load: (event: LiveEventRow) => Promise<unknown>;
  /** Run every heartbeat; false ends the stream (signed out, deactivated, lost the right to read). */
  stillAllowed: () => Promise<boolean>;
  heartbeatMs?: number;
  /** Releases everything the stream holds; called exactly once. */
  close: () => Promise<void> | void;
};

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform keeps compression (and proxies) from buffering the stream.
  "Cache-Control": "no-cache, no-transform",
  Connection: "keep-alive",
  "X-Accel-Buffering": "no",
};

const encoder = new TextEncoder();

/**
 * A server-sent-events response fed by `push`. Events are written strictly in the order pushed,
 * each after its data has loaded, so a browser never sees a newer state overtaken by an older one.
 */
export function liveEventStream(options: LiveStreamOptions): { response: Response; push: (event: LiveEventRow) => void } {
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  let chain: Promise<void> = Promise.resolve();
  let closed = false;
  let heartbeat: NodeJS.Timeout | null = null;
  const pending: string[] = [];

  const write = (text: string) => {
    if (closed) return;
    if (!controller) {
      pending.push(text);
      return;
    }
    try {
      controller.enqueue(encoder.encode(text));
    } catch {
      void finish();
    }
  };

  const finish = async () => {
    if (closed) return;
    closed = true;
    if (heartbeat) clearInterval(heartbeat);
    options.signal.removeEventListener("abort", onAbort);
    try {
      controller?.close();
    } catch {
      // already closed by the client
    }
    await options.close();
  };
  const onAbort = () => void finish();
  options.signal.addEventListener("abort", onAbort);

  const push = (event: LiveEventRow) => {
    chain = chain.then(async () => {
      if (closed) return;
      let data: unknown = null;
      try {
        data = await options.load(event);
      } catch {
        // Gone or no longer readable: the browser still learns that something changed.
      }
      const message: LiveMessage = {
        id: event.id.toString(),
        kind: event.kind,
        entityId: event.entityId,
        actorId: event.actorId,
        data,
      };
      write(`id: ${message.id}\ndata: ${JSON.stringify(message)}\n\n`);
    });
  };

  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      // `retry` tells EventSource how soon to reconnect; the comment line opens the stream at once.
      controller.enqueue(encoder.encode(`retry: 1000\n: connected\n\n`));
      for (const text of pending.splice(0)) controller.enqueue(encoder.encode(text));
      heartbeat = setInterval(() => {
        void options.stillAllowed().then(
          (allowed) => (allowed ? write(`: heartbeat\n\n`) : finish()),
          () => write(`: heartbeat\n\n`),
        );
      }, options.heartbeatMs ?? 15_000);
    },
    cancel() {
      void finish();
    },
  });
  if (options.signal.aborted) void finish();
  return { response: new Response(stream, { headers: SSE_HEADERS }), push };
}

/** `Last-Event-ID` (header, or `?lastEventId=` for clients that cannot set headers) as an id. */
export function lastEventIdOf(request: Request): bigint | null {
  const raw = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("lastEventId");
  return raw && /^\d{1,19}$/.test(raw) ? BigInt(raw) : null;
}
