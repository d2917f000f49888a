import "server-only";
import { createHash } from "node:crypto";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { FalcoPriority, Severity } from "@/lib/generated/prisma/enums";
import { newRowId } from "@/lib/dal/row-id";
import { newBatchCache, openIncident, type BatchCache, type IncidentState, type InsertedAlert } from "@/lib/dal/ingest-incident-open";
import { queryInTransaction, statement, type SqlStatement } from "@/lib/dal/sql-statement";
import {
  attackFromTags,
  correlationKey,
  priorityAtLeast,
  severityForPriority,
  tacticsInMatrixOrder,
  worseSeverity,
} from "@/lib/domain/falco/classify";
import { incidentKey } from "@/lib/domain/incident-status";

export type { InsertedAlert } from "@/lib/dal/ingest-incident-open";

// Correlation of freshly inserted alerts into incidents, inside the ingest flush
// (lib/dal/ingest-flush.ts). Alerts of one cluster/namespace/workload within the window join one
// open incident; otherwise an alert at or above the source's threshold opens one, and takes along
// the earlier alerts of that workload in the window that were below the threshold.
//
// Set-based: whatever the number of workloads in the flush, one statement locks their keys (with
// the insert), one reads their open incidents, and one each writes alert links, incident totals and
// timeline entries. The statements are prepared statements (lib/dal/sql-statement.ts) that the
// ingest flush sends pipelined (ingest-store.ts); what correlation needs of the database goes
// through a CorrelationStore, which is either a Prisma transaction or that flush.

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

function keyOf(alert: InsertedAlert): string {
  return correlationKey(alert.cluster, alert.namespace, alert.workload, alert.nodeName);
}

/** The key an alert correlates by (cluster/namespace/workload, or its node): what Incident."correlationKey" holds. */
export const correlationKeyOf = keyOf;

/**
 * The advisory locks a flush must hold before correlating these alerts, as SQL that takes them in
 * ascending order from `$param` (ingest-store.ts takes them before inserting, so every flush locks
 * workload keys first and dedup-key index entries second: one global order), and that parameter.
 */
export function correlationLocks(alerts: readonly InsertedAlert[], param: string): { sql: string; ids: string } {
  const ids = [...new Set(alerts.filter((a) => a.security).map((a) => lockId(keyOf(a))))].sort((a, b) => a - b);
  return {
    sql: `SELECT count(pg_advisory_xact_lock(${CORRELATION_LOCK_CLASS}, k)) AS n FROM (SELECT unnest(${param}::int[]) AS k ORDER BY 1) AS ordered`,
    ids: `{${ids.join(",")}}`,
  };
}

/** The correlation keys of the flush's security alerts: the open incidents a flush reads. */
export function correlationKeys(alerts: readonly InsertedAlert[]): string[] {
  return [...new Set(alerts.filter((a) => a.security).map(keyOf))];
}

export type CorrelationOptions = {
  minIncidentPriority: FalcoPriority;
  windowMinutes: number;
  now: Date;
  /** Alert id → the incident it was inserted with (ingest-store.ts); only alerts placed otherwise are linked again. */
  insertedWith?: ReadonlyMap<string, string | null>;
};
export type CorrelationResult = {
  opened: string[];
  joined: string[];
  /** Alert id → key of the incident it joined or opened. */ incidentOf: Map<string, string>;
};

/** An open incident as openIncidentsStatement reads it; times in epoch milliseconds, which read the same through either driver. */
export type IncidentRow = {
  id: string;
  number: number;
  severity: Severity;
  attackTechniques: string[];
  attackTactics: string[];
  firstAlertMs: number;
  lastAlertMs: number;
  correlationKey: string;
};

/** What correlation asks of the database: a Prisma transaction (transactionStore), or the ingest flush's own (ingest-store.ts). */
export type CorrelationStore = {
  /** The open incidents of these keys that could take an alert between `from` and `to`, latest first, row-locked. */
  openIncidents(keys: string[], from: Date, to: Date): Promise<IncidentRow[]>;
  openIncident(cache: BatchCache, alert: InsertedAlert, key: string, now: Date): ReturnType<typeof openIncident>;
  earlierUnattached(alert: InsertedAlert, windowMs: number, exclude: Set<string>): Promise<InsertedAlert[]>;
  /** The flush's writes, in order. */
  write(statements: SqlStatement[]): Promise<void>;
};
type TimelineRow = { id: string; incidentId: string; kind: "ALERT" | "OWNERS"; at: string; message: string; data: unknown };

