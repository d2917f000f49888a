import "server-only";
import type pg from "pg";
import { db, ingestPool, type Tx } from "@/lib/db";
import type { FalcoPriority } from "@/lib/generated/prisma/enums";
import { auditAppendStatements, type AuditInput } from "@/lib/dal/audit";
import { isDatabaseUnavailable } from "@/lib/dal/ingest-errors";
import {
  correlateAlerts,
  correlationKeyOf,
  correlationKeys,
  correlationLocks,
  openIncidentsStatement,
  transactionStore,
  type CorrelationResult,
  type CorrelationStore,
  type IncidentRow,
  type InsertedAlert,
} from "@/lib/dal/ingest-incidents";
import type { PreparedAlert, PreparedBatch } from "@/lib/dal/ingest-rows";
import type { IngestSource } from "@/lib/dal/ingest-sources";
import { liveEventStatement, type LiveEventInput } from "@/lib/dal/live-events";
import type { RequestOrigin } from "@/lib/dal/request-context";
import { queryInTransaction, statement, type SqlStatement } from "@/lib/dal/sql-statement";
import type { IngestResult } from "@/lib/validation/ingest";

// One flush of alert ingest (ingest-flush.ts decides what goes together) as one transaction:
// token re-check, correlation locks and insert; correlation; the source's counters; audit event;
// live event; commit.
//
// The usual flush only joins alerts to incidents that are already open. It goes in two round trips
// of pipelined prepared statements (BEGIN + insert + read of the open incidents; then every write,
// the audit append, the live event and COMMIT): on a small machine a round trip, or planning a
// large statement, costs more than the work it carries (docs/decisions/008). A flush that must
// open an incident — the plan's owners, the suggested playbook — rolls back and is stored again in
// a Prisma transaction, which runs the same statements and the same correlation.

export type FlushRequest = PreparedBatch & { source: IngestSource; token: string; origin: RequestOrigin; windowMinutes: number };

export type FlushOutcome = { refused: true } | { refused: false; results: IngestResult[] };

/** Upper bound on a flush: on its transaction in Prisma, on each statement (a lock wait included) when pipelined. */
const FLUSH_TIMEOUT_MS = 30_000;

type FlushPlan = {
  members: FlushRequest[];
  source: IngestSource;
  now: Date;
  /** Dedup key → the request that owns it: across requests too, the first to send an event owns it. */
  owner: Map<string, number>;
  /** One row per dedup key, in dedup-key order (see checkLockInsertStatement). */
  rows: PreparedAlert[];
};

function planFlush(members: FlushRequest[]): FlushPlan {
  const owner = new Map<string, number>();
  const byKey = new Map<string, PreparedAlert>();
  members.forEach((m, member) =>
    m.alerts.forEach((alert) => {
      if (owner.has(alert.dedupKey)) return;
      owner.set(alert.dedupKey, member);
      byKey.set(alert.dedupKey, alert);
    }),
  );
  const rows = [...byKey.values()].sort((a, b) => (a.dedupKey < b.dedupKey ? -1 : 1));
  return { members, source: members[0]!.source, now: new Date(), owner, rows };
}

/**
 * The flush's first statement: the authoritative token check (a revocation, deactivation or
 * rotation committed since the cached lookup refuses the flush before anything is written), the
 * correlation locks of every workload in it (ascending), then INSERT … ON CONFLICT ("dedupKey")
 * DO NOTHING RETURNING: replays and concurrent identical posts come back without a row. Rows go in
 * dedup-key order (byte order, as COLLATE "C" sorts): every flush locks workload keys first and
 * unique-index entries second, each in one order, so two flushes cannot deadlock. The Sort above
 * the join with `locked` consumes every row before the first insert, so the locks come first.
 * Its one row has a null priority when the source may no longer send.
 */
