import { randomUUID } from "node:crypto";
import { ValidationError } from "@/lib/dal/errors";
import { IngestAuthError, IngestBatchTooLargeError, IngestUnavailableError, ingestFalcoBody } from "@/lib/dal/ingest";
import { log } from "@/lib/log";
import { BearerAuthorization, MAX_INGEST_BODY_BYTES } from "@/lib/validation/ingest";

export const dynamic = "force-dynamic";

// no-transform: answers of a few bytes are not worth gzip's per-response setup (Next compresses unless told not to).
const NO_STORE = { "Cache-Control": "no-store, no-transform" };

function error(status: number, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error: message }, { status, headers: { ...NO_STORE, ...headers } });
}

const TOO_LARGE = `The body is larger than ${MAX_INGEST_BODY_BYTES} bytes (1 MiB): send fewer events per request.`;

/** The body's bytes, reading no further than the limit whatever Content-Length claimed; null past it. */
async function readLimited(request: Request): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_INGEST_BODY_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Strict: a body that is not UTF-8 is not JSON (RFC 8259 §8.1), better refused than mangled. */
function utf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Falco (`http_output`) and falcosidekick (webhook output) post alerts here, unchanged: one JSON
 * event, a JSON array of events, or newline-delimited JSON, with the detection source's token as
 * `Authorization: Bearer <token>`. Answers 202 `{accepted, duplicates, rejected:[{index, error}],
 * incidents}` only after the alerts are committed; 400 for a body that cannot be read as events;
 * 401 for a missing, unknown or revoked token; 413 past 1 MiB or 1,000 events; 503 with Retry-After
 * while the database is unreachable (nothing was acknowledged; resending is safe). A machine endpoint:
 * the DAL authenticates the token (there is no session to ask for).
 */
export async function POST(request: Request) {
  const authorization = BearerAuthorization.safeParse(request.headers.get("authorization") ?? undefined);
  const token = authorization.success ? authorization.data : null;

  // Without a token the body is never read: the DAL refuses (and audits) the request first.
  let body: string | null = "";
  if (token) {
    const declared = Number(request.headers.get("content-length") ?? "0");
    if (Number.isFinite(declared) && declared > MAX_INGEST_BODY_BYTES) return error(413, TOO_LARGE);
    const bytes = await readLimited(request);
    if (bytes === null) return error(413, TOO_LARGE);
    body = utf8(bytes);
    if (body === null) return error(400, "The body is not UTF-8 text: Falco events are JSON.");
  }

  try {
    const result = await ingestFalcoBody(token, body);
    return Response.json(result, { status: 202, headers: NO_STORE });
  } catch (e) {
    if (e instanceof IngestAuthError) return error(401, e.message, { "WWW-Authenticate": 'Bearer realm="bulkhead-ingest"' });
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
