import { createHash } from "node:crypto";

/** The `prevHash` of the first event in the chain. */
export const GENESIS_HASH = "0".repeat(64);

/** What an audit row's hash covers: everything but its own id and hash. */
export type AuditHashFields = {
  seq: bigint;
  at: Date;
  actorId: string | null;
  actorEmail: string | null;
  actorRole: string | null;
  action: string;
  outcome: string;
  targetType: string | null;
  targetId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
};

export type AuditChainRow = AuditHashFields & { id: string; prevHash: string; hash: string };

/**
 * JSON with object keys sorted at every level. PostgreSQL's jsonb reorders keys, so the hash
 * must not depend on key order.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return "null";
  if (typeof value === "bigint") return JSON.stringify(value.toString());
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Stands in for the sequence number while the covered text is built; no stored field can hold a NUL. */
const SEQ_MARK = "\u0000";

/**
 * The canonical text an event's hash covers, split where its sequence number goes: an append that
 * runs as SQL (lib/dal/audit.ts) learns the number only when it reads its predecessor, in the
 * database, and joins head + seq + tail there. `head` ends inside the quotes of `"seq":"…"`.
 */
export function auditHashText(f: Omit<AuditHashFields, "seq">): { head: string; tail: string } {
  const covered = {
    seq: SEQ_MARK,
    at: f.at.toISOString(),
    actorId: f.actorId,
    actorEmail: f.actorEmail,
    actorRole: f.actorRole,
    action: f.action,
    outcome: f.outcome,
    targetType: f.targetType,
    targetId: f.targetId,
    before: f.before,
    after: f.after,
    ip: f.ip,
    userAgent: f.userAgent,
    requestId: f.requestId,
  };
  const parts = canonicalJson(covered).split(`"seq":${JSON.stringify(SEQ_MARK)}`);
  if (parts.length !== 2) throw new Error("an audited value holds a NUL character");
  return { head: `${parts[0]}"seq":"`, tail: `"${parts[1]}` };
}

/** sha256 over the predecessor's hash and exactly the fields above (a row's id and own hash excluded). */
export function auditEventHash(prevHash: string, f: AuditHashFields): string {
  const { head, tail } = auditHashText(f);
  return createHash("sha256").update(prevHash).update("\n").update(`${head}${f.seq.toString()}${tail}`).digest("hex");
}

export type ChainBreak = {
  seq: string;
  id: string;
  reason: "sequence gap" | "previous hash mismatch" | "content hash mismatch";
};

export type ChainVerdict = { ok: true; checked: number } | { ok: false; checked: number; firstBreak: ChainBreak };

/**
 * Checks rows in `seq` order, continuing from `previous` (the last verified row) when the chain is
 * verified in pages. Reports the first broken link.
 */
export function verifyChainSegment(
  rows: AuditChainRow[],
  previous: { seq: bigint; hash: string } | null,
): ChainVerdict {
  let expectedSeq = previous ? previous.seq + 1n : 1n;
  let expectedPrev = previous ? previous.hash : GENESIS_HASH;
  let checked = 0;
  for (const row of rows) {
    const at = { seq: row.seq.toString(), id: row.id };
    if (row.seq !== expectedSeq) return { ok: false, checked, firstBreak: { ...at, reason: "sequence gap" } };
    if (row.prevHash !== expectedPrev) {
      return { ok: false, checked, firstBreak: { ...at, reason: "previous hash mismatch" } };
    }
    if (auditEventHash(row.prevHash, row) !== row.hash) {
      return { ok: false, checked, firstBreak: { ...at, reason: "content hash mismatch" } };
    }
    checked += 1;
    expectedSeq = row.seq + 1n;
    expectedPrev = row.hash;
  }
  return { ok: true, checked };
}
