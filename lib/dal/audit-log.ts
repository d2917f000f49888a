import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { appendAuditEvent } from "@/lib/dal/audit";
import { authorize } from "@/lib/dal/authorize";
import { allAuditCheckpoints, auditSigningKey, latestAuditCheckpoint, signAuditHead } from "@/lib/dal/audit-checkpoints";
import { ValidationError } from "@/lib/dal/errors";
import { AuditRecordWalk, describeAuditVerdict, type AuditChainRow, type ChainAnchor } from "@/lib/domain/audit-chain";
import { checkpointAnchors, checkpointSignatureValid, parsePublicKey } from "@/lib/domain/audit-signature";
import type { Actor } from "@/lib/domain/roles";
import { utcDayRange } from "@/lib/domain/utc-time";
import {
  AUDIT_RECEIPT_FORMAT,
  type AuditEventDto,
  type AuditProtectionDto,
  type AuditReceipt,
  type AuditVerdictDto,
} from "@/lib/dto/audit";
import type { AuditListFilterValue, AuditReceiptValue } from "@/lib/validation/audit";

export const AUDIT_PAGE_SIZE = 50;

export async function listAuditEvents(
  actor: Actor,
  filter: AuditListFilterValue,
): Promise<{ events: AuditEventDto[]; nextBefore: string | null }> {
  await authorize(actor, "audit.read", { type: "AuditEvent" });
  const where: Prisma.AuditEventWhereInput = {
    action: filter.action ? { contains: filter.action, mode: "insensitive" } : undefined,
    actorEmail: filter.actor ? { contains: filter.actor, mode: "insensitive" } : undefined,
    OR: filter.target ? [{ targetType: { contains: filter.target, mode: "insensitive" } }, { targetId: filter.target }] : undefined,
    outcome: filter.outcome,
    at: utcDayRange(filter.from, filter.to),
    seq: filter.before ? { lt: BigInt(filter.before) } : undefined,
  };
  const rows = await db().auditEvent.findMany({
    where,
    orderBy: { seq: "desc" },
    take: AUDIT_PAGE_SIZE + 1,
    select: {
      seq: true,
      at: true,
      actorEmail: true,
      actorRole: true,
      action: true,
      outcome: true,
      targetType: true,
      targetId: true,
      before: true,
      after: true,
      ip: true,
      hash: true,
    },
  });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  return {
    events: page.map((r) => ({ ...r, seq: r.seq.toString() })),
    nextBefore: rows.length > AUDIT_PAGE_SIZE ? page[page.length - 1]!.seq.toString() : null,
  };
}

const VERIFY_BATCH = 2_000;

/** The chain in `seq` order, a page at a time. */
export async function* auditChainPages(): AsyncGenerator<AuditChainRow[]> {
  let after: bigint | null = null;
  for (;;) {
    const rows: AuditChainRow[] = await db().auditEvent.findMany({
      where: after === null ? undefined : { seq: { gt: after } },
      orderBy: { seq: "asc" },
      take: VERIFY_BATCH,
    });
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.seq;
  }
}

/**
 * Walks the whole chain and checks it against every checkpoint signed by the configured key (and
 * any receipts given): unbroken links, and every signed head still in place. Signs the current head
 * first when it is unsigned and the chain still extends the latest checkpoint (signAuditHead
 * refuses otherwise), so what is verified now is also anchored from now on.
 */
export async function verifyAuditRecordUnchecked(receipts: ChainAnchor[] = []): Promise<AuditVerdictDto> {
  await signAuditHead();
  const key = auditSigningKey();
  const publicKey = key ? parsePublicKey(key.publicKeyPem) : null;
  const checkpoints = checkpointAnchors(await allAuditCheckpoints(), publicKey);
  const walk = new AuditRecordWalk({ ...checkpoints, anchors: [...checkpoints.anchors, ...receipts] });
  for await (const rows of auditChainPages()) if (!walk.push(rows)) break;
  const verdict = walk.verdict();
  return { ...verdict, message: describeAuditVerdict(verdict), verifiedAt: new Date().toISOString(), keyId: key?.keyId ?? null };
}

