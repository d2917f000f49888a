import "server-only";
import { createHash } from "node:crypto";
import type { FalcoPriority } from "@/lib/generated/prisma/enums";
import type { PreparedAlert } from "@/lib/dal/ingest/alert-rows";
import { alertInsert, storedAlertSelect } from "@/lib/dal/ingest/columns";
import { statement, type SqlParam, type SqlStatement } from "@/lib/server/db/sql-statement";
import { correlationColumns, correlationKeyOf } from "@/lib/domain/correlation/key";
import type { CorrelatedAlert } from "@/lib/domain/correlation/types";

// The statements of the ingest flush about Alert rows: the insert (with the token check and the
// correlation locks), the read of stored alerts an incident that opens takes along, and the links
// correlation changes. Column lists come from columns.ts.

/**
 * Two-key advisory locks (class, id) are a key space of their own: the audit chain and the seed use
 * one-key locks. The id is computed here rather than with PostgreSQL's hashtext so that flushes can
 * take their locks in ascending id order — the same order everywhere, so never a deadlock, even
 * when two correlation keys share an id (then they merely wait for each other).
 */
const CORRELATION_LOCK_CLASS = 7_310_600;

function lockId(key: string): number {
  return createHash("sha256").update(key).digest().readInt32BE(0);
}

/** The correlation keys of the flush's security alerts: the open incidents a flush reads. */
export function correlationKeys(alerts: readonly CorrelatedAlert[]): string[] {
  return [...new Set(alerts.filter((a) => a.security).map(correlationKeyOf))];
}

/**
 * The advisory locks a flush must hold before correlating these alerts, as SQL that takes them in
 * ascending order from `$param` (the insert takes them first, so every flush locks workload keys
 * first and dedup-key index entries second: one global order), and that parameter.
 */
function correlationLocks(alerts: readonly CorrelatedAlert[], param: string): { sql: string; ids: string } {
  const ids = [...new Set(correlationKeys(alerts).map(lockId))].sort((a, b) => a - b);
  return {
    sql: `SELECT count(pg_advisory_xact_lock(${CORRELATION_LOCK_CLASS}, k)) AS n FROM (SELECT unnest(${param}::int[]) AS k ORDER BY 1) AS ordered`,
    ids: `{${ids.join(",")}}`,
  };
}

const SOURCE_CHECK = `SELECT "minIncidentPriority"::text AS priority FROM "DetectionSource" WHERE id = $1 AND "tokenHash" = $2 AND active AND "revokedAt" IS NULL`;

/** The source's threshold (null: refused), the inserted alerts' ids, and the incident each went in with (aligned with ids). */
export type Inserted = { priority: FalcoPriority | null; ids: string[]; incidents: (string | null)[] };

/**
 * The flush's first statement: the authoritative token check (a revocation, deactivation or
 * rotation committed since the cached lookup refuses the flush before anything is written), the
 * correlation locks of every workload in it (ascending), then INSERT … ON CONFLICT ("dedupKey")
 * DO NOTHING RETURNING: replays and concurrent identical posts come back without a row. Rows go in
 * dedup-key order (byte order, as COLLATE "C" sorts): every flush locks workload keys first and
 * unique-index entries second, each in one order, so two flushes cannot deadlock. The Sort above
 * the join with `locked` consumes every row before the first insert, so the locks come first.
 * Its one row (Inserted) has a null priority when the source may no longer send.
 */
export function checkLockInsertStatement(
  source: { id: string; tokenHash: string },
  rows: readonly PreparedAlert[],
  windowMinutes: number,
): SqlStatement {
  if (rows.length === 0)
    return statement("ingest.check", `SELECT (${SOURCE_CHECK}) AS priority, ARRAY[]::text[] AS ids, ARRAY[]::text[] AS incidents`, [
      source.id,
      source.tokenHash,
    ]);
  const locks = correlationLocks(
    rows.map((r) => r.alert),
    "$3",
  );
  // Each security alert goes in with the open incident of its correlation key that its time falls
  // in the window of, when there is one (the usual case: a workload that keeps alerting). That is
  // correlation's likely choice, read from this statement's snapshot; the plan decides for good
  // and only the alerts it places elsewhere are linked again (linkAlertsStatement).
  const keys = JSON.stringify(rows.filter((r) => r.alert.security).map((r) => ({ id: r.alert.id, key: correlationKeyOf(r.alert) })));
  return statement(
    "ingest.insert",
    `WITH source AS (${SOURCE_CHECK}),
     locked AS MATERIALIZED (${locks.sql}),
     inserted AS (
       INSERT INTO "Alert" (${alertInsert.list}, "incidentId")
       SELECT ${alertInsert.values("r")}, joins.id
       FROM json_to_recordset($4::json) AS r(${alertInsert.recordType})
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

/**
 * Alerts already stored with the correlation key of `alert`, around its time, that joined no
 * incident (they were below their source's threshold, and no incident was open): the ones an
 * incident that opens from `alert` takes along. Falco's operational events are left out, as at
 * ingest. Plain equality (or IS NULL) per column of the key, so the (cluster, namespace, workload,
 * eventTime) index serves it.
 */
export function storedUnattachedStatement(alert: CorrelatedAlert, windowMs: number): SqlStatement {
  const values: SqlParam[] = [
    new Date(alert.eventTime.getTime() - windowMs).toISOString(),
    new Date(alert.eventTime.getTime() + windowMs).toISOString(),
  ];
  const scope = Object.entries(correlationColumns(alert)).map(([column, value]) => {
    if (value === null || value === undefined) return `"${column}" IS NULL`;
    values.push(value);
    return `"${column}" = $${values.length}`;
  });
  const shape = scope.map((s) => (s.endsWith("IS NULL") ? "0" : "1")).join("");
  return statement(
    `ingest.stored-unattached.${shape}`,
    `SELECT ${storedAlertSelect}
     FROM "Alert"
     WHERE ${scope.join(" AND ")} AND "incidentId" IS NULL
       AND "eventTime" BETWEEN $1::timestamp AND $2::timestamp
       AND "eventSource" IS DISTINCT FROM 'internal' AND rule !~* '^Falco internal: metrics snapshot$' AND output <> 'Falco metrics snapshot'
     ORDER BY "eventTime"`,
    values,
  );
}

/** Alert rows whose incident correlation changed from what the insert gave them (null: none). */
export function linkAlertsStatement(links: readonly { id: string; incident: string | null }[]): SqlStatement {
  return statement(
    "ingest.link-alerts",
    `UPDATE "Alert" AS a SET "incidentId" = v.incident
     FROM json_to_recordset($1::json) AS v(id text, incident text)
     WHERE a.id = v.id`,
    [JSON.stringify(links)],
  );
}
