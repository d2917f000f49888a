// Grows a throwaway database fast with set-based SQL (INSERT … SELECT over generate_series), not
// through the app: the scale bench (scripts/bench-scale.ts) and the bounded-page integration tests
// need 10,000s to 1,000,000s of alerts in seconds. The rows have the shape ingest writes (context
// columns, output fields and the raw event as falcosidekick forwards it), so sizes and plans are
// those of real data. Nothing here runs in the app.
import type pg from "pg";
import type { JsonValue } from "@/lib/domain/falco/event-fields";
import { decodeRawEvent, encodeRawEventBase64 } from "@/lib/domain/falco/raw-event";

export type Sql = (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;

export const sqlOf =
  (client: pg.Client | pg.Pool): Sql =>
  (text, values) =>
    client.query(text, values);

/** Alerts generated per round trip: their raw events are compressed here, as ingest does, between two statements. */
const PIECE = 10_000;

const RULES = [
  ["Terminal shell in container", "NOTICE"],
  ["Read sensitive file untrusted", "WARNING"],
  ["Drop and execute new binary in container", "CRITICAL"],
  ["Outbound Connection to C2 Servers", "CRITICAL"],
  ["Write below etc", "ERROR"],
] as const;

const RULE_ARRAY = `ARRAY[${RULES.map(([r]) => `'${r}'`).join(",")}]`;
const PRIORITY_ARRAY = `ARRAY[${RULES.map(([, p]) => `'${p}'`).join(",")}]::"FalcoPriority"[]`;

/**
 * Alerts numbered `from`..`to` (inclusive) of one generated history. `incidentOf` is an SQL
 * expression over `g` (the alert's number) giving the incident's `number`; each alert's context
 * follows its incident's cluster/namespace/workload. `timeline`: one ALERT entry per alert (how
 * ingest wrote them until now), one per `batch` alerts (how it writes them now), or none.
 */
export async function insertAlerts(
  sql: Sql,
  options: {
    prefix: string;
    sourceId: string;
    from: number;
    to: number;
    incidentOf: string;
    start: Date;
    stepMs: number;
    timeline: "per-alert" | { batch: number } | "none";
  },
): Promise<void> {
  for (let first = options.from; first <= options.to; first += PIECE) {
    await insertPiece(sql, { ...options, from: first, to: Math.min(options.to, first + PIECE - 1) });
  }
}

async function insertPiece(sql: Sql, options: Parameters<typeof insertAlerts>[1]): Promise<void> {
  const { prefix, from, to } = options;
  const eventTime = `$2::timestamp + g::float8 * ${options.stepMs} * interval '1 millisecond'`;
  const generated = `(SELECT g, ${options.incidentOf} AS n, ${eventTime} AS t,
                    (${RULE_ARRAY})[1 + g % ${RULES.length}] AS rule, (${PRIORITY_ARRAY})[1 + g % ${RULES.length}] AS prio
               FROM generate_series($3::int, $4::int) g) s
       JOIN "Incident" i ON i."number" = s.n
      CROSS JOIN LATERAL (SELECT 'node-' || (g % 5) AS node,
                                 i."workload" || '-7d9f8b6c5d-' || lpad((g % 40)::text, 5, 'x') AS pod,
                                 substr(md5(i."id" || (g % 40)), 1, 12) AS cid) c
      CROSS JOIN LATERAL (SELECT to_char(t, 'HH24:MI:SS.MS') || ': ' || rule || ' (user=root k8s.ns=' || i."namespace" || ' k8s.pod=' || pod ||
                                 ' container=' || cid || ' shell=bash parent=runc cmdline=bash -i terminal=34816 image=registry.example.com/shop/' ||
                                 i."workload" || ')' AS out,
                                 jsonb_build_object('container.id', cid, 'container.image.repository', 'registry.example.com/shop/' || i."workload",
                                                    'container.image.tag', '1.42.0', 'k8s.ns.name', i."namespace", 'k8s.pod.name', pod,
                                                    'proc.cmdline', 'bash -i', 'proc.name', 'bash', 'proc.pname', 'runc', 'user.name', 'root',
                                                    'cluster', i."cluster") AS fields) o`;
  // $1 prefix, $2 start, $3..$4 the alerts' numbers (the generator); the insert adds $5 source, $6 and $7 the raw events.
  const values: unknown[] = [prefix, options.start.toISOString(), from, to];
  // The raw events as falcosidekick forwards them, built in SQL, then stored as ingest stores them
  // (lib/domain/falco/raw-event.ts), compressed here: PostgreSQL has no function for it.
  const { rows } = await sql(
    `SELECT g, jsonb_build_object('uuid', md5($1 || g), 'output', out, 'priority', initcap(prio::text), 'rule', rule,
                                  'time', to_char(t, 'YYYY-MM-DD"T"HH24:MI:SS.MS"000000Z"'), 'source', 'syscall',
                                  'tags', jsonb_build_array('container','mitre_execution','shell','T1059'), 'hostname', node,
                                  'output_fields', fields) AS raw
       FROM ${generated}`,
    values,
  );
  const events = rows as { g: number; raw: Record<string, JsonValue> }[];
  values.push(
    options.sourceId,
    events.map((e) => e.g),
    events.map((e) => encodeRawEventBase64(e.raw)),
  );
  const insert = `INSERT INTO "Alert" ("id", "sourceId", "dedupKey", "eventTime", "receivedAt", "rule", "priority", "eventSource", "output", "tags",
                          "hostname", "cluster", "namespace", "podName", "workload", "containerId", "containerName", "imageRepository",
                          "imageTag", "imageDigest", "nodeName", "processName", "processCmdline", "parentProcess", "userName",
                          "fileName", "connection", "raw", "incidentId")
     SELECT $1 || g, $5, $1 || 'd' || g, t, t, rule, prio, 'syscall', out, ARRAY['container','mitre_execution','shell','T1059'],
            node, i."cluster", i."namespace", pod, i."workload", cid, 'app', 'registry.example.com/shop/' || i."workload", '1.42.0',
            'sha256:' || md5(i."workload"), node, 'bash', 'bash -i -c id' || (g % 7), 'runc', 'root',
            CASE WHEN g % 5 = 1 THEN '/etc/shadow' END, CASE WHEN g % 5 = 3 THEN '10.0.0.' || (g % 250) || ':4444->203.0.113.7:443' END,
            decode(r.raw, 'base64'), i."id"
       FROM ${generated}
       JOIN unnest($6::int[], $7::text[]) AS r(number, raw) ON r.number = s.g`;
  if (options.timeline === "none") {
    await sql(insert, values);
    return;
  }
  const batch = options.timeline === "per-alert" ? 1 : options.timeline.batch;
  // One entry per `batch` consecutive alerts of the same incident, at the time of its last alert,
  // written from the inserted rows themselves (a data-modifying CTE: no second read of the table).
  await sql(
    `WITH a AS (${insert} RETURNING substr("id", length($1) + 1)::int AS g, "incidentId", "eventTime", "rule", "podName")
     INSERT INTO "TimelineEntry" ("id", "incidentId", "kind", "at", "message", "data")
     SELECT $1 || 't' || min(a.g), a."incidentId", 'ALERT', max(a."eventTime"),
            CASE WHEN count(*) = 1 THEN 'Alert joined: "' || min(a."rule") || '" on ' || min(a."podName") || '.'
                 ELSE count(*) || ' alerts joined.' END,
            jsonb_build_object('count', count(*))
       FROM a GROUP BY a."incidentId", a.g / ${batch}`,
    values,
  );
}

/** Keeps each incident's counters and first/last alert times true to its alerts (one incident's, when given its number). */
export async function refreshIncidentCounters(sql: Sql, number?: number): Promise<void> {
  await sql(
    `UPDATE "Incident" i SET "alertCount" = s.n, "firstAlertAt" = s.first, "lastAlertAt" = s.last
       FROM (SELECT "incidentId", count(*)::int AS n, min("eventTime") AS first, max("eventTime") AS last FROM "Alert"
              WHERE $1::int IS NULL OR "incidentId" = (SELECT "id" FROM "Incident" WHERE "number" = $1::int) GROUP BY 1) s
      WHERE s."incidentId" = i."id" AND (i."alertCount", i."firstAlertAt", i."lastAlertAt") IS DISTINCT FROM (s.n, s.first, s.last)`,
    [number ?? null],
  );
}

/** Gives one alert another output line, in its column and in its stored raw event alike (the hostile-text tests). */
export async function rewriteAlertOutput(sql: Sql, alertId: string, output: string): Promise<void> {
  const { rows } = await sql(`SELECT "raw" FROM "Alert" WHERE "id" = $1`, [alertId]);
  const [row] = rows as { raw: Buffer }[];
  if (!row) throw new Error(`no alert ${alertId}`);
  const raw = { ...(JSON.parse(decodeRawEvent(row.raw)) as Record<string, JsonValue>), output };
  await sql(`UPDATE "Alert" SET "output" = $1, "raw" = decode($2, 'base64') WHERE "id" = $3`, [output, encodeRawEventBase64(raw), alertId]);
}
