import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { TimelineKind } from "@/lib/generated/prisma/enums";
import { authorize } from "@/lib/dal/authorize";
import { buildTimeline, type AlertStretchRow, type EarlierAlerts } from "@/lib/domain/incident-timeline";
import type { Actor } from "@/lib/domain/roles";
import type { IncidentTimelineDto, IncidentTimelineEntryDto } from "@/lib/dto/incidents";

/** Newest non-alert entries shown; people write these, so an incident rarely has more. */
export const TIMELINE_ENTRY_LIMIT = 200;
/** A note may be long; the timeline shows this much of each entry. */
const ENTRY_MESSAGE_CHARS = 2_000;
/** (stretch, rule) rows read at most; a storm of distinct rule names cannot grow the page past it. */
const STRETCH_ROW_LIMIT = 2_000;
/**
 * The newest alerts summarised per stretch and rule. Counting reads every alert it covers (105 ms
 * for 118,000 alerts of one incident at 1,000,000 in all); the older ones are one dated count from
 * the incident's counters (9 ms for the window, whatever the incident's size).
 */
export const TIMELINE_ALERT_WINDOW = 5_000;

const NON_ALERT_KINDS = Object.values(TimelineKind).filter((k) => k !== "ALERT");

type EntryRow = IncidentTimelineEntryDto;

/**
 * The incident's timeline, bounded whatever the alert count: the entries people and the system
 * wrote (the newest `TIMELINE_ENTRY_LIMIT`), the alert entry that opened the incident, and between
 * them one summary per stretch of alerts — counted from the alerts themselves, so it is right
 * whether ingest wrote one alert entry per alert (older data) or one per batch.
 */
export async function getIncidentTimeline(actor: Actor, incidentId: string): Promise<IncidentTimelineDto> {
  await authorize(actor, "incidents.read", { type: "Incident", id: incidentId });
  // The newest entries of each kind, one (incidentId, kind, at) index range apiece. As one
  // `kind IN (…)` the planner walked (incidentId, at) backwards past every alert entry instead:
  // 118,000 rows filtered, 80 ms, for an incident with one entry per alert.
  const perKind = Prisma.join(
    NON_ALERT_KINDS.map(
      (k) => Prisma.sql`(SELECT "id", "kind", "at", "message", "actorId" FROM "TimelineEntry"
         WHERE "incidentId" = ${incidentId} AND "kind" = ${k}::"TimelineKind" ORDER BY "at" DESC, "id" DESC LIMIT ${TIMELINE_ENTRY_LIMIT + 1})`,
    ),
    " UNION ALL ",
  );
  const message = Prisma.raw(`left(t."message", ${ENTRY_MESSAGE_CHARS})`);
  // The entry queries read the (incidentId, kind, at) index: neither walks past the alert entries.
  const [recent, opening, [cutoff], [counters]] = await Promise.all([
    db().$queryRaw<EntryRow[]>`
      SELECT t."id", t."kind"::text AS "kind", t."at", ${message} AS "message", u."name" AS "actor"
        FROM (${perKind}) t LEFT JOIN "User" u ON u."id" = t."actorId"
       ORDER BY t."at" DESC, t."id" DESC LIMIT ${TIMELINE_ENTRY_LIMIT + 1}`,
    db().$queryRaw<EntryRow[]>`
      SELECT t."id", t."kind"::text AS "kind", t."at", ${message} AS "message", u."name" AS "actor"
        FROM "TimelineEntry" t LEFT JOIN "User" u ON u."id" = t."actorId"
       WHERE t."incidentId" = ${incidentId} AND t."kind" = 'ALERT'
       ORDER BY t."at" ASC, t."id" ASC LIMIT 1`,
    // The window's oldest time, from the (incidentId, eventTime) index alone; none when the incident has fewer alerts.
    db().$queryRaw<{ at: Date }[]>`
      SELECT "eventTime" AS "at" FROM "Alert" WHERE "incidentId" = ${incidentId}
       ORDER BY "eventTime" DESC OFFSET ${TIMELINE_ALERT_WINDOW - 1} LIMIT 1`,
    db().$queryRaw<{ alertCount: number; firstAlertAt: Date | null }[]>`
      SELECT "alertCount", "firstAlertAt" FROM "Incident" WHERE "id" = ${incidentId}`,
  ]);
  const entries = [...recent.slice(0, TIMELINE_ENTRY_LIMIT), ...opening].sort(
    (a, b) => a.at.getTime() - b.at.getTime() || a.id.localeCompare(b.id),
  );
  const boundaries = entries.map((e) => e.at.toISOString());
  // One index-only pass over (incidentId, rule, eventTime): per stretch between two entries and per
  // rule, how many alerts and when. width_bucket gives 0 before the first boundary, k after the k-th.
  const stretch = boundaries.length ? Prisma.sql`width_bucket("eventTime", ${boundaries}::timestamp[])` : Prisma.sql`0`;
  // Within the window (all of it when there is no cutoff), the skip scan reads only the window's
  // entries of each rule.
  const since = cutoff ? Prisma.sql`AND "eventTime" >= ${cutoff.at}` : Prisma.empty;
  const rows = await db().$queryRaw<AlertStretchRow[]>`
    SELECT ${stretch}::int AS "stretch", left("rule", 200) AS "rule", count(*)::int AS "count", min("eventTime") AS "first", max("eventTime") AS "last"
      FROM "Alert" WHERE "incidentId" = ${incidentId} ${since}
     GROUP BY 1, 2 ORDER BY 3 DESC LIMIT ${STRETCH_ROW_LIMIT}`;
  const earlier = cutoff ? earlierAlerts(counters, rows, cutoff.at) : null;
  return { items: buildTimeline(entries, rows, earlier), olderEntriesHidden: recent.length > TIMELINE_ENTRY_LIMIT };
}

/** What the window leaves out: the incident's count less the window's, from its first alert to the window. */
function earlierAlerts(
  counters: { alertCount: number; firstAlertAt: Date | null } | undefined,
  rows: readonly AlertStretchRow[],
  windowStart: Date,
): EarlierAlerts | null {
  const inWindow = rows.reduce((n, r) => n + r.count, 0);
  const count = (counters?.alertCount ?? 0) - inWindow;
  if (count <= 0 || !counters?.firstAlertAt) return null;
  return { count, first: counters.firstAlertAt, last: windowStart };
}
