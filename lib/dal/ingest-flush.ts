import "server-only";
import { db, type Tx } from "@/lib/db";
import { log } from "@/lib/log";
import { Prisma } from "@/lib/generated/prisma/client";
import type { FalcoPriority } from "@/lib/generated/prisma/enums";
import { appendAuditEvent } from "@/lib/dal/audit";
import { isDatabaseUnavailable } from "@/lib/dal/ingest-errors";
import { correlateAlerts, correlationLocksSql, type InsertedAlert } from "@/lib/dal/ingest-incidents";
import type { PreparedAlert, PreparedBatch } from "@/lib/dal/ingest-rows";
import { forgetSource, refuseIngest, type IngestSource } from "@/lib/dal/ingest-sources";
import type { RequestOrigin } from "@/lib/dal/request-context";
import { appendLiveEvent } from "@/lib/dal/live-events";
import type { IngestResult } from "@/lib/validation/ingest";

// Write-combining for alert ingest (docs/decisions/008-ingest-write-combining.md). Requests of one
// source that arrive while earlier flushes are in the database queue up here and are stored
// together by the next flush: one transaction, one audit event, one commit for all of them, where
// each request still gets its own counts, rejections and incidents, and its answer only after the
// commit that holds its alerts. When a combined flush fails, each of its requests is stored again
// on its own, so one bad request cannot fail the others.

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

export type FlushRequest = PreparedBatch & { source: IngestSource; token: string; origin: RequestOrigin; windowMinutes: number };

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
    for (const m of members) refuseIngest("token revoked, rotated or source deactivated", m.token, m.source).catch(m.reject);
    return;
  }
  members.forEach((m, i) => m.resolve(outcome.results[i]!));
  bumpCounters(members[0]!.source.id, outcome.accepted, outcome.at);
}

// The source's counters (last seen, alert count) are one row that every flush of the source would
// otherwise lock until its commit, serialising all ingest; they are informational, so they are
// bumped after the commit, off the path of the answer, and coalesced: one UPDATE in flight per
// source, carrying whatever flushes committed meanwhile. A failure here must not turn a committed
// flush into an error the sender retries for nothing: it is logged.
type Counters = { alerts: number; at: Date | null; running: boolean };
const counters = new Map<string, Counters>();

function bumpCounters(sourceId: string, accepted: number, at: Date): void {
  let pending = counters.get(sourceId);
  if (!pending) {
    pending = { alerts: 0, at: null, running: false };
    counters.set(sourceId, pending);
  }
  pending.alerts += accepted;
  if (!pending.at || at > pending.at) pending.at = at;
  if (!pending.running) void writeCounters(sourceId, pending);
}

async function writeCounters(sourceId: string, pending: Counters): Promise<void> {
  pending.running = true;
  while (pending.at) {
    const { alerts, at } = pending;
    pending.alerts = 0;
    pending.at = null;
    // updateMany: a source that no longer exists (only tests delete them) is nothing to report.
    await db()
      .detectionSource.updateMany({ where: { id: sourceId }, data: { lastSeenAt: at, alertCount: { increment: alerts } } })
      .catch((error: unknown) => log.warn({ err: error, source: sourceId }, "detection source counters not updated"));
  }
  counters.delete(sourceId);
}

type FlushOutcome = { refused: true } | { refused: false; results: IngestResult[]; accepted: number; at: Date };

/**
 * The flush's first statement: the authoritative token check (a revocation, deactivation or
 * rotation committed since the cached lookup refuses the flush before anything is written), the
 * correlation locks of every workload in it (ascending), then INSERT … ON CONFLICT ("dedupKey")
 * DO NOTHING RETURNING: replays and concurrent identical posts come back without a row. Rows go in
 * dedup-key order (byte order, as COLLATE "C" sorts): every flush locks workload keys first and
 * unique-index entries second, each in one order, so two flushes cannot deadlock. The Sort above
 * the join with `locked` consumes every row before the first insert, so the locks come first.
 * Null when the source may no longer send.
 */
