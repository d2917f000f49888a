// Routes the production server answers itself, without Next's request handler. Alert ingest is a
// machine endpoint under sustained load, and on a small machine Next's per-request work (routing,
// proxy, headers, Fetch Request and Response objects) costs several milliseconds of CPU — more
// than storing a combined batch of alerts. The answer is the same module Next's route handler
// uses (app/api/ingest/falco/answer.ts), so behaviour is identical either way; `next dev` keeps
// using Next's copy.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { answerIngest, type IngestAnswer } from "../app/api/ingest/falco/answer";
import { withRequestOrigin, type HeaderSource } from "../lib/dal/request-context";
import { env } from "../lib/env";
import { log } from "../lib/log";
import { securityHeaderObject } from "../lib/security-headers.js";

type Handler = (req: IncomingMessage, headers: HeaderSource) => Promise<IngestAnswer>;

/** Requests whose body the answer asked for; the others were refused before it (no valid token, or too large a Content-Length). */
const bodyRead = new WeakSet<IncomingMessage>();

/** Of a body nobody read, what is still received (to keep the connection) before the connection is cut instead. */
const UNREAD_BODY_BUDGET = 64 * 1024;

/**
 * A refused request's body is not worth receiving: a small rest is drained so the connection can
 * serve the next request, a large one (a megabyte behind a wrong token) costs the connection.
 */
function discardUnread(req: IncomingMessage): void {
  if (req.complete) return;
  let size = 0;
  req.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size > UNREAD_BODY_BUDGET) req.socket.destroy();
  });
  req.resume();
}

/** The body's bytes, reading no further than the limit whatever Content-Length claimed; null past it (the rest is discarded). */
function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array | null> {
  bodyRead.add(req);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off("data", onData);
      req.resume();
      resolve(null);
    };
    req.on("data", onData);
    req.once("end", () => resolve(size <= limit ? Buffer.concat(chunks, size) : null));
    req.once("error", reject);
  });
}

const DIRECT: Record<string, { method: string; handler: Handler }> = {
  "/api/ingest/falco": {
    method: "POST",
    handler: (req, headers) =>
      answerIngest({
        authorization: headers.get("authorization"),
        contentLength: headers.get("content-length"),
        readBody: (limit) => readBody(req, limit),
      }),
  },
};

/** The headers next.config.js and proxy.ts give every other response (lib/security-headers.js), HSTS included. */
let securityHeaders: Record<string, string> | undefined;
const SECURITY_HEADERS = () => (securityHeaders ??= securityHeaderObject(env().BULKHEAD_PUBLIC_URL));

export function directRoute(req: IncomingMessage): Handler | null {
  const route = DIRECT[(req.url ?? "").split("?")[0]!];
  return route && route.method === req.method ? route.handler : null;
}

export async function serveDirect(handler: Handler, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const headers: HeaderSource = {
    get: (name) => {
      const value = req.headers[name];
      return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
    },
  };
  try {
    const answer = await withRequestOrigin(headers, () => handler(req, headers));
    const body = Buffer.from(answer.body);
    res.writeHead(answer.status, { ...SECURITY_HEADERS(), ...answer.headers, "content-length": String(body.length) });
    res.end(body);
    if (!bodyRead.has(req)) discardUnread(req);
  } catch (error) {
    const ref = randomUUID().slice(0, 8);
    log.error({ err: error, ref, url: req.url }, "unexpected error in a direct route");
    if (!res.headersSent) res.writeHead(500, { ...SECURITY_HEADERS(), "Content-Type": "application/json", "Cache-Control": "no-store" });
    res.end(JSON.stringify({ error: `Something went wrong (ref ${ref}); nothing was acknowledged, so resending is safe.` }));
  }
}