function within(state: IncidentState, at: Date, windowMs: number): boolean {
  return at.getTime() >= state.firstAlertAt.getTime() - windowMs && at.getTime() <= state.lastAlertAt.getTime() + windowMs;
}

/**
 * The open incidents of these keys that could take an alert between `from` and `to`, row-locked so
 * a concurrent close waits for this flush. `= ANY (ARRAY(…))` lets the planner look each key up in
 * the partial index of open incidents ("Incident_open_correlationKey_lastAlertAt"), so the read
 * costs the same at 20,000 closed incidents as at none (12.3 ms → 0.2–0.4 ms measured).
 */
export function openIncidentsStatement(keys: string[], from: Date, to: Date): SqlStatement {
  return statement(
    "ingest.open-incidents",
    `SELECT id, number, severity::text AS severity, "attackTechniques", "attackTactics", "correlationKey",
       (extract(epoch FROM "firstAlertAt") * 1000)::float8 AS "firstAlertMs", (extract(epoch FROM "lastAlertAt") * 1000)::float8 AS "lastAlertMs"
     FROM "Incident"
     WHERE "correlationKey" = ANY (ARRAY(SELECT json_array_elements_text($1::json)))
       AND status <> 'CLOSED' AND "lastAlertAt" >= $2::timestamp AND "firstAlertAt" <= $3::timestamp
     ORDER BY "lastAlertAt" DESC
     FOR UPDATE`,
    [JSON.stringify(keys), from.toISOString(), to.toISOString()],
  );
}

/**
 * Alerts already stored for the workload of `alert`, around its time, that joined no incident
 * (they were below their source's threshold, and no incident was open): the ones an incident that
 * opens now takes along. Falco's operational events are left out, as at ingest.
 */
async function earlierUnattached(tx: Tx, alert: InsertedAlert, windowMs: number, exclude: Set<string>): Promise<InsertedAlert[]> {
  // Plain equality (or IS NULL) per column, so the (cluster, namespace, workload, eventTime) index serves it.
  const same = (column: string, value: string | null) =>
    value === null ? Prisma.sql`${Prisma.raw(`"${column}"`)} IS NULL` : Prisma.sql`${Prisma.raw(`"${column}"`)} = ${value}`;
  const scope = [same("cluster", alert.cluster), same("namespace", alert.namespace), same("workload", alert.workload)];
  // A host event's key is its node (classify.ts correlationKey).
  if (!alert.workload && !alert.namespace) scope.push(same("nodeName", alert.nodeName));
  const rows = await tx.$queryRaw<Omit<InsertedAlert, "security">[]>`
    SELECT id, "eventTime", rule, priority::text AS priority, tags, cluster, namespace, workload, "podName", "nodeName", "processCmdline"
    FROM "Alert"
    WHERE ${Prisma.join(scope, " AND ")} AND "incidentId" IS NULL
      AND "eventTime" BETWEEN ${new Date(alert.eventTime.getTime() - windowMs).toISOString()}::timestamp AND ${new Date(alert.eventTime.getTime() + windowMs).toISOString()}::timestamp
      AND "eventSource" IS DISTINCT FROM 'internal' AND rule !~* '^Falco internal: metrics snapshot$' AND output <> 'Falco metrics snapshot'
    ORDER BY "eventTime"`;
  return rows.filter((r) => !exclude.has(r.id)).map((r) => ({ ...r, tags: r.tags ?? [], security: true }));
}

function alertMessage(alert: InsertedAlert, opened: boolean, raisedFrom: Severity | null, severity: Severity): string {
  const subject = alert.podName ?? alert.workload ?? (alert.nodeName ? `node ${alert.nodeName}` : "an unknown container");
  const where = [alert.cluster, alert.namespace].filter(Boolean).join("/");
  const head = opened
    ? `Opened from Falco alert "${alert.rule}" (${alert.priority}) on ${subject}${where ? ` in ${where}` : ""}.`
    : `Alert joined: "${alert.rule}" (${alert.priority}) on ${subject}${alert.processCmdline ? `: ${alert.processCmdline}` : ""}.`;
  return raisedFrom ? `${head} Severity raised from ${raisedFrom} to ${severity}.` : head;
}