async function checkLockInsert(tx: Tx, source: IngestSource, rows: PreparedAlert[]): Promise<{ minIncidentPriority: FalcoPriority; insertedIds: Set<string> } | null> {
  const check = Prisma.sql`SELECT "minIncidentPriority"::text AS priority FROM "DetectionSource" WHERE id = ${source.id} AND "tokenHash" = ${source.tokenHash} AND active AND "revokedAt" IS NULL`;
  if (rows.length === 0) {
    const found = await tx.$queryRaw<{ priority: FalcoPriority }[]>(check);
    return found[0] ? { minIncidentPriority: found[0].priority, insertedIds: new Set() } : null;
  }
  const [result] = await tx.$queryRaw<{ priority: FalcoPriority | null; ids: string[] }[]>`
    WITH source AS (${check}),
    locked AS MATERIALIZED (${correlationLocksSql(rows.map((r) => r.alert))}),
    inserted AS (
      INSERT INTO "Alert" (id, "sourceId", "dedupKey", "receivedAt", "eventTime", rule, priority, "eventSource", output, tags, hostname, cluster, namespace,
        "podName", workload, "containerId", "containerName", "imageRepository", "imageTag", "imageDigest", "nodeName", "processName",
        "processCmdline", "parentProcess", "userName", "fileName", connection, "outputFields", raw)
      SELECT r.id, r."sourceId", r."dedupKey", r."receivedAt", r."eventTime", r.rule, r.priority::"FalcoPriority", r."eventSource", r.output, r.tags, r.hostname,
        r.cluster, r.namespace, r."podName", r.workload, r."containerId", r."containerName", r."imageRepository", r."imageTag", r."imageDigest",
        r."nodeName", r."processName", r."processCmdline", r."parentProcess", r."userName", r."fileName", r.connection, r."outputFields", r.raw
      FROM json_to_recordset(${`[${rows.map((r) => r.json).join(",")}]`}::json) AS r(
        id text, "sourceId" text, "dedupKey" text, "receivedAt" timestamp, "eventTime" timestamp, rule text, priority text, "eventSource" text, output text, tags text[],
        hostname text, cluster text, namespace text, "podName" text, workload text, "containerId" text, "containerName" text, "imageRepository" text,
        "imageTag" text, "imageDigest" text, "nodeName" text, "processName" text, "processCmdline" text, "parentProcess" text, "userName" text,
        "fileName" text, connection text, "outputFields" jsonb, raw jsonb)
      CROSS JOIN locked
      WHERE EXISTS (SELECT 1 FROM source)
      ORDER BY r."dedupKey" COLLATE "C"
      ON CONFLICT ("dedupKey") DO NOTHING
      RETURNING id)
    SELECT (SELECT priority FROM source) AS priority, ARRAY(SELECT id FROM inserted) AS ids`;
  return result?.priority ? { minIncidentPriority: result.priority, insertedIds: new Set(result.ids) } : null;
}

/** Where a combined flush came from, for its one audit event: what its requests share. */
function flushOrigin(members: Waiting[]): RequestOrigin {
  if (members.length === 1) return members[0]!.origin;
  const shared = (pick: (o: RequestOrigin) => string | null) => (new Set(members.map((m) => pick(m.origin))).size === 1 ? pick(members[0]!.origin) : null);
  return { ip: shared((o) => o.ip), userAgent: shared((o) => o.userAgent), requestId: null };
}

async function storeFlush(members: Waiting[]): Promise<FlushOutcome> {
  const source = members[0]!.source;
  const now = new Date();
  // Across requests too, the first to send an event owns it: later ones count it as a duplicate.
  const owner = new Map<string, { alert: PreparedAlert; member: number }>();
  members.forEach((m, member) => m.alerts.forEach((alert) => owner.has(alert.dedupKey) || owner.set(alert.dedupKey, { alert, member })));
  const rows = [...owner.values()].map((o) => o.alert).sort((a, b) => (a.dedupKey < b.dedupKey ? -1 : 1));

  return db().$transaction(
    async (tx: Tx): Promise<FlushOutcome> => {
      const stored = await checkLockInsert(tx, source, rows);
      if (!stored) return { refused: true };
      const { insertedIds, minIncidentPriority } = stored;
      const inserted: InsertedAlert[] = rows.filter((r) => insertedIds.has(r.alert.id)).map((r) => r.alert);
      const correlation = await correlateAlerts(tx, inserted, { minIncidentPriority, windowMinutes: members[0]!.windowMinutes, now });

      const results = members.map((m, i): IngestResult => {
        let accepted = 0;
        const incidents = new Set<string>();
        for (const alert of m.alerts) {
          if (owner.get(alert.dedupKey)!.member !== i || !insertedIds.has(alert.alert.id)) continue;
          accepted += 1;
          const incident = correlation.incidentOf.get(alert.alert.id);
          if (incident) incidents.add(incident);
        }
        return { accepted, duplicates: m.validCount - accepted, rejected: m.rejected, incidents: [...incidents].sort() };
      });
      const total = (pick: (r: IngestResult) => number) => results.reduce((n, r) => n + pick(r), 0);
      await appendAuditEvent(tx, {
        actorEmail: `source:${source.name}`,
        action: "alerts.ingest",
        targetType: "DetectionSource",
        targetId: source.id,
        origin: flushOrigin(members),
        after: {
          accepted: total((r) => r.accepted),
          duplicates: total((r) => r.duplicates),
          rejected: total((r) => r.rejected.length),
          incidentsOpened: correlation.opened,
          incidentsJoined: correlation.joined,
          ...(members.length > 1 ? { requests: members.length, requestIds: members.map((m) => m.origin.requestId) } : {}),
        },
      });
      // The incident board listens for this; last statement of the transaction (lib/dal/live-events.ts).
      // The incident keys let an open incident page refresh only for its own alerts.
      if (inserted.length > 0) {
        const keys = [...new Set(results.flatMap((r) => r.incidents))].sort();
        await appendLiveEvent(tx, { topic: "incidents", kind: "alerts.ingested", entityId: null, data: { incidents: keys } });
      }
      return { refused: false, results, accepted: inserted.length, at: now };
    },
    // Concurrent flushes about one workload wait for each other's correlation lock.
    { timeout: 30_000, maxWait: 10_000 },
  );
}
