import "server-only";
import { ExpectedError } from "@/lib/dal/errors";

// The errors of alert ingest that its route handler turns into answers Falco and falcosidekick
// understand: 401 and 413 are final, 503 says "retry later" (their retry is safe: dedup keys).

/** No token, an unknown one, or the token of a revoked or deactivated source: 401. */
export class IngestAuthError extends ExpectedError {}
/** Too many refused requests from one client address this minute: 429 with Retry-After, answered without a lookup. */
export class IngestThrottledError extends ExpectedError {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many refused ingest requests from this address; try again in ${retryAfterSeconds} s with a valid token.`);
  }
}
/** More events in one request than MAX_INGEST_EVENTS: 413. */
export class IngestBatchTooLargeError extends ExpectedError {}
/** The database cannot be reached or is restarting; nothing was acknowledged: 503 with Retry-After. */
export class IngestUnavailableError extends ExpectedError {
  constructor(readonly retryAfterSeconds = 5) {
    super(
      "The alert store is unavailable (database unreachable or restarting); nothing from this request was acknowledged. Retry in a few seconds: resending the same events is safe.",
    );
  }
}

// How a lost or refused connection shows up through Prisma's pg adapter: Prisma codes (P1001 can't
// reach, P1017 closed, P2024 pool timeout), the adapter's error kinds, node socket codes, PostgreSQL
// SQLSTATEs (class 08 connection exception, 57P01–57P03 shutdown/starting up), and pg's own
// messages for a socket that dies mid-query, which carry no code at all.
const UNAVAILABLE_CODES = new Set([
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "57P01",
  "57P02",
  "57P03",
]);
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const UNAVAILABLE_MESSAGE =
  /Connection terminated|terminating connection|database system is (?:starting up|shutting down|in recovery mode|not yet accepting)|Can't reach database|Server has closed the connection|Connection is closed|Client has encountered a connection error|Transaction already closed|connect ECONNREFUSED|read ECONNRESET/i;

/** True when the error (or what it wraps) says the database was unreachable rather than that the request was wrong. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== "object" || error === null) return false;
  const e = error as {
    code?: unknown;
    kind?: unknown;
    originalCode?: unknown;
    message?: unknown;
    cause?: unknown;
    meta?: unknown;
    driverAdapterError?: unknown;
  };
  if (typeof e.code === "string" && (UNAVAILABLE_CODES.has(e.code) || e.code.startsWith("08"))) return true;
  if (typeof e.originalCode === "string" && (UNAVAILABLE_CODES.has(e.originalCode) || e.originalCode.startsWith("08"))) return true;
  if (typeof e.kind === "string" && UNAVAILABLE_KINDS.has(e.kind)) return true;
  if (typeof e.message === "string" && UNAVAILABLE_MESSAGE.test(e.message)) return true;
  return [e.cause, e.meta, e.driverAdapterError].some((inner) => isDatabaseUnavailable(inner, depth + 1));
}