async function recordVerification(actor: Actor, action: string, verdict: AuditVerdictDto): Promise<void> {
  // The verdict without its sentence: the facts are what the record keeps.
  const after: Partial<AuditVerdictDto> = { ...verdict };
  delete after.message;
  await db().$transaction((tx) => appendAuditEvent(tx, { actor, action, outcome: "SUCCESS", targetType: "AuditEvent", after }));
}

/** For auditors: verifies the chain against its signed checkpoints and records that it was verified, with the verdict. */
export async function verifyAuditChain(actor: Actor): Promise<AuditVerdictDto> {
  await authorize(actor, "audit.read", { type: "AuditEvent" });
  const verdict = await verifyAuditRecordUnchecked();
  await recordVerification(actor, "audit.verify_chain", verdict);
  return verdict;
}

/** The signing key's public half and the newest checkpoint, for the Audit page. */
export async function getAuditProtection(actor: Actor): Promise<AuditProtectionDto> {
  await authorize(actor, "audit.read", { type: "AuditEvent" });
  const key = auditSigningKey();
  const [latest, checkpoints] = await Promise.all([latestAuditCheckpoint(), db().auditCheckpoint.count()]);
  return {
    signingKey: key ? { publicKeyPem: key.publicKeyPem, keyId: key.keyId } : null,
    latestCheckpoint: latest ? { seq: latest.seq.toString(), hash: latest.hash, at: latest.at, keyId: latest.keyId } : null,
    checkpoints,
  };
}

/**
 * A signed receipt of the chain's head, signing it now if the newest events are unsigned. The
 * auditor keeps it; `verifyAuditReceipt` later proves the chain still extends it.
 */
export async function getAuditReceipt(actor: Actor): Promise<AuditReceipt> {
  await authorize(actor, "audit.read", { type: "AuditEvent" });
  const key = auditSigningKey();
  if (!key) throw new ValidationError("No signing key is configured (BULKHEAD_AUDIT_SIGNING_KEY), so no receipt can be signed.");
  const outcome = await signAuditHead();
  if (outcome.status === "refused") {
    throw new ValidationError(
      `No receipt: the chain no longer extends its latest signed checkpoint (${outcome.reason}). Verify the chain.`,
    );
  }
  if (outcome.status !== "signed" && outcome.status !== "current")
    throw new ValidationError("The audit record is empty: nothing to sign yet.");
  const { checkpoint } = outcome;
  const receipt: AuditReceipt = {
    format: AUDIT_RECEIPT_FORMAT,
    seq: checkpoint.seq.toString(),
    hash: checkpoint.hash,
    at: checkpoint.at.toISOString(),
    keyId: checkpoint.keyId,
    signature: checkpoint.signature,
    publicKey: key.publicKeyPem,
  };
  await db().$transaction((tx) =>
    appendAuditEvent(tx, {
      actor,
      action: "audit.receipt",
      targetType: "AuditCheckpoint",
      targetId: receipt.seq,
      after: { seq: receipt.seq, hash: receipt.hash },
    }),
  );
  return receipt;
}

/**
 * Proves the chain still extends a receipt: its signature verifies with this deployment's key,
 * and the whole chain verifies with the receipt's head as one more anchor it must hold.
 */
export async function verifyAuditReceipt(actor: Actor, receipt: AuditReceiptValue): Promise<AuditVerdictDto> {
  await authorize(actor, "audit.read", { type: "AuditEvent" });
  const key = auditSigningKey();
  if (!key) throw new ValidationError("No signing key is configured (BULKHEAD_AUDIT_SIGNING_KEY), so no receipt can be checked.");
  const signed = {
    seq: BigInt(receipt.seq),
    hash: receipt.hash,
    at: new Date(receipt.at),
    keyId: receipt.keyId,
    signature: receipt.signature,
  };
  if (receipt.keyId !== key.keyId) {
    throw new ValidationError(`This receipt was signed by key ${receipt.keyId}; this deployment signs with ${key.keyId}.`);
  }
  if (!checkpointSignatureValid(parsePublicKey(key.publicKeyPem), signed)) {
    throw new ValidationError("The receipt's signature does not verify: it was altered, or not issued by this deployment.");
  }
  const verdict = await verifyAuditRecordUnchecked([{ seq: signed.seq, hash: signed.hash, kind: "receipt" }]);
  await recordVerification(actor, "audit.verify_receipt", verdict);
  return verdict;
}