/** Folds an alert into the incident's totals; returns the severity before it when the alert raised it. */
function fold(state: IncidentState, alert: InsertedAlert): Severity | null {
  const before = state.severity;
  state.severity = worseSeverity(state.severity, severityForPriority(alert.priority));
  const attack = attackFromTags(alert.tags);
  for (const t of attack.techniques) state.techniques.add(t);
  for (const t of attack.tactics) state.tactics.add(t);
  if (alert.eventTime < state.firstAlertAt) state.firstAlertAt = alert.eventTime;
  if (alert.eventTime > state.lastAlertAt) state.lastAlertAt = alert.eventTime;
  state.alertIds.push(alert.id);
  return before !== state.severity ? before : null;
}

function earlierMessage(alerts: InsertedAlert[], raisedFrom: Severity | null, severity: Severity): string {
  const rules = [...new Set(alerts.map((a) => `"${a.rule}"`))];
  const shown = rules.length > 5 ? `${rules.slice(0, 5).join(", ")} and ${rules.length - 5} more rules` : rules.join(", ");
  const head = `Attached ${alerts.length} earlier alert${alerts.length === 1 ? "" : "s"} of this workload that were below the source's threshold: ${shown}.`;
  return raisedFrom ? `${head} Severity raised from ${raisedFrom} to ${severity}.` : head;
}

function stateOf(row: IncidentRow): IncidentState {
  return {
    id: row.id,
    key: row.correlationKey,
    number: row.number,
    isNew: false,
    loadedSeverity: row.severity,
    severity: row.severity,
    techniques: new Set(row.attackTechniques),
    tactics: new Set(row.attackTactics),
    firstAlertAt: new Date(row.firstAlertMs),
    lastAlertAt: new Date(row.lastAlertMs),
    alertIds: [],
  };
}

/** Correlation inside a Prisma transaction. */
export function transactionStore(tx: Tx): CorrelationStore {
  return {
    openIncidents: (keys, from, to) => queryInTransaction<IncidentRow>(tx, openIncidentsStatement(keys, from, to)),
    openIncident: (cache, alert, key, now) => openIncident(tx, cache, alert, key, now),
    earlierUnattached: (alert, windowMs, exclude) => earlierUnattached(tx, alert, windowMs, exclude),
    write: async (statements) => {
      for (const s of statements) await queryInTransaction(tx, s);
    },
  };
}

/**
 * Attaches each new security alert to an incident or opens one. The caller holds the locks of
 * correlationLocks for them until commit, so concurrent flushes about one workload take turns
 * and never open two incidents for it.
 */
