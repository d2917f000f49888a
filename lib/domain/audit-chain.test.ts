import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  auditEventHash,
  auditHashText,
  canonicalJson,
  GENESIS_HASH,
  verifyChainSegment,
  type AuditChainRow,
  type AuditHashFields,
} from "@/lib/domain/audit-chain";

function chain(length: number): AuditChainRow[] {
  const rows: AuditChainRow[] = [];
  let prevHash = GENESIS_HASH;
  for (let i = 1; i <= length; i++) {
    const fields: AuditHashFields = {
      seq: BigInt(i),
      at: new Date(Date.UTC(2026, 10, 28, 6, 0, i)),
      actorId: `user-${i % 3}`,
      actorEmail: `user${i % 3}@bulkhead.local`,
      actorRole: "RESPONDER",
      action: i % 2 ? "auth.sign_in" : "user.change_role",
      outcome: "SUCCESS",
      targetType: "User",
      targetId: `user-${i}`,
      before: i % 2 ? null : { role: "AUDITOR", nested: { b: 1, a: [1, 2] } },
      after: i % 2 ? null : { role: "RESPONDER" },
      ip: "10.0.0.7",
      userAgent: "test",
      requestId: `req-${i}`,
    };
    const hash = auditEventHash(prevHash, fields);
    rows.push({ ...fields, id: `ev-${i}`, prevHash, hash });
    prevHash = hash;
  }
  return rows;
}

describe("auditHashText", () => {
  const fields: AuditHashFields = {
    seq: 1234n,
    at: new Date(Date.UTC(2026, 10, 28, 12, 0, 0, 7)),
    actorId: null,
    actorEmail: "source:falco-prod",
    actorRole: null,
    action: "alerts.ingest",
    outcome: "SUCCESS",
    targetType: "DetectionSource",
    targetId: "src-1",
    before: null,
    after: { accepted: 3, note: 'quote " backslash \\ newline \n seq "seq":"1" ünïcödé ✓' },
    ip: "10.0.0.7",
    userAgent: null,
    requestId: "req-1",
  };

  it("splits the covered text where the sequence number goes, so SQL can finish it", () => {
    const { head, tail } = auditHashText(fields);
    const covered = canonicalJson({ ...fields, seq: fields.seq.toString(), at: fields.at.toISOString() });
    expect(`${head}1234${tail}`).toBe(covered);
    expect(head.endsWith('"seq":"')).toBe(true);
  });

  it("hashes exactly as sha256(prevHash, newline, canonical fields)", () => {
    const covered = canonicalJson({ ...fields, seq: "1234", at: fields.at.toISOString() });
    const expected = createHash("sha256").update(`${GENESIS_HASH}\n${covered}`).digest("hex");
    expect(auditEventHash(GENESIS_HASH, fields)).toBe(expected);
  });

  it("refuses a value that holds the stand-in for the sequence number (a NUL, which jsonb cannot store anyway)", () => {
    expect(() => auditHashText({ ...fields, after: { seq: "\u0000" } })).toThrow(/NUL/);
  });
});

describe("canonicalJson", () => {
  it("does not depend on key order, as jsonb reorders keys", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 1 }),
    );
  });

  it("treats undefined members as absent and bigints as strings", () => {
    expect(canonicalJson({ a: undefined, b: 2n })).toBe('{"b":"2"}');
  });
});

describe("verifyChainSegment", () => {
  it("accepts an intact chain", () => {
    expect(verifyChainSegment(chain(10), null)).toEqual({ ok: true, checked: 10 });
  });

  it("accepts an empty chain", () => {
    expect(verifyChainSegment([], null)).toEqual({ ok: true, checked: 0 });
  });

  it("continues from the last verified row when verifying in pages", () => {
    const rows = chain(6);
    const last = rows[2]!;
    expect(verifyChainSegment(rows.slice(3), { seq: last.seq, hash: last.hash })).toEqual({ ok: true, checked: 3 });
  });

  it("reports an altered row as the first broken link", () => {
    const rows = chain(8);
    rows[4] = { ...rows[4]!, after: { role: "ADMIN" } };
    expect(verifyChainSegment(rows, null)).toEqual({
      ok: false,
      checked: 4,
      firstBreak: { seq: "5", id: "ev-5", reason: "content hash mismatch" },
    });
  });

  it("reports a removed row as a sequence gap", () => {
    const rows = chain(8);
    rows.splice(2, 1);
    const verdict = verifyChainSegment(rows, null);
    expect(verdict).toMatchObject({ ok: false, checked: 2, firstBreak: { seq: "4", reason: "sequence gap" } });
  });

  it("reports a row whose hash was recomputed after tampering by the next row's link", () => {
    const rows = chain(5);
    const tampered = { ...rows[1]!, action: "user.delete" };
    tampered.hash = auditEventHash(tampered.prevHash, tampered);
    rows[1] = tampered;
    expect(verifyChainSegment(rows, null)).toMatchObject({
      ok: false,
      checked: 2,
      firstBreak: { seq: "3", reason: "previous hash mismatch" },
    });
  });
});
