// Routes the production server answers itself, without Next's request handler. Alert ingest is a
// machine endpoint under sustained load, and on a small machine Next's per-request work (routing,
// proxy, headers) costs several milliseconds of CPU — more than storing a combined batch of alerts.
// The handler is the same route module Next serves (app/api/ingest/falco/route.ts), so behaviour is
// identical either way; `next dev` keeps using Next's copy.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { POST as ingestFalco } from "../app/api/ingest/falco/route";
import { withRequestOrigin } from "../lib/dal/request-context";
import { log } from "../lib/log";

type Handler = (request: Request) => Promise<Response>;

const DIRECT: Record<string, { method: string; handler: Handler }> = {
  "/api/ingest/falco": { method: "POST", handler: ingestFalco },
};

/** The headers next.config.js adds to every response. */
const SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
};

export function directRoute(req: IncomingMessage): Handler | null {
  const route = DIRECT[(req.url ?? "").split("?")[0]!];
  return route && route.method === req.method ? route.handler : null;
}

export async function serveDirect(handler: Handler, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  try {
    const request = new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, {
      method: req.method,
      headers,
      body: Readable.toWeb(req) as ReadableStream<Uint8Array>,
      duplex: "half",
    } as RequestInit);
    const response = await withRequestOrigin(headers, () => handler(request));
    const body = Buffer.from(await response.arrayBuffer());
    res.writeHead(response.status, { ...SECURITY_HEADERS, ...Object.fromEntries(response.headers), "content-length": String(body.length) });
    res.end(body);
  } catch (error) {
    const ref = randomUUID().slice(0, 8);
    log.error({ err: error, ref, url: req.url }, "unexpected error in a direct route");
    if (!res.headersSent) res.writeHead(500, { ...SECURITY_HEADERS, "Content-Type": "application/json", "Cache-Control": "no-store" });
    res.end(JSON.stringify({ error: `Something went wrong (ref ${ref}); nothing was acknowledged, so resending is safe.` }));
  }
}
