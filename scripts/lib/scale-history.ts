// The scale bench's history (scripts/bench-scale.ts), grown in place so that one database is
// measured small and then large: incidents of 50 alerts with two owners each from a pool of
// contacts, INC-0001 a storm holding 11.8% of all alerts, and one ALERT timeline entry per alert,
// the shape of old data.
import type pg from "pg";
import { insertAlerts, refreshIncidentCounters, sqlOf } from "./scale-data";

export type HistorySize = { alerts: number; incidents: number };

const ALERTS_PER_INCIDENT = 50;
/** Per mille of all alerts that go to INC-0001, the storm incident (118,000 of 1,000,000). */
const LARGEST_PER_MILLE = 118;
export const STEP_MS = 2_500;
const CHUNK = 50_000;
const CONTACTS = 200;

/** The contacts the incidents' owners are drawn from (`contact-<n>@scale.example`). */
export async function insertContacts(client: pg.Client): Promise<void> {
  await client.query(
    `INSERT INTO "Contact" ("id", "name", "email", "updatedAt")
     SELECT 'scale-contact-' || c, 'Contact ' || c, 'contact-' || c || '@scale.example', now() FROM generate_series(0, ${CONTACTS - 1}) c`,
  );
}

/**
 * Grows the history to `alerts` alerts and `alerts / 50` incidents (numbers continue where they
 * stopped); alert g is at `start` + g × STEP_MS.
 */
export async function growHistory(
  client: pg.Client,
  sourceId: string,
  start: Date,
  from: HistorySize,
  alerts: number,
): Promise<HistorySize> {
  const sql = sqlOf(client);
  const incidents = Math.max(20, Math.round(alerts / ALERTS_PER_INCIDENT));
  const spacingMs = ALERTS_PER_INCIDENT * STEP_MS;
  // INC-0001 is the storm (OPEN); INC-0002 a typical incident (TRIAGED); of the rest, 2% are open.
  await client.query(
    `INSERT INTO "Incident" ("id", "number", "title", "type", "severity", "status", "correlationKey", "cluster", "namespace", "workload",
                             "detectedAt", "createdAt", "updatedAt")
     SELECT 'scale-inc-' || n, n, 'Terminal shell in container — svc-' || n || ' in scale-c' || (n % 10) || '/ns-' || (n % 50),
            'SHELL_IN_CONTAINER', (ARRAY['SEV1','SEV2','SEV3','SEV4']::"Severity"[])[1 + n % 4],
            (CASE WHEN n = 1 THEN 'OPEN' WHEN n = 2 THEN 'TRIAGED' WHEN n % 50 = 3 THEN 'OPEN' WHEN n % 50 = 4 THEN 'CONTAINED' ELSE 'CLOSED' END)::"IncidentStatus",
            'scale-c' || (n % 10) || '/ns-' || (n % 50) || '/svc-' || n, 'scale-c' || (n % 10), 'ns-' || (n % 50), 'svc-' || n,
            $1::timestamp + n::float8 * $2 * interval '1 millisecond', now(), now()
       FROM generate_series($3::int, $4::int) n`,
    [start.toISOString(), spacingMs, from.incidents + 1, incidents],
  );
  await client.query(`SELECT setval(pg_get_serial_sequence('"Incident"', 'number'), $1)`, [incidents]);
  await client.query(
    `INSERT INTO "IncidentOwner" ("id", "incidentId", "contactId", "role")
     SELECT 'scale-own-' || n || '-' || r, 'scale-inc-' || n, 'scale-contact-' || ((n + r) % ${CONTACTS}), (ARRAY['PRIMARY','SECONDARY']::"OwnershipRole"[])[r + 1]
       FROM generate_series($1::int, $2::int) n, generate_series(0, 1) r`,
    [from.incidents + 1, incidents],
  );
  await client.query(
    `INSERT INTO "TimelineEntry" ("id", "incidentId", "kind", "at", "message")
     SELECT 'scale-tl-' || n || '-' || k, 'scale-inc-' || n, (ARRAY['OWNERS','STATUS_CHANGE']::"TimelineKind"[])[k + 1],
            $1::timestamp + (n::float8 * $2 + 1000 + k * 600000) * interval '1 millisecond',
            CASE k WHEN 0 THEN 'Owners from the plan: primary and secondary DevOps.' ELSE 'Open → Triaged' END
       FROM generate_series($3::int, $4::int) n, generate_series(0, 1) k`,
    [start.toISOString(), spacingMs, from.incidents + 1, incidents],
  );
  // Old data's shape: one ALERT timeline entry per alert (1.12M rows at 1M alerts in the probe).
  const incidentOf = `CASE WHEN g % 1000 < ${LARGEST_PER_MILLE} THEN 1 ELSE 2 + g % ${incidents - 1} END`;
  for (let lo = from.alerts + 1; lo <= alerts; lo += CHUNK) {
    const hi = Math.min(alerts, lo + CHUNK - 1);
    await insertAlerts(sql, { prefix: "scale-a-", sourceId, from: lo, to: hi, incidentOf, start, stepMs: STEP_MS, timeline: "per-alert" });
    process.stderr.write(`\r  ${hi.toLocaleString("en")} of ${alerts.toLocaleString("en")} alerts`);
  }
  process.stderr.write("\n");
  await refreshIncidentCounters(sql);
  await client.query(`VACUUM ANALYZE`);
  return { alerts, incidents };
}

/** Bytes per alert of the Alert table (with TOAST), with its indexes too, and of the timeline. */
export async function bytesPerAlert(client: pg.Client) {
  const {
    rows: [r],
  } = await client.query<{ n: string; table: string; total: string; timeline: string }>(
    `SELECT (SELECT count(*) FROM "Alert") AS n, pg_table_size('"Alert"') AS table, pg_total_relation_size('"Alert"') AS total,
            pg_total_relation_size('"TimelineEntry"') AS timeline`,
  );
  const n = Number(r!.n);
  return { table: Number(r!.table) / n, withIndexes: Number(r!.total) / n, timeline: Number(r!.timeline) / n };
}
