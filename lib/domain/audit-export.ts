import { createHash, type KeyObject } from "node:crypto";
import { AuditRecordWalk, describeAuditVerdict, type AuditChainRow, type AuditRecordVerdict } from "@/lib/domain/audit-chain";
import {
  checkpointAnchors,
  exportSealValid,
  keyIdOf,
  parsePublicKey,
  type ExportSeal,
  type SignedCheckpoint,
} from "@/lib/domain/audit-signature";

/**
 * The audit export (GET /api/audit/export): JSON lines, one object per line, in this order —
 *   {"type":"header","format":"bulkhead.audit-export/v1","exportedAt":…,"publicKey":"-----BEGIN PUBLIC KEY-----…","keyId":…}
 *   {"type":"checkpoint","seq":"…","hash":…,"at":…,"keyId":…,"signature":…}   (oldest first)
 *   {"type":"event","id":…,"seq":"…","at":…,…every hashed field…,"prevHash":…,"hash":…}   (seq order)
 *   {"type":"seal","exportedAt":…,"seq":…,"hash":…,"digest":…,"keyId":…,"signature":…}   (last line)
 * Every event is covered by the last checkpoint (the export signs the head first and stops there);
 * the seal signs the last event and the sha256 of every line before it (`ExportDigest`).
 * Sequence numbers are strings (they are 64-bit), times ISO 8601 UTC, `before`/`after` the JSON
 * stored. `npm run audit:verify -- <file>` reads it back with `parseExportLine`.
 */
export const AUDIT_EXPORT_FORMAT = "bulkhead.audit-export/v1";

export type ExportHeader = { type: "header"; format: string; exportedAt: string; publicKey: string | null; keyId: string | null };
export type ExportItem =
  ExportHeader | ({ type: "checkpoint" } & SignedCheckpoint) | ({ type: "event" } & AuditChainRow) | ({ type: "seal" } & ExportSeal);

/** The sha256 the seal signs: of each line before it, as written (without its line break), each followed by "\n". */
export class ExportDigest {
  private readonly hash = createHash("sha256");
  add(line: string): void {
    this.hash.update(line.replace(/\r?\n$/, "")).update("\n");
  }
  hex(): string {
    return this.hash.copy().digest("hex");
  }
}

export function exportLine(item: ExportItem): string {
  return `${JSON.stringify(item, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))}\n`;
}

const text = (v: unknown, what: string): string => {
  if (typeof v !== "string") throw new Error(`${what} is not a string`);
  return v;
};
const textOrNull = (v: unknown, what: string): string | null => (v === null || v === undefined ? null : text(v, what));
const seqOf = (v: unknown): bigint => {
  const s = text(v, "seq");
  if (!/^\d{1,19}$/.test(s)) throw new Error(`seq "${s.slice(0, 30)}" is not a sequence number`);
  return BigInt(s);
};
const timeOf = (v: unknown, what: string): Date => {
  const d = new Date(text(v, what));
  if (Number.isNaN(d.getTime())) throw new Error(`${what} is not a time`);
  return d;
};

/** One line of an export back as what it stood for; throws with the reason on anything malformed. */
export function parseExportLine(line: string): ExportItem {
  const o = JSON.parse(line) as Record<string, unknown>;
  if (typeof o !== "object" || o === null) throw new Error("not a JSON object");
  switch (o.type) {
    case "header":
      return {
        type: "header",
        format: text(o.format, "format"),
        exportedAt: text(o.exportedAt, "exportedAt"),
        publicKey: textOrNull(o.publicKey, "publicKey"),
        keyId: textOrNull(o.keyId, "keyId"),
      };
    case "checkpoint":
      return {
        type: "checkpoint",
        seq: seqOf(o.seq),
        hash: text(o.hash, "hash"),
        at: timeOf(o.at, "at"),
        keyId: text(o.keyId, "keyId"),
        signature: text(o.signature, "signature"),
      };
    case "event":
      return {
        type: "event",
        id: text(o.id, "id"),
        seq: seqOf(o.seq),
        at: timeOf(o.at, "at"),
        actorId: textOrNull(o.actorId, "actorId"),
        actorEmail: textOrNull(o.actorEmail, "actorEmail"),
        actorRole: textOrNull(o.actorRole, "actorRole"),
        action: text(o.action, "action"),
        outcome: text(o.outcome, "outcome"),
        targetType: textOrNull(o.targetType, "targetType"),
        targetId: textOrNull(o.targetId, "targetId"),
        before: o.before ?? null,
        after: o.after ?? null,
        ip: textOrNull(o.ip, "ip"),
        userAgent: textOrNull(o.userAgent, "userAgent"),
        requestId: textOrNull(o.requestId, "requestId"),
        prevHash: text(o.prevHash, "prevHash"),
        hash: text(o.hash, "hash"),
      };
    case "seal":
      return {
        type: "seal",
        exportedAt: text(o.exportedAt, "exportedAt"),
        seq: text(o.seq, "seq"),
        hash: text(o.hash, "hash"),
        digest: text(o.digest, "digest"),
        keyId: text(o.keyId, "keyId"),
        signature: text(o.signature, "signature"),
      };
    default:
      throw new Error(`unknown line type ${JSON.stringify(o.type)}`);
  }
}

