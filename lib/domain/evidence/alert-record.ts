import { canonicalJson } from "@/lib/domain/audit-chain";

/**
 * The sealed alert record: an incident's alerts as the runtime reported them, one line per alert
 * in the order they were received, so that what a container did is kept, hashed and verifiable
 * after the container is gone and even if the alerts are later pruned from the database.
 *
 * Canonical so that the same alerts always give the same bytes (and the same sha256): each line is
 * RFC 8785 JSON (keys sorted, no whitespace; lib/domain/audit-chain.ts `canonicalJson`) of
 * `{alertId, receivedAt, event}` with `event` the raw event exactly as stored at ingest, lines
 * ended by `\n`, UTF-8. Re-creating the file from the alerts and comparing hashes proves it.
 */
export const ALERT_RECORD_FORMAT = "bulkhead.alert-record/v1";

export type SealedAlert = { id: string; receivedAt: Date; rawText: string };

export function alertRecordLine(alert: SealedAlert): string {
  let event: unknown;
  try {
    event = JSON.parse(alert.rawText);
  } catch {
    // Never happens for what ingest stored (it parsed it); kept whole rather than dropped if it does.
    event = { unparsedText: alert.rawText };
  }
  return `${canonicalJson({ alertId: alert.id, receivedAt: alert.receivedAt.toISOString(), event })}\n`;
}

/** The file name of an incident's alert record in the register and the forensic package. */
export function alertRecordFileName(incidentKey: string): string {
  return `${incidentKey}-alert-record.ndjson`;
}