function checkLockInsertStatement(source: IngestSource, rows: PreparedAlert[], windowMinutes: number): SqlStatement {
  const check = `SELECT "minIncidentPriority"::text AS priority FROM "DetectionSource" WHERE id = $1 AND "tokenHash" = $2 AND active AND "revokedAt" IS NULL`;
  if (rows.length === 0)
    return statement("ingest.check", `SELECT (${check}) AS priority, ARRAY[]::text[] AS ids, ARRAY[]::text[] AS incidents`, [
      source.id,
      source.tokenHash,
    ]);
  const locks = correlationLocks(
    rows.map((r) => r.alert),
    "$3",
  );
  // Each security alert goes in with the open incident of its correlation key that its time falls
  // in the window of, when there is one (the usual case: a workload that keeps alerting). That is
  // correlation's likely choice, read from this statement's snapshot; correlation decides for
  // good and only the alerts it placed elsewhere are linked again (correlationWrites).
  const keys = JSON.stringify(rows.filter((r) => r.alert.security).map((r) => ({ id: r.alert.id, key: correlationKeyOf(r.alert) })));
  return statement(
    "ingest.insert",
    `WITH source AS (${check}),
     locked AS MATERIALIZED (${locks.sql}),
     inserted AS (
       INSERT INTO "Alert" (id, "sourceId", "dedupKey", "receivedAt", "eventTime", rule, priority, "eventSource", output, tags, hostname, cluster, namespace,
         "podName", workload, "containerId", "containerName", "imageRepository", "imageTag", "imageDigest", "nodeName", "processName",
         "processCmdline", "parentProcess", "userName", "fileName", connection, "outputFields", raw, "incidentId")
       SELECT r.id, r."sourceId", r."dedupKey", r."receivedAt", r."eventTime", r.rule, r.priority::"FalcoPriority", r."eventSource", r.output, r.tags, r.hostname,
         r.cluster, r.namespace, r."podName", r.workload, r."containerId", r."containerName", r."imageRepository", r."imageTag", r."imageDigest",
         r."nodeName", r."processName", r."processCmdline", r."parentProcess", r."userName", r."fileName", r.connection, r."outputFields", r.raw, joins.id
       FROM json_to_recordset($4::json) AS r(
         id text, "sourceId" text, "dedupKey" text, "receivedAt" timestamp, "eventTime" timestamp, rule text, priority text, "eventSource" text, output text, tags text[],
         hostname text, cluster text, namespace text, "podName" text, workload text, "containerId" text, "containerName" text, "imageRepository" text,
         "imageTag" text, "imageDigest" text, "nodeName" text, "processName" text, "processCmdline" text, "parentProcess" text, "userName" text,
         "fileName" text, connection text, "outputFields" jsonb, raw jsonb)
       CROSS JOIN locked
       LEFT JOIN json_to_recordset($5::json) AS k(id text, key text) ON k.id = r.id
       LEFT JOIN LATERAL (
         SELECT i.id FROM "Incident" AS i
         WHERE i."correlationKey" = k.key AND i.status <> 'CLOSED'
           AND i."lastAlertAt" >= r."eventTime" - make_interval(mins => $6::int) AND i."firstAlertAt" <= r."eventTime" + make_interval(mins => $6::int)
         ORDER BY i."lastAlertAt" DESC
         LIMIT 1) AS joins ON true
       WHERE EXISTS (SELECT 1 FROM source)
       ORDER BY r."dedupKey" COLLATE "C"
       ON CONFLICT ("dedupKey") DO NOTHING
       RETURNING id, "incidentId")
     SELECT (SELECT priority FROM source) AS priority, coalesce(array_agg(id), ARRAY[]::text[]) AS ids, coalesce(array_agg("incidentId"), ARRAY[]::text[]) AS incidents
     FROM inserted`,
    [source.id, source.tokenHash, locks.ids, `[${rows.map((r) => r.json).join(",")}]`, keys, windowMinutes],
  );
}

/** The source's threshold (null: refused), the inserted alerts' ids, and the incident each went in with (aligned with ids). */
type Inserted = { priority: FalcoPriority | null; ids: string[]; incidents: (string | null)[] };

/** Where a combined flush came from, for its one audit event: what its requests share. */
function flushOrigin(members: FlushRequest[]): RequestOrigin {
  if (members.length === 1) return members[0]!.origin;
  const shared = (pick: (o: RequestOrigin) => string | null) =>
    new Set(members.map((m) => pick(m.origin))).size === 1 ? pick(members[0]!.origin) : null;
  return { ip: shared((o) => o.ip), userAgent: shared((o) => o.userAgent), requestId: null };
}

