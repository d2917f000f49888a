import "server-only";
import { env } from "@/lib/env";
import { ValidationError } from "@/lib/dal/errors";
import { IngestBatchTooLargeError, IngestUnavailableError, isDatabaseUnavailable } from "@/lib/dal/ingest/errors";
import { storeAlerts } from "@/lib/dal/ingest/write-combining";
import { prepareAlerts } from "@/lib/dal/ingest/alert-rows";
import { authenticateSource, type IngestSource } from "@/lib/dal/ingest/sources";
import { requestOrigin } from "@/lib/dal/request-context";
import { parseFalcoBody, type BodyEntry } from "@/lib/domain/falco/parse-body";
import { MAX_INGEST_EVENTS, type IngestResult } from "@/lib/validation/ingest";

export { IngestAuthError, IngestBatchTooLargeError, IngestThrottledError, IngestUnavailableError } from "@/lib/dal/ingest/errors";
export { flushIngestRefusals } from "@/lib/dal/ingest/sources";
export type { IngestSource } from "@/lib/dal/ingest/sources";

// Alert ingest for Falco and falcosidekick (DESIGN.md: POST /api/ingest/falco). The source's token
// is the authorization (sources.ts); the events are normalised here, on the request, and
// stored by a flush that may combine them with other requests' (write-combining.ts, decision 008).

export type IngestOptions = {
  /** How close alerts of one workload must be to join one incident; README's BULKHEAD_CORRELATION_WINDOW_MINUTES. */
  correlationWindowMinutes?: number;
};

/** A database that cannot be reached becomes a clear "retry later" (503), not an unexplained 500. */
async function unavailableAsExpected<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw new IngestUnavailableError();
    throw error;
  }
}

async function ingestEntries(
  source: IngestSource,
  token: string,
  entries: readonly BodyEntry[],
  options: IngestOptions,
): Promise<IngestResult> {
  if (entries.length > MAX_INGEST_EVENTS) {
    throw new IngestBatchTooLargeError(`The batch has ${entries.length} events; send at most ${MAX_INGEST_EVENTS} per request.`);
  }
  const batch = prepareAlerts(source.id, source.defaultCluster, entries);
  return storeAlerts({
    ...batch,
    source,
    token,
    origin: await requestOrigin(),
    windowMinutes: options.correlationWindowMinutes ?? env().BULKHEAD_CORRELATION_WINDOW_MINUTES,
  });
}

/**
 * The detection source of a token, before anything of the request is read: 401 (IngestAuthError)
 * for none, 429 (IngestThrottledError) for an address past its rate of refusals. Refusals are
 * counted per address and audited once a minute (sources.ts).
 */
export async function authenticateIngest(token: string | null): Promise<IngestSource> {
  return unavailableAsExpected(async () => authenticateSource(token, (await requestOrigin()).ip));
}

/**
 * Stores a batch of already-parsed events (one entry per event; entries that failed to parse carry
 * their error): the answer exists only once the alerts are committed.
 */
export async function ingestFalcoEvents(
  token: string | null,
  entries: readonly BodyEntry[],
  options: IngestOptions = {},
): Promise<IngestResult> {
  const source = await authenticateIngest(token);
  return unavailableAsExpected(() => ingestEntries(source, token!, entries, options));
}

/** The body of an authenticated request (authenticateIngest): parse (ValidationError → 400), then ingest. */
export async function ingestFalcoBodyOf(
  source: IngestSource,
  token: string,
  body: string,
  options: IngestOptions = {},
): Promise<IngestResult> {
  const parsed = parseFalcoBody(body);
  if (!parsed.ok) throw new ValidationError(parsed.error);
  return unavailableAsExpected(() => ingestEntries(source, token, parsed.entries, options));
}

/** The request body as received: authenticate, then parse (ValidationError → 400), then ingest. */
export async function ingestFalcoBody(token: string | null, body: string, options: IngestOptions = {}): Promise<IngestResult> {
  const source = await authenticateIngest(token);
  return ingestFalcoBodyOf(source, token!, body, options);
}