export async function correlateAlerts(
  store: CorrelationStore,
  alerts: readonly InsertedAlert[],
  options: CorrelationOptions,
): Promise<CorrelationResult> {
  const windowMs = options.windowMinutes * 60_000;
  const groups = new Map<string, InsertedAlert[]>();
  for (const alert of alerts) {
    if (!alert.security) continue;
    const key = keyOf(alert);
    const group = groups.get(key);
    if (group) group.push(alert);
    else groups.set(key, [alert]);
  }
  const incidentOf = new Map<string, string>();
  if (groups.size === 0) return { opened: [], joined: [], incidentOf };

  const times = alerts.map((a) => a.eventTime.getTime());
  const loaded = await store.openIncidents(
    [...groups.keys()],
    new Date(Math.min(...times) - windowMs),
    new Date(Math.max(...times) + windowMs),
  );
  const byKey = new Map<string, IncidentState[]>();
  for (const row of loaded) byKey.set(row.correlationKey, [...(byKey.get(row.correlationKey) ?? []), stateOf(row)]);

  const cache = newBatchCache();
  const flushIds = new Set(alerts.map((a) => a.id));
  const touched = new Map<string, IncidentState>();
  /** Alerts that joined an incident, per incident: one timeline entry each per flush, not one per alert. */
  const joins = new Map<string, { state: IncidentState; alerts: InsertedAlert[]; severityBefore: Severity }>();
  const timeline: TimelineRow[] = [];
  const followUps: TimelineRow[] = [];
  const entry = (state: IncidentState, kind: TimelineRow["kind"], at: Date, message: string, data: unknown) =>
    ({ id: newRowId(), incidentId: state.id, kind, at: at.toISOString(), message, data }) satisfies TimelineRow;

  for (const [key, group] of groups) {
    const states = byKey.get(key) ?? [];
    // Below the threshold with nothing to join yet: taken along if an incident opens later in the flush.
    let unattached: InsertedAlert[] = [];
    let current: IncidentState | null = null;
    for (const alert of group.sort((a, b) => a.eventTime.getTime() - b.eventTime.getTime())) {
      if (!current || !within(current, alert.eventTime, windowMs)) {
        // This flush's own incidents first: their times in memory are ahead of the database's.
        current =
          states.find((s) => touched.has(s.id) && within(s, alert.eventTime, windowMs)) ??
          states.find((s) => within(s, alert.eventTime, windowMs)) ??
          null;
      }
      if (current) {
        const joining = joins.get(current.id) ?? { state: current, alerts: [], severityBefore: current.severity };
        joins.set(current.id, joining);
        fold(current, alert);
        joining.alerts.push(alert);
        touched.set(current.id, current);
        incidentOf.set(alert.id, incidentKey(current.number));
        continue;
      }
      if (!priorityAtLeast(alert.priority, options.minIncidentPriority)) {
        unattached.push(alert);
        continue;
      }
      const { state, owners } = await store.openIncident(cache, alert, key, options.now);
      states.push(state);
      current = state;
      fold(state, alert);
      touched.set(state.id, state);
      incidentOf.set(alert.id, incidentKey(state.number));
      timeline.push(
        entry(state, "ALERT", options.now, alertMessage(alert, true, null, state.severity), {
          alertId: alert.id,
          rule: alert.rule,
          priority: alert.priority,
        }),
      );
      // Just after the ALERT entry that opened the incident, so the timeline reads in that order.
      followUps.push(entry(state, "OWNERS", new Date(options.now.getTime() + 1), owners.message, owners.data));

      const earlier = [
        ...unattached.filter((a) => within(state, a.eventTime, windowMs)),
        ...(await store.earlierUnattached(alert, windowMs, flushIds)),
      ];
      unattached = unattached.filter((a) => !earlier.includes(a));
      if (earlier.length === 0) continue;
      const before = state.severity;
      for (const a of earlier) {
        fold(state, a);
        if (flushIds.has(a.id)) incidentOf.set(a.id, incidentKey(state.number));
      }
      // After the OWNERS entry: the timeline reads opened, owners, then what came before.
      const at = new Date(options.now.getTime() + 2);
      followUps.push(
        entry(state, "ALERT", at, earlierMessage(earlier, before !== state.severity ? before : null, state.severity), {
          alertIds: earlier.slice(0, 100).map((a) => a.id),
          count: earlier.length,
        }),
      );
    }
  }
  for (const { state, alerts: joined, severityBefore } of joins.values()) {
    const raisedFrom = severityBefore !== state.severity ? severityBefore : null;
    // After what opening the incident wrote, when it opened in this flush.
    const at = new Date(options.now.getTime() + (state.isNew ? 3 : 0));
    timeline.push(entry(state, "ALERT", at, joinedMessage(joined, raisedFrom, state.severity), joinedData(joined)));
  }
  await store.write(correlationWrites([...touched.values()], [...timeline, ...followUps], options.now, options.insertedWith));

  const keys = (isNew: boolean) =>
    [...touched.values()]
      .filter((s) => s.isNew === isNew)
      .sort((a, b) => a.number - b.number)
      .map((s) => incidentKey(s.number));
  return { opened: keys(true), joined: keys(false), incidentOf };
}

/** At most this many alert ids and rules in one joined entry's data; the count is always whole. */
const JOINED_SAMPLE = 100;
const JOINED_RULES = 20;

/**
 * One entry for every alert of a flush that joined one incident. A single alert reads as before
 * ("Alert joined: …"); several are summarised with their count and rules, so an alert storm adds
 * a timeline entry per flush, not one per alert.
 */
function joinedMessage(alerts: InsertedAlert[], raisedFrom: Severity | null, severity: Severity): string {
  if (alerts.length === 1) return alertMessage(alerts[0]!, false, raisedFrom, severity);
  const rules = ruleCounts(alerts);
  const shown = rules.slice(0, 5).map(([rule, n]) => `"${rule}"${n > 1 ? ` ×${n}` : ""}`);
  const more = rules.length > 5 ? ` and ${rules.length - 5} more rules` : "";
  const head = `${alerts.length} alerts joined: ${shown.join(", ")}${more}.`;
  return raisedFrom ? `${head} Severity raised from ${raisedFrom} to ${severity}.` : head;
}

