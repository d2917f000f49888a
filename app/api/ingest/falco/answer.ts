import { randomUUID } from "node:crypto";
import { ValidationError } from "@/lib/dal/errors";
import {
  authenticateIngest,
  IngestAuthError,
  IngestBatchTooLargeError,
  IngestThrottledError,
  IngestUnavailableError,
  ingestFalcoBodyOf,
} from "@/lib/dal/ingest";
import { log } from "@/lib/log";
import { BearerAuthorization, MAX_INGEST_BODY_BYTES } from "@/lib/validation/ingest";

// The answer to POST /api/ingest/falco, independent of the server that carries it: Next's route
// handler (route.ts) and the production server's direct route (scripts/direct-routes.ts) both
// hand over the request's headers and a way to read its body, and send back what this returns.

export type IngestAnswer = { status: number; headers: Record<string, string>; body: string };

// no-transform: answers of a few bytes are not worth gzip's per-response setup (Next compresses unless told not to).
const NO_STORE = { "Cache-Control": "no-store, no-transform", "Content-Type": "application/json" };

function answer(status: number, value: unknown, headers: Record<string, string> = {}): IngestAnswer {
  return { status, headers: { ...NO_STORE, ...headers }, body: JSON.stringify(value) };
}

const error = (status: number, message: string, headers: Record<string, string> = {}) => answer(status, { error: message }, headers);

const TOO_LARGE = `The body is larger than ${MAX_INGEST_BODY_BYTES} bytes (1 MiB): send fewer events per request.`;

/** Strict: a body that is not UTF-8 is not JSON (RFC 8259 §8.1), better refused than mangled. */
function utf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export type IngestRequest = {
  authorization: string | null;
  contentLength: string | null;
  /** The body's bytes, reading no further than `limit` whatever Content-Length claimed; null past it. */
  readBody: (limit: number) => Promise<Uint8Array | null>;
};

/**
 * Falco (`http_output`) and falcosidekick (webhook output) post alerts here, unchanged: one JSON
 * event, a JSON array of events, or newline-delimited JSON, with the detection source's token as
 * `Authorization: Bearer <token>`. Answers 202 `{accepted, duplicates, rejected:[{index, error}],
 * incidents}` only after the alerts are committed; 400 for a body that cannot be read as events;
 * 401 for a missing, unknown or revoked token; 429 with Retry-After for an address past its rate of
 * refused requests; 413 past 1 MiB or 1,000 events; 503 with Retry-After while the database is
 * unreachable (nothing was acknowledged; resending is safe). A machine endpoint: the DAL
 * authenticates the token (there is no session to ask for).
 *
 * The token is checked before a byte of the body is read: whoever has no valid token costs a
 * header parse and an in-memory count (or one indexed read), never a megabyte of reading and
 * parsing, a database write or the audit chain's lock (refusals are audited per address and
 * minute, lib/dal/audit-aggregate.ts).
 */
export async function answerIngest(request: IngestRequest): Promise<IngestAnswer> {
  const authorization = BearerAuthorization.safeParse(request.authorization ?? undefined);
  const token = authorization.success ? authorization.data : null;
  try {
    const source = await authenticateIngest(token);
    const declared = Number(request.contentLength ?? "0");
    if (Number.isFinite(declared) && declared > MAX_INGEST_BODY_BYTES) return error(413, TOO_LARGE);
    const bytes = await request.readBody(MAX_INGEST_BODY_BYTES);
    if (bytes === null) return error(413, TOO_LARGE);
    const body = utf8(bytes);
    if (body === null) return error(400, "The body is not UTF-8 text: Falco events are JSON.");
    return answer(202, await ingestFalcoBodyOf(source, token!, body));
  } catch (e) {
    if (e instanceof IngestAuthError) return error(401, e.message, { "WWW-Authenticate": 'Bearer realm="bulkhead-ingest"' });
    if (e instanceof IngestThrottledError) return error(429, e.message, { "Retry-After": String(e.retryAfterSeconds) });
    if (e instanceof IngestBatchTooLargeError) return error(413, e.message);
    if (e instanceof ValidationError) return error(400, e.message);
    // Falco's http_output and falcosidekick retry a 5xx; Retry-After paces them while the database restarts.
    if (e instanceof IngestUnavailableError) return error(503, e.message, { "Retry-After": String(e.retryAfterSeconds) });
    // A 5xx tells Falco/falcosidekick to retry; the dedup key makes the retry safe.
    const ref = randomUUID().slice(0, 8);
    log.error({ err: e, ref, context: "POST /api/ingest/falco" }, "unexpected error in alert ingest");
    return error(500, `Something went wrong (ref ${ref}); retrying the same events is safe.`);
  }
}

/** The body's chunks as one array of `size` bytes. */
export function joinChunks(chunks: Uint8Array[], size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
