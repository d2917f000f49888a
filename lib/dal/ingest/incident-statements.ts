import "server-only";
import { incidentTotals, openIncidentSelect, timelineInsert, type IncidentTotalsRow, type TimelineRow } from "@/lib/dal/ingest/columns";
import { statement, type SqlStatement } from "@/lib/server/db/sql-statement";

// The statements of the ingest flush about incidents: the read of the open incidents correlation
// plans against, and the writes of a plan's incident totals and timeline entries. Column lists
// come from columns.ts.

/**
 * The open incidents of these keys that could take an alert between `from` and `to`, latest
 * first, row-locked so a concurrent close waits for this flush. `= ANY (ARRAY(…))` lets the
 * planner look each key up in the partial index of open incidents
 * ("Incident_open_correlationKey_lastAlertAt"), so the read costs the same at 20,000 closed
 * incidents as at none (12.3 ms → 0.2–0.4 ms measured).
 */
export function openIncidentsStatement(keys: readonly string[], from: Date, to: Date): SqlStatement {
  return statement(
    "ingest.open-incidents",
    `SELECT ${openIncidentSelect}
     FROM "Incident"
     WHERE "correlationKey" = ANY (ARRAY(SELECT json_array_elements_text($1::json)))
       AND status <> 'CLOSED' AND "lastAlertAt" >= $2::timestamp AND "firstAlertAt" <= $3::timestamp
     ORDER BY "lastAlertAt" DESC
     FOR UPDATE`,
    [JSON.stringify(keys), from.toISOString(), to.toISOString()],
  );
}

/** Added to what the incident holds; every other field of the totals replaces its column. */
const ADDED: ReadonlySet<keyof IncidentTotalsRow> = new Set(["alertCount", "version"]);

const TOTALS_SET = incidentTotals.fields
  .filter((f) => f !== "id")
  .map((f) => (ADDED.has(f) ? `"${f}" = i."${f}" + v."${f}"` : `"${f}" = ${incidentTotals.value("v", f)}`))
  .join(", ");

/**
 * The one statement that writes an incident's totals after a flush (every flush, pipelined or in
 * a transaction, and whether the incident opened in it or not): alert count, first and last alert
 * time, ATT&CK, severity, the version bump, the time of the change (and, with a bump, no person).
 */
export function incidentTotalsStatement(rows: readonly IncidentTotalsRow[], now: Date): SqlStatement {
  return statement(
    "ingest.incident-totals",
    `UPDATE "Incident" AS i
     SET ${TOTALS_SET}, "updatedAt" = $2::timestamp,
         -- A version bump by an alert (the severity rose) is nobody's edit: a stale form is told
         -- when it changed, not the name of whoever changed it last (decision 021).
         "updatedById" = CASE WHEN v."version" > 0 THEN NULL ELSE i."updatedById" END
     FROM json_to_recordset($1::json) AS v(${incidentTotals.recordType})
     WHERE i.id = v.id`,
    [JSON.stringify(rows), now.toISOString()],
  );
}

export function timelineStatement(rows: readonly TimelineRow[]): SqlStatement {
  return statement(
    "ingest.timeline",
    `INSERT INTO "TimelineEntry" (${timelineInsert.list})
     SELECT ${timelineInsert.values("v")}
     FROM json_to_recordset($1::json) AS v(${timelineInsert.recordType})`,
    [JSON.stringify(rows)],
  );
}