function ruleCounts(alerts: InsertedAlert[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const a of alerts) counts.set(a.rule, (counts.get(a.rule) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

function joinedData(alerts: InsertedAlert[]) {
  if (alerts.length === 1) return { alertId: alerts[0]!.id, rule: alerts[0]!.rule, priority: alerts[0]!.priority, count: 1 };
  const priorities = [...new Set(alerts.map((a) => a.priority))];
  return {
    count: alerts.length,
    alertIds: alerts.slice(0, JOINED_SAMPLE).map((a) => a.id),
    rules: ruleCounts(alerts)
      .slice(0, JOINED_RULES)
      .map(([rule, count]) => ({ rule, count })),
    priorities,
    first: alerts[0]!.eventTime.toISOString(),
    last: alerts[alerts.length - 1]!.eventTime.toISOString(),
  };
}

/**
 * Alert links, incident totals and timeline entries of the flush: one statement each. Alerts went
 * in with the incident the insert found for them (`insertedWith`); only those correlation placed
 * elsewhere — in an incident opened by this flush, or none — are written again.
 */
function correlationWrites(
  touched: IncidentState[],
  timeline: TimelineRow[],
  now: Date,
  insertedWith?: ReadonlyMap<string, string | null>,
): SqlStatement[] {
  const placed = new Map<string, string>();
  for (const s of touched) for (const id of s.alertIds) placed.set(id, s.id);
  const links: { id: string; incident: string | null }[] = [];
  for (const [id, incident] of placed) if ((insertedWith?.get(id) ?? null) !== incident) links.push({ id, incident });
  for (const [id, incident] of insertedWith ?? []) if (incident !== null && !placed.has(id)) links.push({ id, incident: null });
  if (touched.length === 0 && links.length === 0) return [];
  const totals = touched.map((s) => {
    const raised = s.severity !== s.loadedSeverity;
    return {
      id: s.id,
      added: s.alertIds.length,
      first: s.firstAlertAt.toISOString(),
      last: s.lastAlertAt.toISOString(),
      techniques: [...s.techniques].sort(),
      tactics: tacticsInMatrixOrder([...s.tactics]),
      severity: s.severity,
      // A raised severity on an incident people may be editing must not be overwritten from a
      // stale form: the version bump turns their save into a conflict (STYLE rule 6).
      bump: raised && !s.isNew ? 1 : 0,
    };
  });
  const statements: SqlStatement[] = [];
  if (links.length > 0) {
    statements.push(
      statement(
        "ingest.link-alerts",
        `UPDATE "Alert" AS a SET "incidentId" = v.incident
         FROM json_to_recordset($1::json) AS v(id text, incident text)
         WHERE a.id = v.id`,
        [JSON.stringify(links)],
      ),
    );
  }
  if (touched.length === 0) return statements;
  statements.push(
    statement(
      "ingest.incident-totals",
      `UPDATE "Incident" AS i
       SET "alertCount" = i."alertCount" + v.added, "firstAlertAt" = v.first, "lastAlertAt" = v.last,
           "attackTechniques" = v.techniques, "attackTactics" = v.tactics, severity = v.severity::"Severity",
           version = i.version + v.bump, "updatedAt" = $2::timestamp,
           "updatedById" = CASE WHEN v.bump = 1 THEN NULL ELSE i."updatedById" END
       FROM json_to_recordset($1::json)
         AS v(id text, added int, first timestamp, last timestamp, techniques text[], tactics text[], severity text, bump int)
       WHERE i.id = v.id`,
      [JSON.stringify(totals), now.toISOString()],
    ),
  );
  if (timeline.length > 0) {
    statements.push(
      statement(
        "ingest.timeline",
        `INSERT INTO "TimelineEntry" (id, "incidentId", kind, at, message, data)
         SELECT v.id, v."incidentId", v.kind::"TimelineKind", v.at, v.message, v.data
         FROM json_to_recordset($1::json) AS v(id text, "incidentId" text, kind text, at timestamp, message text, data jsonb)`,
        [JSON.stringify(timeline)],
      ),
    );
  }
  return statements;
}
