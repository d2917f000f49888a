import "server-only";
import { db } from "@/lib/db";
import { appendAuditEvent } from "@/lib/dal/audit";
import { allAuditCheckpoints, auditSigningKey, signAuditHead } from "@/lib/dal/audit-checkpoints";
import { auditChainPages } from "@/lib/dal/audit-log";
import { authorize } from "@/lib/dal/authorize";
import { AUDIT_EXPORT_FORMAT, exportLine } from "@/lib/domain/audit-export";
import type { Actor } from "@/lib/domain/roles";

/**
 * The whole audit record as JSON lines (lib/domain/audit-export.ts), for `npm run audit:verify` to
 * check with no database: a header with the public key, every checkpoint, then every event in
 * `seq` order. The head is signed first, so an export is anchored up to the moment it was made.
 * Checkpoints are read before events: every checkpoint then names an event the export contains.
 */
export async function exportAuditRecord(actor: Actor): Promise<AsyncGenerator<string>> {
  await authorize(actor, "audit.read", { type: "AuditEvent" });
  await signAuditHead();
  await db().$transaction((tx) => appendAuditEvent(tx, { actor, action: "audit.export", targetType: "AuditEvent" }));
  const key = auditSigningKey();
  const checkpoints = await allAuditCheckpoints();
  const exportedAt = new Date();
  return (async function* lines() {
    yield exportLine({ type: "header", format: AUDIT_EXPORT_FORMAT, exportedAt: exportedAt.toISOString(), publicKey: key?.publicKeyPem ?? null, keyId: key?.keyId ?? null });
    for (const cp of checkpoints) yield exportLine({ type: "checkpoint", ...cp });
    for await (const rows of auditChainPages()) for (const row of rows) yield exportLine({ type: "event", ...row });
  })();
}
