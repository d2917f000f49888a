import "server-only";
import type { Tx } from "@/lib/db";
import { correlationKeys, linkAlertsStatement, storedUnattachedStatement } from "@/lib/dal/ingest/alert-statements";
import type { TimelineRow } from "@/lib/dal/ingest/columns";
import { incidentTotalsStatement, openIncidentsStatement, timelineStatement } from "@/lib/dal/ingest/incident-statements";
import { newBatchCache, openIncident } from "@/lib/dal/ingest/open-incident";
import { newRowId } from "@/lib/server/db/row-id";
import { queryInTransaction, type SqlStatement } from "@/lib/server/db/sql-statement";
import { planCorrelation } from "@/lib/domain/correlation/plan";
import type { CorrelatedAlert, CorrelationInput, CorrelationPlan, IncidentRef } from "@/lib/domain/correlation/types";
import { incidentKey } from "@/lib/domain/incident-status";

// Carries out the correlation plan (lib/domain/correlation/plan.ts, docs/decisions/017) inside an
// ingest flush (flush.ts). The planner decides; this file reads what it needs and turns its plan
// into one statement each for alert links, incident totals and timeline entries, whatever the
// number of workloads in the flush. A plan that opens nothing is written in the flush's pipeline
// (correlateJoins); one that opens an incident needs the plan's owners and playbook looked up and
// the incident created first, so the flush runs it in a Prisma transaction (correlateInTransaction).
// The caller holds the correlation locks of the alerts (alert-statements.ts) until commit, so
// concurrent flushes about one workload take turns and never open two incidents for it.

/** The plan's input without the stored unattached alerts, which only an incident that opens reads. */
export type FlushCorrelationInput = Omit<CorrelationInput, "unattached">;

export type Correlated = {
  /** Keys of the incidents opened and joined, by number. */
  opened: string[];
  joined: string[];
  /** Alert id → key of the incident it joined or opened. */
  incidentOf: Map<string, string>;
  /** The plan's writes, in order. */
  statements: SqlStatement[];
};

/** The read of the open incidents these alerts may join (null when none is a security alert). */
export function openIncidentsRead(alerts: readonly CorrelatedAlert[], windowMinutes: number): SqlStatement | null {
  const keys = correlationKeys(alerts);
  if (keys.length === 0) return null;
  const windowMs = windowMinutes * 60_000;
  const times = alerts.map((a) => a.eventTime.getTime());
  return openIncidentsStatement(keys, new Date(Math.min(...times) - windowMs), new Date(Math.max(...times) + windowMs));
}

type Resolved = { id: string; number: number };

/** The plan's writes and outcome, once every incident it opens exists (`opened`: opening alert id → incident). */
function carryOut(plan: CorrelationPlan, opened: ReadonlyMap<string, Resolved>, owners: TimelineRow[], now: Date): Correlated {
  const resolve = (ref: IncidentRef): Resolved => (ref.kind === "existing" ? ref : opened.get(ref.alertId)!);
  const incidentOf = new Map([...plan.incidentOf].map(([alertId, ref]) => [alertId, incidentKey(resolve(ref).number)]));
  const keys = (refs: IncidentRef[]) =>
    refs
      .map(resolve)
      .sort((a, b) => a.number - b.number)
      .map((r) => incidentKey(r.number));
  const outcome = { opened: keys(plan.opens.map((o) => ({ kind: "opened", alertId: o.alert.id }))), joined: keys(plan.joined), incidentOf };

  const links = plan.links.map((l) => ({ id: l.alertId, incident: l.incident ? resolve(l.incident).id : null }));
  if (plan.totals.length === 0 && links.length === 0) return { ...outcome, statements: [] };
  const statements: SqlStatement[] = [];
  if (links.length > 0) statements.push(linkAlertsStatement(links));
  if (plan.totals.length === 0) return { ...outcome, statements };
  statements.push(
    incidentTotalsStatement(
      plan.totals.map((t) => ({
        id: resolve(t.incident).id,
        alertCount: t.added,
        firstAlertAt: t.first.toISOString(),
        lastAlertAt: t.last.toISOString(),
        attackTechniques: t.techniques,
        attackTactics: t.tactics,
        severity: t.severity,
        // A raised severity on an incident people may be editing must not be overwritten from a
        // stale form: the version bump turns their save into a conflict (STYLE rule 6).
        version: t.bump,
      })),
      now,
    ),
  );
  const timeline: TimelineRow[] = [
    ...plan.timeline.map((row) => ({
      id: newRowId(),
      incidentId: resolve(row.incident).id,
      kind: row.kind,
      at: row.at.toISOString(),
      message: row.message,
      data: row.data,
    })),
    ...owners,
  ];
  if (timeline.length > 0) statements.push(timelineStatement(timeline));
  return { ...outcome, statements };
}

/**
 * The flush's correlation when its plan only joins incidents that are open already (the usual
 * case): its writes, for the flush's pipeline. `opens` when the plan opens an incident: then the
 * flush is stored in a transaction instead (correlateInTransaction). Stored unattached alerts
 * matter only to an incident that opens, so the plan here is made without them.
 */
export function correlateJoins(input: FlushCorrelationInput): { opens: true } | ({ opens: false } & Correlated) {
  const plan = planCorrelation({ ...input, unattached: [] });
  if (plan.opens.length > 0) return { opens: true };
  return { opens: false, ...carryOut(plan, new Map(), [], input.now) };
}

type StoredAlertRow = Omit<CorrelatedAlert, "security" | "tags"> & { tags: string[] | null };

/**
 * The flush's correlation in a Prisma transaction: the plan, with the stored alerts that each
 * incident it opens takes along (read per opening alert, until every opening's are read: taking
 * alerts along widens an incident and may spare a later alert from opening another), the
 * incidents it opens created with their owners, and its writes.
 */
export async function correlateInTransaction(tx: Tx, input: FlushCorrelationInput): Promise<Correlated> {
  const windowMs = input.windowMinutes * 60_000;
  const unattached: CorrelatedAlert[] = [];
  const read = new Set<string>();
  let plan = planCorrelation({ ...input, unattached });
  for (let unread = plan.opens; unread.length > 0; unread = plan.opens.filter((o) => !read.has(o.alert.id))) {
    for (const opening of unread) {
      read.add(opening.alert.id);
      const rows = await queryInTransaction<StoredAlertRow>(tx, storedUnattachedStatement(opening.alert, windowMs));
      for (const r of rows) unattached.push({ ...r, tags: r.tags ?? [], security: true });
    }
    plan = planCorrelation({ ...input, unattached });
  }

  const cache = newBatchCache();
  const opened = new Map<string, Resolved>();
  const owners: TimelineRow[] = [];
  for (const opening of plan.opens) {
    const incident = await openIncident(tx, cache, opening.alert, opening.key, input.now);
    opened.set(opening.alert.id, incident);
    owners.push({
      id: newRowId(),
      incidentId: incident.id,
      kind: "OWNERS",
      at: opening.ownersAt.toISOString(),
      message: incident.owners.message,
      data: incident.owners.data,
    });
  }
  return carryOut(plan, opened, owners, input.now);
}