export type ExportVerdict = AuditRecordVerdict & {
  /** The key the signatures were checked with, and whether it came from the export itself. */
  keyId: string | null;
  keyFromExport: boolean;
  /** A malformed export (line number and reason): nothing after it was read. */
  malformed: string | null;
  message: string;
  ok: boolean;
};

/**
 * Verifies an export line by line, holding only the checkpoints and one page of events. Pass
 * `trustedKey` (the public key as shown on the Audit page, obtained apart from the export) to
 * check signatures with it; otherwise the export's own key is used and the verdict says so.
 */
export class ExportVerification {
  private header: ExportHeader | null = null;
  private checkpoints: SignedCheckpoint[] = [];
  private walk: AuditRecordWalk | null = null;
  private page: AuditChainRow[] = [];
  private malformed: string | null = null;
  private lineNo = 0;
  private key: KeyObject | null = null;
  private stopped = false;
  private readonly digest = new ExportDigest();
  private seal: { seal: ExportSeal; digest: string } | null = null;
  private lastEvent: AuditChainRow | null = null;

  constructor(private readonly trustedKey: KeyObject | null = null) {}

  line(raw: string): void {
    this.lineNo += 1;
    if (this.stopped || raw.trim() === "") return;
    let item: ExportItem;
    try {
      item = parseExportLine(raw);
      if (item.type === "header" && this.lineNo !== 1) throw new Error("a second header");
      if (item.type !== "header" && !this.header) throw new Error(`the first line must be the header (format ${AUDIT_EXPORT_FORMAT})`);
      if (item.type === "header" && item.format !== AUDIT_EXPORT_FORMAT)
        throw new Error(`format ${item.format} is not ${AUDIT_EXPORT_FORMAT}`);
      if (item.type === "checkpoint" && this.walk) throw new Error("a checkpoint after the events");
      if (this.seal) throw new Error("a line after the seal");
    } catch (error) {
      this.fail(`line ${this.lineNo}: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (item.type === "seal") {
      const seal: ExportSeal = {
        exportedAt: item.exportedAt,
        seq: item.seq,
        hash: item.hash,
        digest: item.digest,
        keyId: item.keyId,
        signature: item.signature,
      };
      this.seal = { seal, digest: this.digest.hex() };
      return;
    }
    this.digest.add(raw);
    if (item.type === "header") {
      this.header = item;
      try {
        this.key = this.trustedKey ?? (item.publicKey ? parsePublicKey(item.publicKey) : null);
      } catch (error) {
        this.fail(`line 1: the export's public key: ${error instanceof Error ? error.message : String(error)}`);
      }
    } else if (item.type === "checkpoint") {
      this.checkpoints.push({ seq: item.seq, hash: item.hash, at: item.at, keyId: item.keyId, signature: item.signature });
    } else {
      const row: AuditChainRow = { ...item };
      this.lastEvent = row;
      this.walk ??= new AuditRecordWalk(checkpointAnchors(this.checkpoints, this.key));
      this.page.push(row);
      if (this.page.length >= 2000) this.flush();
    }
  }

  private flush(): void {
    if (this.walk && this.page.length && !this.walk.push(this.page)) this.stopped = true;
    this.page = [];
  }

  private fail(reason: string): void {
    this.malformed ??= reason;
    this.stopped = true;
  }

  finish(): ExportVerdict {
    this.flush();
    const walk = this.walk ?? new AuditRecordWalk(checkpointAnchors(this.checkpoints, this.key));
    const verdict = walk.verdict();
    const keyId = this.key ? keyIdOf(this.key) : null;
    const base = { ...verdict, keyId, keyFromExport: !this.trustedKey };
    if (this.malformed) return { ...base, ok: false, malformed: this.malformed, message: `Malformed export at ${this.malformed}.` };
    if (!this.header) return { ...base, ok: false, malformed: "empty", message: "The export is empty." };
    if (!this.key)
      return {
        ...base,
        ok: false,
        malformed: null,
        message: "The export carries no public key and none was given: signatures cannot be checked.",
      };
    const sealProblem = this.sealProblem();
    if (sealProblem)
      return { ...base, ok: false, malformed: null, message: `${sealProblem} ${verdict.ok ? "" : describeAuditVerdict(verdict)}`.trim() };
    // An export always carries a checkpoint of its head (GET /api/audit/export signs first), so
    // none at all means they were removed, and a cut at the end could not be seen.
    if (verdict.ok && !verdict.latestCheckpoint && verdict.checked > 0) {
      return {
        ...base,
        ok: false,
        malformed: null,
        message: `${describeAuditVerdict(verdict)} An export always has one: treat it as tampered.`,
      };
    }
    return { ...base, malformed: null, message: describeAuditVerdict(verdict) };
  }

  /** Why the seal does not vouch for this file, or null when it does. */
  private sealProblem(): string | null {
    if (!this.seal) return "Export cut short: it has no seal, the signed last line every export ends with.";
    const { seal, digest } = this.seal;
    if (!exportSealValid(this.key!, seal))
      return "The export's seal does not verify with the signing key: it was altered, or not made by this deployment.";
    if (seal.digest !== digest) return "The export was changed after it was sealed: its lines no longer have the digest the seal signed.";
    if (seal.seq !== (this.lastEvent?.seq.toString() ?? "0") || seal.hash !== (this.lastEvent?.hash ?? "")) {
      return `Export cut short: the seal names event #${seal.seq} as its last, but the file ends at #${this.lastEvent?.seq.toString() ?? "0"}.`;
    }
    return null;
  }
}
