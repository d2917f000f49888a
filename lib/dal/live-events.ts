import "server-only";
import type { Tx } from "@/lib/db";
import { queryInTransaction, statement, type SqlStatement } from "@/lib/server/db/sql-statement";
import type { LiveEventInput, LiveTopic, RunTopic } from "@/lib/dto/live";

/** The one PostgreSQL channel every instance listens on; payloads carry ids only. */
export const LIVE_CHANNEL = "bulkhead_live";

/** Any fixed number: the advisory lock that makes live-event ids follow commit order. */
const LIVE_EVENT_LOCK = 7_310_422;

export type { LiveEventInput, LiveTopic };

export function runTopic(runId: string): RunTopic {
  return `run:${runId}`;
}

/**
 * Records a live update inside the caller's transaction and notifies every instance when it commits.
 *
 * Call it as the LAST statement of the transaction (after appendAuditEvent): the transaction-scoped
 * lock is held until commit, so ids are handed out in commit order. That is what lets a reconnecting
 * client resume with `Last-Event-ID` — an id below the last one it saw can never commit later.
 */
export async function appendLiveEvent(tx: Tx, input: LiveEventInput): Promise<bigint> {
  const rows = await queryInTransaction<{ id: bigint | string }>(tx, liveEventStatement(input));
  return BigInt(rows[0]!.id);
}

/** appendLiveEvent's one statement, for a caller that sends its statements itself (the ingest flush); the same rule: last. */
export function liveEventStatement(input: LiveEventInput): SqlStatement {
  // One round trip: the lock is taken before the row (and its id) exists, NOTIFY names the id.
  // (pg_notify returns void, which the driver cannot read: it is cast to text and ignored.)
  return statement(
    "live.append",
    `WITH locked AS (SELECT pg_advisory_xact_lock(${LIVE_EVENT_LOCK}::bigint)),
          event AS (
            INSERT INTO "LiveEvent" ("topic", "kind", "entityId", "actorId", "data")
            SELECT $1, $2, $3, $4, $5::jsonb FROM locked
            RETURNING "id")
     SELECT "id", pg_notify('${LIVE_CHANNEL}', "id"::text || ':' || $1)::text AS "notified" FROM event`,
    [input.topic, input.kind, input.entityId ?? null, input.actorId ?? null, input.data === undefined ? null : JSON.stringify(input.data)],
  );
}
