import "server-only";
import { Readable } from "node:stream";
import { db } from "@/lib/db";
import { authorize } from "@/lib/dal/authorize";
import { ValidationError } from "@/lib/dal/errors";
import { findIncidentForEvidence, insertEvidence } from "@/lib/dal/evidence/register";
import type { EvidenceCreatedDto } from "@/lib/dto/evidence";
import { ALERT_RECORD_FORMAT, alertRecordFileName, alertRecordLine } from "@/lib/domain/evidence/alert-record";
import { decodeRawEvent } from "@/lib/domain/falco/raw-event";
import type { Actor } from "@/lib/domain/roles";
import { utcText } from "@/lib/domain/utc-time";
import { evidenceStore } from "@/lib/storage/evidence-store";

/** Alerts read per query while sealing: bounded memory whatever the incident's size. */
const PAGE = 2_000;

type Progress = { count: number; first: Date | null; last: Date | null };

/** The incident's alerts as canonical NDJSON lines, in (eventTime, id) order, a page at a time (keyset over the (incidentId, eventTime) index). */
async function* alertRecordLines(incidentId: string, progress: Progress): AsyncGenerator<Buffer> {
  let after: { eventTime: Date; id: string } | null = null;
  for (;;) {
    const rows: { id: string; eventTime: Date; receivedAt: Date; raw: Uint8Array }[] = await db().alert.findMany({
      where: {
        incidentId,
        ...(after ? { OR: [{ eventTime: { gt: after.eventTime } }, { eventTime: after.eventTime, id: { gt: after.id } }] } : {}),
      },
      orderBy: [{ eventTime: "asc" }, { id: "asc" }],
      take: PAGE,
      select: { id: true, eventTime: true, receivedAt: true, raw: true },
    });
    if (rows.length === 0) return;
    yield Buffer.from(
      rows.map((r) => alertRecordLine({ id: r.id, receivedAt: r.receivedAt, rawText: decodeRawEvent(r.raw) })).join(""),
      "utf8",
    );
    progress.count += rows.length;
    progress.first ??= rows[0]!.eventTime;
    progress.last = rows.at(-1)!.eventTime;
    const tail = rows.at(-1)!;
    after = { eventTime: tail.eventTime, id: tail.id };
    if (rows.length < PAGE) return;
  }
}

/**
 * Seals the incident's alert record: its alerts, as received, in canonical NDJSON
 * (lib/domain/evidence/alert-record.ts), become an evidence item of kind ALERT_RECORD with its
 * sha256 and a COLLECTED event, stored like an upload. What a container that is gone did stays
 * preserved and verifiable even if its alerts are pruned later. Sealing again after new alerts
 * arrived makes a new item; sealing unchanged alerts again is refused, naming the item that holds them.
 */
export async function sealAlertRecord(actor: Actor, key: string): Promise<EvidenceCreatedDto> {
  await authorize(actor, "evidence.add", { type: "Incident" });
  const incident = await findIncidentForEvidence(db(), key);
  const progress: Progress = { count: 0, first: null, last: null };
  // Collected when the reading began: a seal that began after the incident closed holds all its
  // alerts, which is what alert retention relies on (lib/dal/alert-retention.ts).
  const startedAt = new Date();
  const staged = await evidenceStore().stage(Readable.from(alertRecordLines(incident.id, progress)), Number.MAX_SAFE_INTEGER);
  try {
    if (progress.count === 0) throw new ValidationError(`${incident.key} has no alerts to seal.`);
    const earlier = await db().evidence.findFirst({
      where: { incidentId: incident.id, kind: "ALERT_RECORD", sha256: staged.sha256 },
      select: { number: true, collectedAt: true },
    });
    if (earlier) {
      throw new ValidationError(
        `The alert record is unchanged since it was sealed as E${earlier.number} at ${utcText(earlier.collectedAt, "minute")}: nothing new to seal.`,
      );
    }
    const span = progress.first && progress.last ? `, events from ${progress.first.toISOString()} to ${progress.last.toISOString()}` : "";
    return await db().$transaction(
      (tx) =>
        insertEvidence(
          tx,
          actor,
          incident,
          {
            kind: "ALERT_RECORD",
            description: `The incident's ${progress.count} alert${progress.count === 1 ? "" : "s"} as received (${ALERT_RECORD_FORMAT}: canonical JSON lines in event-time order${span}).`,
            containerId: null,
            podName: null,
            nodeName: null,
            imageDigest: null,
            collectedAt: startedAt,
            collectedById: null,
            runStepId: null,
            sha256: staged.sha256,
            sizeBytes: staged.size,
            storageKey: staged.sha256,
            storageLocation: null,
            fileName: alertRecordFileName(incident.key),
            custodyNote: `Sealed by Bulkhead from ${progress.count} stored alert${progress.count === 1 ? "" : "s"}; sha256 computed while writing.`,
          },
          () => staged.commit(),
        ),
      { timeout: 60_000 },
    );
  } finally {
    await staged.discard();
  }
}
