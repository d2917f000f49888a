import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from "node:crypto";
import { canonicalJson, type ChainAnchor } from "@/lib/domain/audit-chain";

/**
 * Signed checkpoints of the audit chain (docs/decisions/012). The key is Ed25519 and lives outside
 * the database (BULKHEAD_AUDIT_SIGNING_KEY), so someone who can rewrite the chain and the
 * checkpoint table still cannot produce a checkpoint that verifies.
 */

/** What a checkpoint's signature covers, named so that a signature cannot be replayed as anything else. */
export const CHECKPOINT_FORMAT = "bulkhead.audit-checkpoint/v1";

export type SignedCheckpoint = { seq: bigint; hash: string; at: Date; keyId: string; signature: string };

const PEM = /^-----BEGIN [A-Z ]+-----/;
const BASE64 = /^[A-Z0-9+/]+={0,2}$/i;

function keyBytes(text: string, what: string): Buffer {
  const compact = text.replace(/\s+/g, "");
  if (!BASE64.test(compact)) throw new Error(`${what} is neither PEM nor base64`);
  return Buffer.from(compact, "base64");
}

function requireEd25519(key: KeyObject, what: string): KeyObject {
  if (key.asymmetricKeyType !== "ed25519") throw new Error(`${what} is a ${key.asymmetricKeyType ?? "symmetric"} key, not Ed25519`);
  return key;
}

/** An Ed25519 private key given as PEM (`-----BEGIN PRIVATE KEY-----`) or as base64 of its PKCS#8 DER. */
export function parseSigningKey(text: string): KeyObject {
  const trimmed = text.trim();
  const key = PEM.test(trimmed)
    ? createPrivateKey(trimmed)
    : createPrivateKey({ key: keyBytes(trimmed, "the signing key"), format: "der", type: "pkcs8" });
  return requireEd25519(key, "the signing key");
}

/** An Ed25519 public key given as PEM (`-----BEGIN PUBLIC KEY-----`) or as base64 of its SPKI DER. */
export function parsePublicKey(text: string): KeyObject {
  const trimmed = text.trim();
  const key = PEM.test(trimmed)
    ? createPublicKey(trimmed)
    : createPublicKey({ key: keyBytes(trimmed, "the public key"), format: "der", type: "spki" });
  return requireEd25519(key, "the public key");
}

/** A new signing key as one line of base64 PKCS#8 (what `npm start` keeps in .data/audit-signing-key). */
export function generateSigningKeyText(): string {
  const { privateKey } = generateKeyPairSync("ed25519");
  return privateKey.export({ format: "der", type: "pkcs8" }).toString("base64");
}

const publicHalf = (key: KeyObject): KeyObject => (key.type === "public" ? key : createPublicKey(key));

/** The public half as PEM, the form auditors compare and `openssl` reads. */
export function publicKeyPem(key: KeyObject): string {
  return publicHalf(key).export({ format: "pem", type: "spki" }).toString().trim();
}

/** The first 16 hex digits of the sha256 of the public key's SPKI DER: short enough to read aloud. */
export function keyIdOf(key: KeyObject): string {
  const der = publicHalf(key).export({ format: "der", type: "spki" });
  return createHash("sha256").update(der).digest("hex").slice(0, 16);
}

/** The exact text signed: canonical JSON (sorted keys, no spaces) of the format, head and time. */
export function checkpointText(cp: Omit<SignedCheckpoint, "signature">): string {
  return canonicalJson({ format: CHECKPOINT_FORMAT, seq: cp.seq.toString(), hash: cp.hash, at: cp.at.toISOString(), keyId: cp.keyId });
}

export function signCheckpoint(privateKey: KeyObject, cp: Omit<SignedCheckpoint, "signature">): string {
  return sign(null, Buffer.from(checkpointText(cp), "utf8"), privateKey).toString("base64");
}

export function checkpointSignatureValid(publicKey: KeyObject, cp: SignedCheckpoint): boolean {
  if (cp.keyId !== keyIdOf(publicKey)) return false;
  try {
    return verify(null, Buffer.from(checkpointText(cp), "utf8"), publicKey, Buffer.from(cp.signature, "base64"));
  } catch {
    return false;
  }
}

/**
 * Sorts stored checkpoints by whether they can be trusted: those signed by `publicKey` become
 * anchors the chain must hold; one that names this key but does not verify is a forgery; those of
 * other keys (signed before a key change) are counted and left out. Without a key, nothing is trusted.
 */
export function checkpointAnchors(
  checkpoints: SignedCheckpoint[],
  publicKey: KeyObject | null,
): { anchors: ChainAnchor[]; forgedCheckpoint: string | null; otherKeyCheckpoints: number } {
  const keyId = publicKey ? keyIdOf(publicKey) : null;
  const anchors: ChainAnchor[] = [];
  let forgedCheckpoint: string | null = null;
  let otherKeyCheckpoints = 0;
  for (const cp of checkpoints) {
    if (!publicKey || cp.keyId !== keyId) otherKeyCheckpoints += 1;
    else if (checkpointSignatureValid(publicKey, cp)) anchors.push({ seq: cp.seq, hash: cp.hash, kind: "checkpoint" });
    else forgedCheckpoint ??= cp.seq.toString();
  }
  return { anchors, forgedCheckpoint, otherKeyCheckpoints };
}

/**
 * The seal an export ends with: a signature over the export's last event and the sha256 of every
 * line before the seal, so a file cut at its end (the seal goes first), or changed anywhere, fails
 * offline even where the chain and its checkpoints would still agree with each other.
 */
export const EXPORT_SEAL_FORMAT = "bulkhead.audit-export-seal/v1";

export type ExportSeal = { exportedAt: string; seq: string; hash: string; digest: string; keyId: string; signature: string };

export function exportSealText(seal: Omit<ExportSeal, "signature">): string {
  return canonicalJson({
    format: EXPORT_SEAL_FORMAT,
    exportedAt: seal.exportedAt,
    seq: seal.seq,
    hash: seal.hash,
    digest: seal.digest,
    keyId: seal.keyId,
  });
}

export function signExportSeal(privateKey: KeyObject, seal: Omit<ExportSeal, "signature">): string {
  return sign(null, Buffer.from(exportSealText(seal), "utf8"), privateKey).toString("base64");
}

export function exportSealValid(publicKey: KeyObject, seal: ExportSeal): boolean {
  if (seal.keyId !== keyIdOf(publicKey)) return false;
  try {
    return verify(null, Buffer.from(exportSealText(seal), "utf8"), publicKey, Buffer.from(seal.signature, "base64"));
  } catch {
    return false;
  }
}
