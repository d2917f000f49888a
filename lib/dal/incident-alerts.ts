import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorize } from "@/lib/dal/authorize";
import { NotFoundError, ValidationError } from "@/lib/dal/errors";
import { decodeRawEvent, prettyRawEvent } from "@/lib/domain/falco/raw-event";
import { incidentKey } from "@/lib/domain/incident-status";
import type { Actor } from "@/lib/domain/roles";
import type { IncidentAlertDetailDto, IncidentAlertPageDto, IncidentAlertRowDto } from "@/lib/dto/incidents";
import { IncidentKeyInput } from "@/lib/validation/incidents";

/**
 * Alerts per page of the incident's alert table: with the React payload that repeats them, 25 rows
 * keep the whole page under its 300 kB budget even when every field is at its cut length.
 */
export const ALERT_PAGE_SIZE = 25;
/**
 * Every alert field is written inside the container and may be megabytes long (one probe sent a
 * 640 kB `fd.name`). The table shows each cut to this many characters, so a page of rows stays well under
 * the page budget whatever the alerts say; the alert's own page has the rest.
 */
export const ALERT_FIELD_CHARS = 256;
export const ALERT_OUTPUT_CHARS = 400;
/** The raw event on the alert's page, pretty-printed; longer events are cut with their length shown. */
export const RAW_EVENT_CHARS = 100_000;
/** Fields on the alert's page. */
const DETAIL_FIELD_CHARS = 4_000;

type Cursor = { eventTime: Date; id: string };

// Keyset over (eventTime desc, id desc): page N costs what page 1 costs however many alerts the
// incident has, and stays stable while new alerts arrive (they land before the first page).
function encodeCursor(row: Cursor): string {
  return Buffer.from(`${row.eventTime.toISOString()}|${row.id}`).toString("base64url");
}

function decodeCursor(cursor: string): Cursor {
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const eventTime = new Date(iso ?? "");
  if (!id || id.length > 64 || Number.isNaN(eventTime.getTime())) {
    throw new ValidationError("That page of alerts is no longer valid; start from the newest.", { cursor: ["Invalid cursor"] });
  }
  return { eventTime, id };
}

const cut = (column: string, chars: number) => Prisma.raw(`left("${column}", ${chars}) AS "${column}"`);
const rowColumns = (chars: number) =>
  Prisma.join(
    [
      Prisma.raw(`"id", "eventTime", "priority"::text AS "priority", length("output")::int AS "outputLength"`),
      cut("rule", chars),
      cut("output", chars === ALERT_FIELD_CHARS ? ALERT_OUTPUT_CHARS : chars),
      ...["podName", "containerName", "processName", "processCmdline", "parentProcess", "userName", "fileName", "connection"].map((c) =>
        cut(c, chars),
      ),
    ],
    ", ",
  );

async function incidentIdOf(key: string): Promise<{ id: string; number: number }> {
  const number = IncidentKeyInput.safeParse(key);
  const row = number.success
    ? await db().incident.findUnique({ where: { number: number.data }, select: { id: true, number: true } })
    : null;
  if (!row) throw new NotFoundError(`Incident ${key} was not found.`);
  return row;
}

/**
 * One page of an incident's alerts, newest first. `older` continues past the last row of a page,
 * `newer` goes back towards the newest; neither given is the first page.
 */
export async function listIncidentAlerts(
  actor: Actor,
  incidentId: string,
  page: { older?: string; newer?: string } = {},
): Promise<IncidentAlertPageDto> {
  await authorize(actor, "incidents.read", { type: "Incident", id: incidentId });
  const columns = rowColumns(ALERT_FIELD_CHARS);
  const take = ALERT_PAGE_SIZE + 1;
  // Written as a range on eventTime plus a tie-break, so the (incidentId, eventTime) index bounds the scan.
  if (page.newer) {
    const c = decodeCursor(page.newer);
    const at = c.eventTime.toISOString();
    const rows = await db().$queryRaw<IncidentAlertRowDto[]>`
      SELECT ${columns} FROM "Alert"
       WHERE "incidentId" = ${incidentId} AND "eventTime" >= ${at}::timestamp AND ("eventTime" > ${at}::timestamp OR "id" > ${c.id})
       ORDER BY "eventTime" ASC, "id" ASC LIMIT ${take}`;
    const alerts = rows.slice(0, ALERT_PAGE_SIZE).reverse();
    return {
      alerts,
      newerCursor: rows.length > ALERT_PAGE_SIZE && alerts[0] ? encodeCursor(alerts[0]) : null,
      olderCursor: alerts.at(-1) ? encodeCursor(alerts.at(-1)!) : null,
    };
  }
  const c = page.older ? decodeCursor(page.older) : null;
  const at = c?.eventTime.toISOString();
  const rows = c
    ? await db().$queryRaw<IncidentAlertRowDto[]>`
        SELECT ${columns} FROM "Alert"
         WHERE "incidentId" = ${incidentId} AND "eventTime" <= ${at}::timestamp AND ("eventTime" < ${at}::timestamp OR "id" < ${c.id})
         ORDER BY "eventTime" DESC, "id" DESC LIMIT ${take}`
    : await db().$queryRaw<IncidentAlertRowDto[]>`
        SELECT ${columns} FROM "Alert" WHERE "incidentId" = ${incidentId} ORDER BY "eventTime" DESC, "id" DESC LIMIT ${take}`;
  const alerts = rows.slice(0, ALERT_PAGE_SIZE);
  return {
    alerts,
    newerCursor: c && alerts[0] ? encodeCursor(alerts[0]) : null,
    olderCursor: rows.length > ALERT_PAGE_SIZE && alerts.at(-1) ? encodeCursor(alerts.at(-1)!) : null,
  };
}

type DetailRow = Omit<IncidentAlertDetailDto, "incidentKey" | "raw" | "rawLength"> & { raw: Uint8Array };

/** One alert of the incident with its raw event; an alert of another incident is "not found" here. */
export async function getIncidentAlertOrThrow(actor: Actor, key: string, alertId: string): Promise<IncidentAlertDetailDto> {
  await authorize(actor, "incidents.read", { type: "Incident" });
  const incident = await incidentIdOf(key);
  if (alertId.length > 64) throw new NotFoundError(`Alert ${alertId.slice(0, 64)}… was not found on ${incidentKey(incident.number)}.`);
  const [row] = await db().$queryRaw<DetailRow[]>`
    SELECT ${rowColumns(DETAIL_FIELD_CHARS)}, "receivedAt", "tags",
           ${Prisma.join(
             [
               "eventSource",
               "cluster",
               "namespace",
               "workload",
               "containerId",
               "imageRepository",
               "imageTag",
               "imageDigest",
               "nodeName",
               "hostname",
             ].map((c) => cut(c, DETAIL_FIELD_CHARS)),
             ", ",
           )},
           "raw"
      FROM "Alert" WHERE "id" = ${alertId} AND "incidentId" = ${incident.id}`;
  if (!row) throw new NotFoundError(`Alert ${alertId} was not found on ${incidentKey(incident.number)}.`);
  const raw = prettyRawEvent(decodeRawEvent(row.raw));
  return {
    ...row,
    tags: row.tags.slice(0, 50).map((t) => t.slice(0, 200)),
    raw: raw.slice(0, RAW_EVENT_CHARS),
    rawLength: raw.length,
    incidentKey: incidentKey(incident.number),
  };
}