/** Each request's answer, the flush's audit event and live event, once its alerts are correlated. */
function settle(plan: FlushPlan, insertedIds: Set<string>, inserted: InsertedAlert[], correlation: CorrelationResult) {
  const results = plan.members.map((m, i): IngestResult => {
    let accepted = 0;
    const incidents = new Set<string>();
    for (const alert of m.alerts) {
      if (plan.owner.get(alert.dedupKey) !== i || !insertedIds.has(alert.alert.id)) continue;
      accepted += 1;
      const incident = correlation.incidentOf.get(alert.alert.id);
      if (incident) incidents.add(incident);
    }
    return { accepted, duplicates: m.validCount - accepted, rejected: m.rejected, incidents: [...incidents].sort() };
  });
  const total = (pick: (r: IngestResult) => number) => results.reduce((n, r) => n + pick(r), 0);
  const audit: AuditInput = {
    actorEmail: `source:${plan.source.name}`,
    action: "alerts.ingest",
    targetType: "DetectionSource",
    targetId: plan.source.id,
    after: {
      accepted: total((r) => r.accepted),
      duplicates: total((r) => r.duplicates),
      rejected: total((r) => r.rejected.length),
      incidentsOpened: correlation.opened,
      incidentsJoined: correlation.joined,
      ...(plan.members.length > 1 ? { requests: plan.members.length, requestIds: plan.members.map((m) => m.origin.requestId) } : {}),
    },
  };
  // The incident board listens for this; the incident keys let an open incident page refresh only
  // for its own alerts. Last statement of the transaction (lib/dal/live-events.ts).
  const live: LiveEventInput | null =
    inserted.length > 0
      ? {
          topic: "incidents",
          kind: "alerts.ingested",
          entityId: null,
          data: { incidents: [...new Set(results.flatMap((r) => r.incidents))].sort() },
        }
      : null;
  // The source's counters, before the audit append: a token rotation or revocation locks the
  // source's row and then the audit chain, so every writer takes the two in that order.
  const counters = statement(
    "ingest.source-counters",
    `UPDATE "DetectionSource" SET "lastSeenAt" = GREATEST("lastSeenAt", $2::timestamp), "alertCount" = "alertCount" + $3::int WHERE id = $1`,
    [plan.source.id, plan.now.toISOString(), inserted.length],
  );
  const outcome: FlushOutcome = { refused: false, results };
  return {
    outcome,
    statements: [counters, ...auditAppendStatements(audit, flushOrigin(plan.members)), ...(live ? [liveEventStatement(live)] : [])],
  };
}

async function correlate(plan: FlushPlan, stored: Inserted, store: CorrelationStore) {
  const insertedIds = new Set(stored.ids);
  const inserted = plan.rows.filter((r) => insertedIds.has(r.alert.id)).map((r) => r.alert);
  const insertedWith = new Map(stored.ids.map((id, i) => [id, stored.incidents[i] ?? null]));
  const correlation = await correlateAlerts(store, inserted, {
    minIncidentPriority: stored.priority!,
    windowMinutes: plan.members[0]!.windowMinutes,
    now: plan.now,
    insertedWith,
  });
  return settle(plan, insertedIds, inserted, correlation);
}

/** Correlation found an alert that opens an incident: the flush goes the Prisma way instead. */
class IncidentMustOpen extends Error {}

/** The open incidents read up front, for correlation to pick from; writes are collected for the commit. */
function preloadedStore(rows: IncidentRow[]): CorrelationStore & { statements: SqlStatement[] } {
  const statements: SqlStatement[] = [];
  return {
    statements,
    openIncidents: async (keys, from, to) => {
      const wanted = new Set(keys);
      return rows.filter((r) => wanted.has(r.correlationKey) && r.lastAlertMs >= from.getTime() && r.firstAlertMs <= to.getTime());
    },
    openIncident: () => Promise.reject(new IncidentMustOpen()),
    earlierUnattached: () => Promise.reject(new IncidentMustOpen()),
    write: async (more) => {
      statements.push(...more);
    },
  };
}

