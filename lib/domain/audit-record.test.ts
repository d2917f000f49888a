import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AuditRecordWalk,
  auditEventHash,
  canonicalJson,
  describeAuditVerdict,
  GENESIS_HASH,
  type AuditChainRow,
  type ChainAnchor,
} from "@/lib/domain/audit-chain";
import { AUDIT_EXPORT_FORMAT, ExportDigest, ExportVerification, exportLine, parseExportLine } from "@/lib/domain/audit-export";
import {
  checkpointAnchors,
  checkpointSignatureValid,
  checkpointText,
  generateSigningKeyText,
  keyIdOf,
  parsePublicKey,
  parseSigningKey,
  publicKeyPem,
  signCheckpoint,
  signExportSeal,
  type SignedCheckpoint,
} from "@/lib/domain/audit-signature";

function chain(length: number): AuditChainRow[] {
  const rows: AuditChainRow[] = [];
  let prevHash = GENESIS_HASH;
  for (let i = 1; i <= length; i++) {
    const fields = {
      seq: BigInt(i),
      at: new Date(Date.UTC(2026, 11, 2, 12, 0, i)),
      actorId: null,
      actorEmail: "auditor@bulkhead.local",
      actorRole: "AUDITOR",
      action: "test.event",
      outcome: "SUCCESS",
      targetType: null,
      targetId: String(i),
      before: null,
      after: { i },
      ip: null,
      userAgent: null,
      requestId: null,
    };
    const hash = auditEventHash(prevHash, fields);
    rows.push({ ...fields, id: `ev-${i}`, prevHash, hash });
    prevHash = hash;
  }
  return rows;
}

const key = parseSigningKey(generateSigningKeyText());

function checkpointOf(row: AuditChainRow, signingKey = key): SignedCheckpoint {
  const unsigned = { seq: row.seq, hash: row.hash, at: new Date(Date.UTC(2026, 11, 2, 13)), keyId: keyIdOf(signingKey) };
  return { ...unsigned, signature: signCheckpoint(signingKey, unsigned) };
}

function walk(rows: AuditChainRow[], anchors: ChainAnchor[], pageSize = 3) {
  const w = new AuditRecordWalk({ anchors });
  for (let i = 0; i < rows.length; i += pageSize) if (!w.push(rows.slice(i, i + pageSize))) break;
  return w.verdict();
}

describe("signing keys and checkpoint signatures", () => {
  it("reads the key as PEM or as base64 PKCS#8, and names it by its public half", () => {
    const base64 = generateSigningKeyText();
    const fromBase64 = parseSigningKey(base64);
    const pem = `-----BEGIN PRIVATE KEY-----\n${base64}\n-----END PRIVATE KEY-----\n`;
    expect(keyIdOf(parseSigningKey(pem))).toBe(keyIdOf(fromBase64));
    expect(keyIdOf(fromBase64)).toMatch(/^[0-9a-f]{16}$/);
    expect(keyIdOf(parsePublicKey(publicKeyPem(fromBase64)))).toBe(keyIdOf(fromBase64));
  });

  it("refuses keys that are not Ed25519 private keys", () => {
    expect(() => parseSigningKey("not a key!")).toThrow(/neither PEM nor base64/);
    expect(() => parseSigningKey("AAAA")).toThrow();
  });

  it("signs the canonical text of the checkpoint, and a change to any part breaks the signature", () => {
    const cp = checkpointOf(chain(1)[0]!);
    expect(checkpointText(cp)).toBe(
      `{"at":"2026-12-02T13:00:00.000Z","format":"bulkhead.audit-checkpoint/v1","hash":"${cp.hash}","keyId":"${cp.keyId}","seq":"1"}`,
    );
    const publicKey = parsePublicKey(publicKeyPem(key));
    expect(checkpointSignatureValid(publicKey, cp)).toBe(true);
    expect(checkpointSignatureValid(publicKey, { ...cp, seq: 2n })).toBe(false);
    expect(checkpointSignatureValid(publicKey, { ...cp, hash: GENESIS_HASH })).toBe(false);
    expect(checkpointSignatureValid(publicKey, { ...cp, at: new Date(0) })).toBe(false);
    expect(checkpointSignatureValid(publicKey, { ...cp, signature: "AAAA" })).toBe(false);
  });

  it("trusts only checkpoints of the key it is given", () => {
    const rows = chain(3);
    const other = parseSigningKey(generateSigningKeyText());
    const forged = { ...checkpointOf(rows[2]!, other), keyId: keyIdOf(key) };
    const result = checkpointAnchors([checkpointOf(rows[0]!), checkpointOf(rows[1]!, other), forged], parsePublicKey(publicKeyPem(key)));
    expect(result).toEqual({
      anchors: [{ seq: 1n, hash: rows[0]!.hash, kind: "checkpoint" }],
      forgedCheckpoint: "3",
      otherKeyCheckpoints: 1,
    });
    expect(checkpointAnchors([checkpointOf(rows[0]!)], null)).toMatchObject({ anchors: [], otherKeyCheckpoints: 1 });
  });
});

