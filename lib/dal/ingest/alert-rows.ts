import "server-only";
import type { AlertInsertRow } from "@/lib/dal/ingest/columns";
import type { CorrelatedAlert } from "@/lib/domain/correlation/types";
import { newRowId } from "@/lib/server/db/row-id";
import { dedupKeyOf } from "@/lib/domain/falco/dedup";
import { normalizeFalcoEvent } from "@/lib/domain/falco/normalize";
import { encodeRawEventBase64 } from "@/lib/domain/falco/raw-event";
import type { BodyEntry } from "@/lib/domain/falco/parse-body";
import type { IngestResult } from "@/lib/validation/ingest";

// A request's events turned into Alert rows before they queue for a flush (write-combining.ts): all
// the per-event work (normalising, dedup key, JSON for the INSERT) happens here, on the request,
// so that the flush transaction does nothing per event but hand PostgreSQL one JSON document.

export type PreparedAlert = {
  dedupKey: string;
  /** The row (AlertInsertRow) as `json_to_recordset` in the insert reads it (alert-statements.ts). */
  json: string;
  /** What correlation needs to know of the alert if it is inserted. */
  alert: CorrelatedAlert;
};

export type PreparedBatch = {
  /** One per distinct dedup key of the request, in the order received; the first of identical events wins. */
  alerts: PreparedAlert[];
  /** Events that normalised, repeats within the request included: those count as duplicates. */
  validCount: number;
  rejected: IngestResult["rejected"];
};

// PostgreSQL text cannot hold NUL characters or unpaired UTF-16 surrogates, which JSON can carry.
// Such an event's columns are stored with U+FFFD in their place rather than lost; its raw event
// keeps them (JSON escapes them, and it is stored as bytes).
// JSON.stringify escapes exactly these two as \u0000 and \udXXX: a cheap test of the row's JSON before the deep copy.
const ESCAPED_UNSTORABLE = /\\u0000|\\ud[89a-f]/i;

function storable<T>(value: T): T {
  if (typeof value === "string") return value.toWellFormed().replaceAll("\0", "\uFFFD") as T;
  if (Array.isArray(value)) return value.map(storable) as T;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [storable(k), storable(v)])) as T;
  }
  return value;
}

export function prepareAlerts(sourceId: string, defaultCluster: string | null, entries: readonly BodyEntry[]): PreparedBatch {
  // In UTC from here, like every time Prisma writes: the column's database default would follow the session's time zone.
  const receivedAt = new Date().toISOString();
  const rejected: IngestResult["rejected"] = [];
  const byKey = new Map<string, PreparedAlert>();
  let validCount = 0;
  for (const entry of entries) {
    if ("error" in entry) {
      rejected.push({ index: entry.index, error: entry.error });
      continue;
    }
    const result = normalizeFalcoEvent(entry.value, { defaultCluster });
    if (!result.ok) {
      rejected.push({ index: entry.index, error: result.error });
      continue;
    }
    validCount += 1;
    const dedupKey = dedupKeyOf(result.event);
    if (byKey.has(dedupKey)) continue;
    const id = newRowId();
    const row: AlertInsertRow = {
      ...result.event.alert,
      id,
      sourceId,
      dedupKey,
      receivedAt,
      eventTime: result.event.alert.eventTime.toISOString(),
      // Compressed here, on the request, like the rest of the per-event work. As bytes it keeps
      // what text columns cannot (a NUL, a lone surrogate), so only the columns need storable().
      raw: encodeRawEventBase64(result.event.alert.raw),
    };
    let json = JSON.stringify(row);
    let columns = result.event.alert;
    if (ESCAPED_UNSTORABLE.test(json)) {
      const clean = storable(row);
      json = JSON.stringify(clean);
      columns = { ...clean, eventTime: result.event.alert.eventTime, raw: result.event.alert.raw };
    }
    byKey.set(dedupKey, {
      dedupKey,
      json,
      alert: {
        id,
        eventTime: columns.eventTime,
        rule: columns.rule,
        priority: columns.priority,
        tags: columns.tags,
        cluster: columns.cluster,
        namespace: columns.namespace,
        workload: columns.workload,
        podName: columns.podName,
        nodeName: columns.nodeName,
        processCmdline: columns.processCmdline,
        security: result.event.security,
      },
    });
  }
  return { alerts: [...byKey.values()], validCount, rejected: rejected.sort((a, b) => a.index - b.index) };
}