const BEGIN = statement("ingest.begin", "BEGIN");
// A flush stuck behind a lock gives up (and its senders retry) rather than hold a connection forever.
const TIMEOUT = statement("ingest.timeout", `SET LOCAL statement_timeout = ${FLUSH_TIMEOUT_MS}`);
const COMMIT = statement("ingest.commit", "COMMIT");

/**
 * Sends the statements at once and waits for all of them. After a failed statement PostgreSQL
 * refuses the rest of the transaction (and turns a COMMIT into a rollback), so the first failure
 * in order is the one that explains.
 */
async function pipelined(client: pg.PoolClient, statements: SqlStatement[]): Promise<pg.QueryResult[]> {
  const settled = await Promise.allSettled(statements.map((s) => client.query({ name: s.name, text: s.text, values: s.values })));
  const failed = settled.find((r) => r.status === "rejected");
  if (failed) throw failed.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<pg.QueryResult>).value);
}

/** The two-round-trip flush; null when an incident must open. */
async function storePipelined(plan: FlushPlan): Promise<FlushOutcome | null> {
  const alerts = plan.rows.map((r) => r.alert);
  const keys = correlationKeys(alerts);
  const windowMs = plan.members[0]!.windowMinutes * 60_000;
  const times = alerts.map((a) => a.eventTime.getTime());
  const first = [BEGIN, TIMEOUT, checkLockInsertStatement(plan.source, plan.rows, plan.members[0]!.windowMinutes)];
  // A superset of what correlation will ask for (it asks about the inserted alerts only).
  if (keys.length > 0)
    first.push(openIncidentsStatement(keys, new Date(Math.min(...times) - windowMs), new Date(Math.max(...times) + windowMs)));

  const client = await ingestPool().connect();
  let lost = false;
  let open = true;
  // In pipeline mode a socket that dies mid-flush errors the client itself as well as its queries:
  // without a listener that would end the process. The connection is dropped at release.
  const onError = () => (lost = true);
  client.on("error", onError);
  try {
    const results = await pipelined(client, first);
    const stored = results[2]!.rows[0] as Inserted;
    if (!stored.priority) return { refused: true };
    const store = preloadedStore((results[3]?.rows ?? []) as IncidentRow[]);
    let settled: Awaited<ReturnType<typeof correlate>>;
    try {
      settled = await correlate(plan, stored, store);
    } catch (error) {
      if (error instanceof IncidentMustOpen) return null;
      throw error;
    }
    open = false;
    await pipelined(client, [...store.statements, ...settled.statements, COMMIT]);
    return settled.outcome;
  } catch (error) {
    lost = isDatabaseUnavailable(error);
    throw error;
  } finally {
    // A failed COMMIT batch ended the transaction already; anything else still holds it open.
    if (open && !lost) await client.query("ROLLBACK").catch(() => (lost = true));
    client.off("error", onError);
    client.release(lost);
  }
}

async function storeInTransaction(plan: FlushPlan): Promise<FlushOutcome> {
  return db().$transaction(
    async (tx: Tx): Promise<FlushOutcome> => {
      const [stored] = await queryInTransaction<Inserted>(
        tx,
        checkLockInsertStatement(plan.source, plan.rows, plan.members[0]!.windowMinutes),
      );
      if (!stored?.priority) return { refused: true };
      const settled = await correlate(plan, stored, transactionStore(tx));
      for (const s of settled.statements) await queryInTransaction(tx, s);
      return settled.outcome;
    },
    // Concurrent flushes about one workload wait for each other's correlation lock.
    { timeout: FLUSH_TIMEOUT_MS, maxWait: 10_000 },
  );
}

/** Stores the requests' alerts in one transaction; each request gets its own counts and incidents. */
export async function storeFlush(members: FlushRequest[]): Promise<FlushOutcome> {
  const plan = planFlush(members);
  return (await storePipelined(plan)) ?? storeInTransaction(plan);
}