describe("AuditRecordWalk", () => {
  const anchor = (row: AuditChainRow, kind: ChainAnchor["kind"] = "checkpoint"): ChainAnchor => ({ seq: row.seq, hash: row.hash, kind });

  it("passes an intact chain that holds its checkpoints, counting what is not yet signed", () => {
    const rows = chain(10);
    const verdict = walk(rows, [anchor(rows[3]!), anchor(rows[7]!)]);
    expect(verdict).toMatchObject({ ok: true, checked: 10, latestCheckpoint: { seq: "8" }, checkpointsChecked: 2, unsignedEvents: 2 });
    expect(describeAuditVerdict(verdict)).toBe(
      "Chain intact: all 10 events verified; it reaches the latest signed checkpoint, #8 (2 newer events not yet signed).",
    );
  });

  it("fails a chain cut before its latest checkpoint", () => {
    const rows = chain(10);
    const verdict = walk(rows.slice(0, 6), [anchor(rows[3]!), anchor(rows[7]!)]);
    expect(verdict).toMatchObject({ ok: false, chainBreak: null, anchorBreak: { seq: "8", reason: "chain ends before it", headSeq: "6" } });
    expect(describeAuditVerdict(verdict)).toMatch(/^Chain truncated: it ends at #6, before the signed checkpoint at #8\./);
  });

  it("fails a chain re-hashed after an edit, though every link is consistent", () => {
    const rows = chain(6);
    const signed = anchor(rows[5]!);
    let prev = rows[1]!.hash;
    const rewritten = rows.map((row, i) => {
      if (i < 2) return row;
      const edited = i === 2 ? { ...row, after: { i: 999 } } : row;
      const hash = auditEventHash(prev, edited);
      const out = { ...edited, prevHash: prev, hash };
      prev = hash;
      return out;
    });
    const verdict = walk(rewritten, [signed]);
    expect(verdict).toMatchObject({
      ok: false,
      chainBreak: null,
      checked: 6,
      anchorBreak: { seq: "6", kind: "checkpoint", reason: "hash differs" },
    });
  });

  it("checks receipts like checkpoints, and an empty chain against a checkpoint is a cut", () => {
    const rows = chain(4);
    expect(walk(rows, [anchor(rows[1]!, "receipt")])).toMatchObject({
      ok: true,
      receiptsChecked: 1,
      latestCheckpoint: null,
      unsignedEvents: 4,
    });
    expect(walk([], [anchor(rows[1]!)])).toMatchObject({
      ok: false,
      anchorBreak: { seq: "2", reason: "chain ends before it", headSeq: null },
    });
  });

  it("reports a broken link before any anchor problem it causes", () => {
    const rows = chain(6);
    rows[2] = { ...rows[2]!, action: "edited" };
    const verdict = walk(rows, [anchor(rows[5]!)]);
    expect(verdict).toMatchObject({ ok: false, checked: 2, chainBreak: { seq: "3", reason: "content hash mismatch" }, anchorBreak: null });
  });
});

describe("the export and its offline verification", () => {
  const header = {
    type: "header" as const,
    format: AUDIT_EXPORT_FORMAT,
    exportedAt: "2026-12-02T14:00:00.000Z",
    publicKey: publicKeyPem(key),
    keyId: keyIdOf(key),
  };

  function exportOf(rows: AuditChainRow[], checkpoints: SignedCheckpoint[]): string[] {
    const lines = [
      exportLine(header),
      ...checkpoints.map((cp) => exportLine({ type: "checkpoint", ...cp })),
      ...rows.map((r) => exportLine({ type: "event", ...r })),
    ];
    const digest = new ExportDigest();
    for (const line of lines) digest.add(line);
    const last = rows.at(-1);
    const seal = {
      exportedAt: header.exportedAt,
      seq: last?.seq.toString() ?? "0",
      hash: last?.hash ?? "",
      digest: digest.hex(),
      keyId: keyIdOf(key),
    };
    return [...lines, exportLine({ type: "seal", ...seal, signature: signExportSeal(key, seal) })];
  }

  function verify(lines: string[], trusted = null as ReturnType<typeof parsePublicKey> | null) {
    const v = new ExportVerification(trusted);
    for (const line of lines) v.line(line.trimEnd());
    return v.finish();
  }

  it("reads back every line as it was written", () => {
    const row = chain(1)[0]!;
    expect(parseExportLine(exportLine({ type: "event", ...row }))).toEqual({ type: "event", ...row });
    const cp = checkpointOf(row);
    expect(parseExportLine(exportLine({ type: "checkpoint", ...cp }))).toEqual({ type: "checkpoint", ...cp });
  });

  it("passes an untouched export, page after page", () => {
    const rows = chain(4500);
    const verdict = verify(exportOf(rows, [checkpointOf(rows[1999]!), checkpointOf(rows[4499]!)]));
    expect(verdict).toMatchObject({ ok: true, checked: 4500, checkpointsChecked: 2, keyFromExport: true, keyId: keyIdOf(key) });
  });

  it("fails an export cut at its tail, with or without its seal, and one checked with another key", () => {
    const rows = chain(5);
    const lines = exportOf(rows, [checkpointOf(rows[4]!)]);
    expect(verify(lines.slice(0, -1))).toMatchObject({ ok: false, message: expect.stringMatching(/^Export cut short: it has no seal/) });
    expect(verify([...lines.slice(0, -3), lines.at(-1)!])).toMatchObject({
      ok: false,
      anchorBreak: { seq: "5", reason: "chain ends before it" },
      message: expect.stringMatching(/^The export was changed after it was sealed/),
    });
    // Sealed by the key, yet without any checkpoint: the export itself was made that way — still refused.
    const unsigned = exportOf(rows, []);
    expect(verify(unsigned)).toMatchObject({ ok: false, message: expect.stringMatching(/treat it as tampered/) });
    const other = parsePublicKey(publicKeyPem(parseSigningKey(generateSigningKeyText())));
    expect(verify(lines, other)).toMatchObject({
      ok: false,
      otherKeyCheckpoints: 1,
      keyFromExport: false,
      message: expect.stringMatching(/seal does not verify/),
    });
  });

  it("refuses anything after the seal", () => {
    const rows = chain(2);
    const lines = exportOf(rows, [checkpointOf(rows[1]!)]);
    expect(verify([...lines, exportLine({ type: "event", ...rows[1]! })])).toMatchObject({
      ok: false,
      malformed: expect.stringMatching(/a line after the seal/),
    });
  });

  it("fails a malformed export and says where", () => {
    const rows = chain(2);
    const lines = exportOf(rows, [checkpointOf(rows[1]!)]);
    expect(verify([lines[0]!, "{not json", ...lines.slice(1)])).toMatchObject({ ok: false, malformed: expect.stringMatching(/^line 2: /) });
    expect(verify(lines.slice(1))).toMatchObject({ ok: false, malformed: expect.stringMatching(/first line must be the header/) });
    expect(verify([])).toMatchObject({ ok: false, message: "The export is empty." });
  });
});

describe("canonicalJson is RFC 8785 (JCS) for JSON values", () => {
  it("gives back the same value, whatever the key order", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        // No whitespace outside strings, keys in UTF-16 code unit order at every level.
        const shuffled = JSON.parse(
          JSON.stringify(value, (_k, v: unknown) =>
            v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
          ),
        );
        expect(canonicalJson(shuffled)).toBe(text);
      }),
    );
  });

  it("matches the JCS examples for numbers, strings and key order", () => {
    // RFC 8785 section 3.2.3 (ordering by UTF-16 code units) and 3.2.2.3 (ECMAScript number form).
    expect(canonicalJson({ "\u20ac": 1, "\r": 2, "\ud83d\ude00": 3, "1": 4, "\u0080": 5, "\u00f6": 6 })).toBe(
      '{"\\r":2,"1":4,"\u0080":5,"\u00f6":6,"\u20ac":1,"\ud83d\ude00":3}',
    );
    expect(canonicalJson([1e21, 1e-7, 0.000001, -0, 333333333.3333333, 4.5])).toBe("[1e+21,1e-7,0.000001,0,333333333.3333333,4.5]");
    expect(canonicalJson('\u2028\u0007"\\/')).toBe('"\u2028\\u0007\\"\\\\/"');
  });
});
