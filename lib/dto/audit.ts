import type { AuditRecordVerdict } from "@/lib/domain/audit-chain";
import type { AuditOutcome, Role } from "@/lib/dto/enums";

/** An audit event as the Audit page shows it. */
export type AuditEventDto = {
  seq: string;
  at: Date;
  actorEmail: string | null;
  actorRole: Role | null;
  action: string;
  outcome: AuditOutcome;
  targetType: string | null;
  targetId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  hash: string;
};

/** The key auditors check signatures with; null when no signing key is configured. */
export type AuditSigningKeyDto = { publicKeyPem: string; keyId: string } | null;

export type AuditCheckpointDto = { seq: string; hash: string; at: Date; keyId: string };

/** What the Audit page shows above the log: who signs, and the newest signed head. */
export type AuditProtectionDto = { signingKey: AuditSigningKeyDto; latestCheckpoint: AuditCheckpointDto | null; checkpoints: number };

export const AUDIT_RECEIPT_FORMAT = "bulkhead.audit-receipt/v1";

/**
 * A signed receipt of the chain's head (GET /api/audit/receipt), kept by an auditor to prove later
 * that the chain still extends it. `seq`, `hash`, `at`, `keyId` and `signature` are a checkpoint;
 * `publicKey` is the key's PEM, for the auditor's own records.
 */
export type AuditReceipt = {
  format: typeof AUDIT_RECEIPT_FORMAT;
  seq: string;
  hash: string;
  at: string;
  keyId: string;
  signature: string;
  publicKey: string;
};

/** A verification's result as the page, the API and the audit record carry it. */
export type AuditVerdictDto = AuditRecordVerdict & { message: string; verifiedAt: string; keyId: string | null };
