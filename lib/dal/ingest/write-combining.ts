import "server-only";
import { log } from "@/lib/log";
import { isDatabaseUnavailable } from "@/lib/dal/ingest/errors";
import { forgetSource, refuseIngest } from "@/lib/dal/ingest/sources";
import { storeFlush, type FlushOutcome, type FlushRequest } from "@/lib/dal/ingest/flush";
import type { IngestResult } from "@/lib/validation/ingest";

// Write-combining for alert ingest (docs/decisions/008-ingest-write-combining.md). Requests of one
// source that arrive while earlier flushes are in the database queue up here and are stored
// together by the next flush (flush.ts): one transaction, one audit event, one commit for
// all of them, where each request still gets its own counts, rejections and incidents, and its
// answer only after the commit that holds its alerts. When a combined flush fails, each of its
// requests is stored again on its own, so one bad request cannot fail the others.

/** Flushes of one source in the database at once: one can insert while another waits for the audit chain and commits. */
const FLUSHES_IN_FLIGHT = 2;
/**
 * A second flush starts beside a running one only for this many waiting alerts: bulk work is worth
 * a second connection, while a trickle of single events is better off waiting a few milliseconds
 * and sharing the next flush (and its commit) than taking a transaction each.
 */
const SECOND_FLUSH_MIN_ALERTS = 100;
/** A bound on one flush's transaction; a single request (≤ MAX_INGEST_EVENTS) always goes whole. */
const FLUSH_MAX_ALERTS = 1_000;

type Waiting = FlushRequest & { resolve: (result: IngestResult) => void; reject: (error: unknown) => void };
type Lane = { waiting: Waiting[]; inFlight: number; scheduled: boolean };

const lanes = new Map<string, Lane>();

/** Stores the request's alerts with whatever else is waiting; resolves once they are committed. */
export function storeAlerts(request: FlushRequest): Promise<IngestResult> {
  const key = `${request.source.id}:${request.windowMinutes}`;
  let lane = lanes.get(key);
  if (!lane) {
    lane = { waiting: [], inFlight: 0, scheduled: false };
    lanes.set(key, lane);
  }
  const promise = new Promise<IngestResult>((resolve, reject) => lane.waiting.push({ ...request, resolve, reject }));
  schedule(key, lane);
  return promise;
}

function worthAFlush(lane: Lane): boolean {
  if (lane.waiting.length === 0 || lane.inFlight >= FLUSHES_IN_FLIGHT) return false;
  return lane.inFlight === 0 || lane.waiting.reduce((n, w) => n + w.alerts.length, 0) >= SECOND_FLUSH_MIN_ALERTS;
}

function schedule(key: string, lane: Lane): void {
  if (lane.scheduled || !worthAFlush(lane)) return;
  lane.scheduled = true;
  // One turn of the event loop: requests whose bodies were parsed in the same turn go together.
  setImmediate(() => {
    lane.scheduled = false;
    while (worthAFlush(lane)) {
      const members = takeFlush(lane.waiting);
      lane.inFlight += 1;
      void flush(members).finally(() => {
        lane.inFlight -= 1;
        if (lane.inFlight === 0 && lane.waiting.length === 0) lanes.delete(key);
        else schedule(key, lane);
      });
    }
  });
}

function takeFlush(waiting: Waiting[]): Waiting[] {
  let size = 0;
  let count = 0;
  while (count < waiting.length && (count === 0 || size + waiting[count]!.alerts.length <= FLUSH_MAX_ALERTS)) {
    size += waiting[count]!.alerts.length;
    count += 1;
  }
  return waiting.splice(0, count);
}

async function flush(members: Waiting[]): Promise<void> {
  let outcome: FlushOutcome;
  try {
    outcome = await storeFlush(members);
  } catch (error) {
    if (members.length > 1 && !isDatabaseUnavailable(error)) {
      log.warn({ err: error, requests: members.length }, "combined ingest flush failed; storing its requests one by one");
      for (const member of members) await flush([member]);
      return;
    }
    for (const member of members) member.reject(error);
    return;
  }
  if (outcome.refused) {
    // Revoked, deactivated or rotated since the token was looked up: refused like an unknown token.
    forgetSource(members[0]!.source.tokenHash);
    for (const m of members) {
      try {
        refuseIngest("token revoked, rotated or source deactivated", m.token, m.origin.ip, m.source);
      } catch (error) {
        m.reject(error);
      }
    }
    return;
  }
  members.forEach((m, i) => m.resolve(outcome.results[i]!));
}
