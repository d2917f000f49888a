import "server-only";
import { db } from "@/lib/db";
import { appendAuditEvent } from "@/lib/dal/audit";
import { allAuditCheckpoints, auditSigningKey, signAuditHead } from "@/lib/dal/audit-checkpoints";
import { auditChainPages } from "@/lib/dal/audit-log";
import { authorize } from "@/lib/dal/authorize";
import { AUDIT_EXPORT_FORMAT, ExportDigest, exportLine, type ExportItem } from "@/lib/domain/audit-export";
import { signExportSeal } from "@/lib/domain/audit-signature";
import type { Actor } from "@/lib/domain/roles";

/**
 * The whole audit record as JSON lines (lib/domain/audit-export.ts), for `npm run audit:verify` to
 * check with no database: a header with the public key, every checkpoint, every event up to the
 * head signed for this export, and a signed seal over all of it. The export's own audit event is
 * written first, so it is inside the signed part; events appended while it streams are left for
 * the next export. Checkpoints are read before events: each names an event the export contains.
 */
export async function exportAuditRecord(actor: Actor): Promise<AsyncGenerator<string>> {
  await authorize(actor, "audit.read", { type: "AuditEvent" });
  await db().$transaction((tx) => appendAuditEvent(tx, { actor, action: "audit.export", targetType: "AuditEvent" }));
  const signed = await signAuditHead();
  // A chain that no longer extends its checkpoint is exported whole, for the verifier to show where.
  const upTo = signed.status === "signed" || signed.status === "current" ? signed.checkpoint.seq : null;
  const key = auditSigningKey();
  const checkpoints = await allAuditCheckpoints();
  const exportedAt = new Date().toISOString();
  return (async function* lines() {
    const digest = new ExportDigest();
    const emit = (item: ExportItem) => {
      const line = exportLine(item);
      digest.add(line);
      return line;
    };
    yield emit({
      type: "header",
      format: AUDIT_EXPORT_FORMAT,
      exportedAt,
      publicKey: key?.publicKeyPem ?? null,
      keyId: key?.keyId ?? null,
    });
    for (const cp of checkpoints) yield emit({ type: "checkpoint", ...cp });
    let last: { seq: bigint; hash: string } | null = null;
    pages: for await (const rows of auditChainPages()) {
      for (const row of rows) {
        if (upTo !== null && row.seq > upTo) break pages;
        yield emit({ type: "event", ...row });
        last = row;
      }
    }
    if (!key) return;
    const seal = { exportedAt, seq: last?.seq.toString() ?? "0", hash: last?.hash ?? "", digest: digest.hex(), keyId: key.keyId };
    yield exportLine({ type: "seal", ...seal, signature: signExportSeal(key.privateKey, seal) });
  })();
}
