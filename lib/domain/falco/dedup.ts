import { createHash } from "node:crypto";
import type { NormalizedEvent } from "@/lib/domain/falco/normalize";

/**
 * The dedup key of a Falco event: sha256 over a canonical tuple of what Falco itself decided when
 * the rule fired — rule, event time (nanoseconds since the epoch), hostname, output text, source
 * and container id. The Alert table's unique index on it is what makes ingest idempotent: a replayed
 * batch, a client retrying after a timeout or a 5xx, and two identical posts racing each other all
 * land on the same key, and `INSERT … ON CONFLICT ("dedupKey") DO NOTHING` keeps the first.
 *
 * Why these fields and no others:
 * - Not falcosidekick's `uuid`: it is generated anew on every hop (Falco → falcosidekick →
 *   another falcosidekick or a webhook), so one event arrives under many uuids.
 * - Not the receipt time, nor anything the forwarder adds: falcosidekick merges its custom fields
 *   (`cluster`, `environment`…) into output_fields and may reorder or fill `tags`; the same event
 *   sent by Falco directly and through falcosidekick must collide.
 * - The time as an integer instant, not the `time` string: falcosidekick decodes the event and
 *   encodes it again, and RFC 3339 has many spellings of one instant (`.046826000Z` and `.046826Z`).
 *   Nanoseconds keep two events in the same microsecond apart.
 * - Not the whole raw JSON: priority case and empty-vs-absent fields change between hops too
 *   (`source`/`hostname` become "" when absent, which normalisation treats as absent).
 * Two genuinely different events share every one of these fields only if Falco printed the same
 * output for the same rule on the same host and container in the same nanosecond — then they are
 * one event.
 */

/** Bumped if the tuple ever changes, so old and new keys can never be confused. */
const SCHEME = "bulkhead-falco-dedup-v1";

export type DedupFields = {
  rule: string;
  /** Nanoseconds since the epoch, decimal digits. */
  timeNanos: string;
  hostname: string | null;
  output: string;
  source: string | null;
  containerId: string | null;
};

export function dedupKey(f: DedupFields): string {
  // A JSON array is an unambiguous encoding: no separator inside a field can shift another.
  const tuple = JSON.stringify([SCHEME, f.rule, f.timeNanos, f.hostname, f.output, f.source, f.containerId]);
  return createHash("sha256").update(tuple, "utf8").digest("hex");
}

export function dedupKeyOf(event: NormalizedEvent): string {
  const a = event.alert;
  return dedupKey({
    rule: a.rule,
    timeNanos: event.timeNanos,
    hostname: a.hostname,
    output: a.output,
    source: a.eventSource,
    containerId: event.hostEvent ? "host" : a.containerId,
  });
}
