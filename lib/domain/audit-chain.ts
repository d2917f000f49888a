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
export function verifyChainSegment(rows: AuditChainRow[], previous: { seq: bigint; hash: string } | null): ChainVerdict {
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

/** A hash the chain must still hold at `seq`: a signed checkpoint, or a receipt an auditor kept. */
export type ChainAnchor = { seq: bigint; hash: string; kind: "checkpoint" | "receipt" };

export type AnchorBreak = {
  seq: string;
  kind: ChainAnchor["kind"];
  reason: "chain ends before it" | "hash differs";
  /** Where the chain ends, for "chain ends before it". */
  headSeq: string | null;
};

/**
 * The verdict on the whole record: the hash chain is unbroken from the first event, AND it still
 * holds every signed checkpoint (and receipt) it was given. A chain whose newest rows were removed
 * ends before a checkpoint; a chain edited and re-hashed from some row on differs at one.
 */
export type AuditRecordVerdict = {
  ok: boolean;
  /** Events whose links and hashes were checked. */
  checked: number;
  head: { seq: string; hash: string } | null;
  /** The first broken link of the hash chain, if any. */
  chainBreak: ChainBreak | null;
  /** The first anchor the chain no longer holds, if any. */
  anchorBreak: AnchorBreak | null;
  /** The newest checkpoint held (signature already checked by the caller). */
  latestCheckpoint: { seq: string; hash: string } | null;
  checkpointsChecked: number;
  receiptsChecked: number;
  /** Events after the newest checkpoint: intact links, but not yet covered by a signature. */
  unsignedEvents: number;
  /** A checkpoint that names the signing key but whose signature does not verify: forged. */
  forgedCheckpoint: string | null;
  /** Checkpoints signed by another key (before a key change): not trusted, not counted. */
  otherKeyCheckpoints: number;
};

export type AuditRecordWalkOptions = { anchors: ChainAnchor[]; forgedCheckpoint?: string | null; otherKeyCheckpoints?: number };

/**
 * Walks the chain in `seq` order, a page at a time, and checks it against the anchors. Feed every
 * page to `push` (it returns false once the chain is broken, so the caller can stop reading), then
 * call `verdict`.
 */
export class AuditRecordWalk {
  private previous: { seq: bigint; hash: string } | null = null;
  private checked = 0;
  private chainBreak: ChainBreak | null = null;
  private anchorBreak: AnchorBreak | null = null;
  private readonly anchors = new Map<bigint, ChainAnchor[]>();
  private held = { checkpoint: 0, receipt: 0 };
  private latest: ChainAnchor | null = null;

  private readonly forgedCheckpoint: string | null;
  private readonly otherKeyCheckpoints: number;

  constructor(options: AuditRecordWalkOptions) {
    this.forgedCheckpoint = options.forgedCheckpoint ?? null;
    this.otherKeyCheckpoints = options.otherKeyCheckpoints ?? 0;
    for (const anchor of options.anchors) {
      this.anchors.set(anchor.seq, [...(this.anchors.get(anchor.seq) ?? []), anchor]);
      if (anchor.kind === "checkpoint" && (!this.latest || anchor.seq > this.latest.seq)) this.latest = anchor;
    }
  }

  push(rows: AuditChainRow[]): boolean {
    if (this.chainBreak || this.anchorBreak) return false;
    const verdict = verifyChainSegment(rows, this.previous);
    // Only rows before a break were verified; anchors are compared on verified rows only.
    const verified = verdict.ok ? rows : rows.slice(0, verdict.checked);
    for (const row of verified) {
      for (const anchor of this.anchors.get(row.seq) ?? []) {
        if (anchor.hash !== row.hash) {
          this.anchorBreak ??= { seq: row.seq.toString(), kind: anchor.kind, reason: "hash differs", headSeq: null };
        } else this.held[anchor.kind] += 1;
      }
    }
    this.checked += verdict.checked;
    if (!verdict.ok) this.chainBreak = verdict.firstBreak;
    const last = verified[verified.length - 1];
    if (last) this.previous = { seq: last.seq, hash: last.hash };
    return !this.chainBreak && !this.anchorBreak;
  }

  verdict(): AuditRecordVerdict {
    const headSeq = this.previous?.seq ?? 0n;
    if (!this.chainBreak && !this.anchorBreak) {
      const beyond = [...this.anchors.values()]
        .flat()
        .filter((a) => a.seq > headSeq)
        .sort((a, b) => (a.seq < b.seq ? -1 : 1));
      if (beyond[0]) {
        this.anchorBreak = {
          seq: beyond[0].seq.toString(),
          kind: beyond[0].kind,
          reason: "chain ends before it",
          headSeq: this.previous ? headSeq.toString() : null,
        };
      }
    }
    const ok = !this.chainBreak && !this.anchorBreak && !this.forgedCheckpoint;
    return {
      ok,
      checked: this.checked,
      head: this.previous ? { seq: this.previous.seq.toString(), hash: this.previous.hash } : null,
      chainBreak: this.chainBreak,
      anchorBreak: this.anchorBreak,
      latestCheckpoint: this.latest ? { seq: this.latest.seq.toString(), hash: this.latest.hash } : null,
      checkpointsChecked: this.held.checkpoint,
      receiptsChecked: this.held.receipt,
      unsignedEvents: this.latest && headSeq > this.latest.seq ? Number(headSeq - this.latest.seq) : this.latest ? 0 : this.checked,
      forgedCheckpoint: this.forgedCheckpoint,
      otherKeyCheckpoints: this.otherKeyCheckpoints,
    };
  }
}

/** One sentence an auditor can act on, for the page, the API and `npm run audit:verify`. */
export function describeAuditVerdict(v: AuditRecordVerdict): string {
  if (v.forgedCheckpoint) {
    return `Checkpoint #${v.forgedCheckpoint} names the signing key but its signature does not verify: it was written by someone without the key.`;
  }
  if (v.chainBreak) {
    const { seq, reason } = v.chainBreak;
    return `Chain broken at event #${seq} (${reason}). ${v.checked} events before it verified; everything from #${seq} on cannot be trusted.`;
  }
  if (v.anchorBreak) {
    const what =
      v.anchorBreak.kind === "checkpoint" ? `the signed checkpoint at #${v.anchorBreak.seq}` : `the receipt for #${v.anchorBreak.seq}`;
    return v.anchorBreak.reason === "chain ends before it"
      ? `Chain truncated: it ends at #${v.anchorBreak.headSeq ?? "0"}, before ${what}. Events were removed from its end.`
      : `Chain rewritten: event #${v.anchorBreak.seq} no longer has the hash of ${what}. The chain was altered and re-hashed.`;
  }
  if (!v.latestCheckpoint) {
    return `Chain intact: all ${v.checked} events verified, but no signed checkpoint covers them yet, so removal of the newest events could not be detected.`;
  }
  const tail = v.unsignedEvents ? ` (${v.unsignedEvents} newer events not yet signed)` : "";
  const receipts = v.receiptsChecked ? `, and the receipt still holds` : "";
  return `Chain intact: all ${v.checked} events verified; it reaches the latest signed checkpoint, #${v.latestCheckpoint.seq}${tail}${receipts}.`;
}
