import "server-only";
import { db, type Tx } from "@/lib/db";
import { auditAppendStatements, type AuditInput } from "@/lib/dal/audit";
import { checkLockInsertStatement, type Inserted } from "@/lib/dal/ingest/alert-statements";
import type { PreparedAlert, PreparedBatch } from "@/lib/dal/ingest/alert-rows";
import {
  correlateInTransaction,
  correlateJoins,
  openIncidentsRead,
  type Correlated,
  type FlushCorrelationInput,
} from "@/lib/dal/ingest/correlation";
import { isDatabaseUnavailable } from "@/lib/dal/ingest/errors";
import type { IngestSource } from "@/lib/dal/ingest/sources";
import { liveEventStatement, type LiveEventInput } from "@/lib/dal/live-events";
import type { RequestOrigin } from "@/lib/dal/request-context";
import { ingestPool, pipelined } from "@/lib/server/db/pipeline";
import { queryInTransaction, statement } from "@/lib/server/db/sql-statement";
import type { OpenIncident } from "@/lib/domain/correlation/types";
import type { IngestResult } from "@/lib/validation/ingest";

// One flush of alert ingest (write-combining.ts decides what goes together) as one transaction:
// token re-check, correlation locks and insert; correlation; the source's counters; audit event;
// live event; commit.
//
// The usual flush only joins alerts to incidents that are already open. It goes in two round trips
// of pipelined prepared statements (BEGIN + insert + read of the open incidents; then every write,
// the audit append, the live event and COMMIT): on a small machine a round trip, or planning a
// large statement, costs more than the work it carries (docs/decisions/014). When the correlation
// plan opens an incident — the plan's owners, the suggested playbook — the flush rolls back and is
// stored again in a Prisma transaction, which runs the same statements and the same planner
// (correlation.ts, docs/decisions/017).

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

/** Where a combined flush came from, for its one audit event: what its requests share. */
function flushOrigin(members: FlushRequest[]): RequestOrigin {
  if (members.length === 1) return members[0]!.origin;
  const shared = (pick: (o: RequestOrigin) => string | null) =>
    new Set(members.map((m) => pick(m.origin))).size === 1 ? pick(members[0]!.origin) : null;
  return { ip: shared((o) => o.ip), userAgent: shared((o) => o.userAgent), requestId: null };
}

/** Each request's answer, the flush's audit event and live event, once its alerts are correlated. */
function settle(plan: FlushPlan, insertedIds: Set<string>, inserted: readonly PreparedAlert[], correlation: Correlated) {
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
    statements: [
      ...correlation.statements,
      counters,
      ...auditAppendStatements(audit, flushOrigin(plan.members)),
      ...(live ? [liveEventStatement(live)] : []),
    ],
  };
}

/** What correlation plans from: the flush's inserted alerts, each with the incident the insert gave it, and the open incidents read. */
function correlationInput(plan: FlushPlan, stored: Inserted, incidents: OpenIncident[]) {
  const insertedIds = new Set(stored.ids);
  const inserted = plan.rows.filter((r) => insertedIds.has(r.alert.id));
  const input: FlushCorrelationInput = {
    alerts: inserted.map((r) => r.alert),
    insertedWith: new Map(stored.ids.map((id, i) => [id, stored.incidents[i] ?? null])),
    incidents,
    minIncidentPriority: stored.priority!,
    windowMinutes: plan.members[0]!.windowMinutes,
    now: plan.now,
  };
  return { insertedIds, inserted, input };
}

const BEGIN = statement("ingest.begin", "BEGIN");
// A flush stuck behind a lock gives up (and its senders retry) rather than hold a connection forever.
const TIMEOUT = statement("ingest.timeout", `SET LOCAL statement_timeout = ${FLUSH_TIMEOUT_MS}`);
const COMMIT = statement("ingest.commit", "COMMIT");

/** The two-round-trip flush; `opens` (rolled back) when its correlation plan opens an incident. */
async function storePipelined(plan: FlushPlan): Promise<FlushOutcome | "opens"> {
  const windowMinutes = plan.members[0]!.windowMinutes;
  // Of every row, before the insert says which went in: a superset of the incidents the plan may join.
  const read = openIncidentsRead(
    plan.rows.map((r) => r.alert),
    windowMinutes,
  );
  const first = [BEGIN, TIMEOUT, checkLockInsertStatement(plan.source, plan.rows, windowMinutes), ...(read ? [read] : [])];

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
    const { insertedIds, inserted, input } = correlationInput(plan, stored, (results[3]?.rows ?? []) as OpenIncident[]);
    const correlated = correlateJoins(input);
    if (correlated.opens) return "opens";
    const settled = settle(plan, insertedIds, inserted, correlated);
    open = false;
    await pipelined(client, [...settled.statements, COMMIT]);
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
      const windowMinutes = plan.members[0]!.windowMinutes;
      const [stored] = await queryInTransaction<Inserted>(tx, checkLockInsertStatement(plan.source, plan.rows, windowMinutes));
      if (!stored?.priority) return { refused: true };
      const { insertedIds, inserted, input } = correlationInput(plan, stored, []);
      const read = openIncidentsRead(input.alerts, windowMinutes);
      const incidents = read ? await queryInTransaction<OpenIncident>(tx, read) : [];
      const settled = settle(plan, insertedIds, inserted, await correlateInTransaction(tx, { ...input, incidents }));
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
  const pipelinedOutcome = await storePipelined(plan);
  return pipelinedOutcome === "opens" ? storeInTransaction(plan) : pipelinedOutcome;
}
