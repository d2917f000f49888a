import "server-only";
import { env } from "@/lib/env";
import { ValidationError } from "@/lib/dal/errors";
import { IngestBatchTooLargeError, IngestUnavailableError, isDatabaseUnavailable } from "@/lib/dal/ingest-errors";
import { storeAlerts } from "@/lib/dal/ingest-flush";
import { prepareAlerts } from "@/lib/dal/ingest-rows";
import { authenticateSource, type IngestSource } from "@/lib/dal/ingest-sources";
import { requestOrigin } from "@/lib/dal/request-context";
import { parseFalcoBody, type BodyEntry } from "@/lib/domain/falco/parse-body";
import { MAX_INGEST_EVENTS, type IngestResult } from "@/lib/validation/ingest";

export { IngestAuthError, IngestBatchTooLargeError, IngestUnavailableError } from "@/lib/dal/ingest-errors";

// Alert ingest for Falco and falcosidekick (DESIGN.md: POST /api/ingest/falco). The source's token
// is the authorization (ingest-sources.ts); the events are normalised here, on the request, and
// stored by a flush that may combine them with other requests' (ingest-flush.ts, decision 008).

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

async function ingestEntries(source: IngestSource, token: string, entries: readonly BodyEntry[], options: IngestOptions): Promise<IngestResult> {
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
 * Stores a batch of already-parsed events (one entry per event; entries that failed to parse carry
 * their error): the answer exists only once the alerts are committed.
 */
export async function ingestFalcoEvents(token: string | null, entries: readonly BodyEntry[], options: IngestOptions = {}): Promise<IngestResult> {
  return unavailableAsExpected(async () => {
    const source = await authenticateSource(token);
    return ingestEntries(source, token!, entries, options);
  });
}

/** The request body as received: authenticate, then parse (ValidationError → 400), then ingest. */
export async function ingestFalcoBody(token: string | null, body: string, options: IngestOptions = {}): Promise<IngestResult> {
  return unavailableAsExpected(async () => {
    const source = await authenticateSource(token);
    const parsed = parseFalcoBody(body);
    if (!parsed.ok) throw new ValidationError(parsed.error);
    return ingestEntries(source, token!, parsed.entries, options);
  });
}
