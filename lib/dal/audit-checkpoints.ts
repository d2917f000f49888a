import "server-only";
import { auditChainHead } from "@/lib/dal/audit";
import type { KeyObject } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { keyIdOf, parseSigningKey, publicKeyPem, signCheckpoint, type SignedCheckpoint } from "@/lib/domain/audit-signature";
import { newRowId } from "@/lib/server/db/row-id";

// Signed checkpoints of the audit chain (docs/decisions/012). Signing happens here, off the
// append path: appends (lib/dal/audit.ts, pipelined by alert ingest) never wait for a signature.
// A periodic signer in each server process and on-demand signing (receipts, exports,
// verification) both go through `signAuditHead`.

type SigningKey = { privateKey: KeyObject; publicKeyPem: string; keyId: string };

const holder = globalThis as unknown as { bulkheadAuditKey?: SigningKey | null; bulkheadCheckpointTimer?: NodeJS.Timeout };

/** The configured key, parsed once; null when BULKHEAD_AUDIT_SIGNING_KEY is unset (development without `npm start`). */
export function auditSigningKey(): SigningKey | null {
  if (holder.bulkheadAuditKey !== undefined) return holder.bulkheadAuditKey;
  const text = env().BULKHEAD_AUDIT_SIGNING_KEY;
  if (!text) return (holder.bulkheadAuditKey = null);
  let privateKey: KeyObject;
  try {
    privateKey = parseSigningKey(text);
  } catch (error) {
    throw new Error(`BULKHEAD_AUDIT_SIGNING_KEY: ${error instanceof Error ? error.message : String(error)}`);
  }
  holder.bulkheadAuditKey = { privateKey, publicKeyPem: publicKeyPem(privateKey), keyId: keyIdOf(privateKey) };
  return holder.bulkheadAuditKey;
}

export type CheckpointRow = SignedCheckpoint;

const CHECKPOINT_SELECT = { seq: true, hash: true, at: true, keyId: true, signature: true } as const;

export async function latestAuditCheckpoint(): Promise<CheckpointRow | null> {
  return db().auditCheckpoint.findFirst({ orderBy: { seq: "desc" }, select: CHECKPOINT_SELECT });
}

/** Every checkpoint, oldest first (a few per hour at most: small). */
export async function allAuditCheckpoints(): Promise<CheckpointRow[]> {
  return db().auditCheckpoint.findMany({ orderBy: { seq: "asc" }, select: CHECKPOINT_SELECT });
}

const chainHead = () => auditChainHead(db());

export type SignOutcome =
  { status: "signed" | "current"; checkpoint: CheckpointRow } | { status: "empty" | "no key" } | { status: "refused"; reason: string };

/**
 * Signs the chain's current head, unless the newest checkpoint already covers it. Before signing,
 * the event at the newest checkpoint must still carry the hash that was signed: a chain that was
 * cut or re-hashed is never signed again (that would bless the tampering), and stays refused until
 * someone looks. Concurrent signers (several instances) meet on the unique `seq`.
 */
export async function signAuditHead(): Promise<SignOutcome> {
  const key = auditSigningKey();
  if (!key) return { status: "no key" };
  // The checkpoint first, then the head: read the other way round, a checkpoint another instance
  // signs in between could look newer than the head.
  const latest = await latestAuditCheckpoint();
  const head = await chainHead();
  if (!head) return { status: "empty" };
  if (latest && latest.seq >= head.seq) {
    if (latest.seq === head.seq && latest.hash === head.hash) return { status: "current", checkpoint: latest };
    return refuse(`the chain ends at #${head.seq} but checkpoint #${latest.seq} was signed`);
  }
  if (latest) {
    const anchored = await db().auditEvent.findUnique({ where: { seq: latest.seq }, select: { hash: true } });
    if (!anchored) return refuse(`event #${latest.seq} of the latest checkpoint is gone`);
    if (anchored.hash !== latest.hash) return refuse(`event #${latest.seq} no longer has the hash of its checkpoint`);
  }
  const unsigned = { seq: head.seq, hash: head.hash, at: new Date(), keyId: key.keyId };
  const checkpoint: CheckpointRow = { ...unsigned, signature: signCheckpoint(key.privateKey, unsigned) };
  await db().auditCheckpoint.createMany({ data: [{ id: newRowId(), ...checkpoint }], skipDuplicates: true });
  const stored = await db().auditCheckpoint.findUnique({ where: { seq: head.seq }, select: CHECKPOINT_SELECT });
  return { status: "signed", checkpoint: stored ?? checkpoint };
}

function refuse(reason: string): SignOutcome {
  log.error({ reason }, "audit chain does not extend its latest signed checkpoint: not signing");
  return { status: "refused", reason };
}

/** Whether enough is unsigned to sign now: N events, or any event once the last checkpoint is M minutes old. */
async function checkpointDue(): Promise<boolean> {
  const latest = await latestAuditCheckpoint();
  const head = await chainHead();
  if (!head) return false;
  if (!latest) return true;
  if (head.seq <= latest.seq) return false;
  const { BULKHEAD_AUDIT_CHECKPOINT_EVENTS: events, BULKHEAD_AUDIT_CHECKPOINT_MINUTES: minutes } = env();
  return head.seq - latest.seq >= BigInt(events) || Date.now() - latest.at.getTime() >= minutes * 60_000;
}

/** How often the signer looks; the thresholds above decide whether it signs. */
const SIGNER_TICK_MS = 15_000;

/** Signs when due, once at start and then every 15 s, for the life of the server process. */
export function startAuditCheckpointSigner(): void {
  if (holder.bulkheadCheckpointTimer || !auditSigningKey()) return;
  const tick = async () => {
    try {
      if (await checkpointDue()) await signAuditHead();
    } catch (error) {
      log.warn({ reason: error instanceof Error ? error.message : String(error) }, "audit checkpoint signer: will retry");
    }
  };
  void tick();
  holder.bulkheadCheckpointTimer = setInterval(() => void tick(), SIGNER_TICK_MS);
  holder.bulkheadCheckpointTimer.unref();
}
