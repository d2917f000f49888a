import "server-only";
import { db } from "@/lib/db";
import { appendAuditEvent } from "@/lib/dal/audit";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

/**
 * Alert retention (decision 026). Alerts received more than BULKHEAD_ALERT_RETENTION_DAYS ago are
 * deleted, a bounded batch per transaction, but never:
 * - an alert of an incident that is not closed: people are still working it;
 * - an alert of a closed incident unless its alert record was sealed after it closed. Closed
 *   incidents take no new alerts and are never reopened, so a seal that began after the close holds
 *   every alert the incident has; the sealed record (evidence, never deleted) is then what remains.
 * Both times are the server's (`receivedAt`), with `eventTime` as well so the (eventTime) index
 * finds the candidates: a sender that backdates its events cannot get them pruned early.
 * The incident keeps its counts and first/last alert times; a replay of a pruned event is stored
 * again as new.
 */

/** Alerts deleted per transaction: each holds its row locks briefly, whatever the backlog. */
const BATCH = 5_000;
/** Any fixed number: one instance prunes at a time. */
const RETENTION_LOCK = 0x616c_7274;

export type PruneResult = { cutoff: Date; deleted: number; batches: number } | { skipped: "no retention" | "another instance is pruning" };

export async function pruneAlerts(
  now: Date = new Date(),
  days: number | undefined = env().BULKHEAD_ALERT_RETENTION_DAYS,
): Promise<PruneResult> {
  if (!days) return { skipped: "no retention" };
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  let deleted = 0;
  let batches = 0;
  for (;;) {
    const count = await db().$transaction(async (tx) => {
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${RETENTION_LOCK}) AS locked`;
      if (!lock?.locked) return null;
      const n = await tx.$executeRaw`
        DELETE FROM "Alert" WHERE "id" IN (
          SELECT a."id" FROM "Alert" a
            LEFT JOIN "Incident" i ON i."id" = a."incidentId"
           WHERE a."eventTime" < ${cutoff} AND a."receivedAt" < ${cutoff}
             AND (a."incidentId" IS NULL
                  OR (i."status" = 'CLOSED' AND EXISTS (
                        SELECT 1 FROM "Evidence" e
                         WHERE e."incidentId" = i."id" AND e."kind" = 'ALERT_RECORD' AND e."collectedAt" > i."resolvedAt")))
           ORDER BY a."eventTime"
           LIMIT ${BATCH})`;
      if (n > 0) {
        await appendAuditEvent(tx, {
          action: "alerts.prune",
          targetType: "Alert",
          after: { cutoff: cutoff.toISOString(), retentionDays: days, deleted: n },
          origin: { ip: null, userAgent: null, requestId: null },
        });
      }
      return n;
    });
    if (count === null) return batches === 0 ? { skipped: "another instance is pruning" } : { cutoff, deleted, batches };
    deleted += count;
    if (count > 0) batches += 1;
    if (count < BATCH) return { cutoff, deleted, batches };
  }
}

const holder = globalThis as { bulkheadRetentionTimer?: NodeJS.Timeout };
/** How often retention runs; each run deletes everything due, a batch at a time. */
const RETENTION_TICK_MS = 60 * 60_000;

/** Prunes a minute after start and then hourly, for the life of the server process, when retention is set. */
export function startAlertRetention(): void {
  if (holder.bulkheadRetentionTimer || !env().BULKHEAD_ALERT_RETENTION_DAYS) return;
  const tick = async () => {
    try {
      const result = await pruneAlerts();
      if ("deleted" in result && result.deleted > 0) log.info(result, "alert retention: pruned");
    } catch (error) {
      log.warn({ reason: error instanceof Error ? error.message : String(error) }, "alert retention: will retry");
    }
  };
  setTimeout(() => void tick(), 60_000).unref();
  holder.bulkheadRetentionTimer = setInterval(() => void tick(), RETENTION_TICK_MS);
  holder.bulkheadRetentionTimer.unref();
}
