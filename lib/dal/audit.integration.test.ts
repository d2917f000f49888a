import { beforeEach, describe, expect, it } from "vitest";
import { appendAuditEvent } from "@/lib/dal/audit";
import { verifyAuditChain, verifyAuditRecordUnchecked } from "@/lib/dal/audit-log";
import { ForbiddenError } from "@/lib/dal/errors";
import { makeActor, pastAuditTrigger, resetTables, testDb } from "@/tests/support/db";

/** The chain's own verdict (links and hashes), as before checkpoints: what these tests are about. */
async function verifyAuditChainUnchecked() {
  const verdict = await verifyAuditRecordUnchecked();
  return verdict.chainBreak
    ? { ok: false, checked: verdict.checked, firstBreak: verdict.chainBreak }
    : { ok: verdict.ok, checked: verdict.checked };
}

beforeEach(async () => {
  await resetTables("AuditEvent", "Contact", "User");
});

describe("the audit hash chain", () => {
  it("does not fork when many transactions append at once", async () => {
    const actor = await makeActor("IR_MANAGER");
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        // 40 transactions queue for a pool of 4: allow them the wait a loaded machine needs.
        testDb().$transaction((tx) => appendAuditEvent(tx, { actor, action: "test.concurrent", targetId: String(i), after: { i } }), {
          maxWait: 60_000,
          timeout: 60_000,
        }),
      ),
    );
    const rows = await testDb().auditEvent.findMany({ orderBy: { seq: "asc" } });
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.prevHash)).size).toBe(40);
    expect(await verifyAuditChainUnchecked()).toEqual({ ok: true, checked: 40 });
  });

  it("hashes in the database exactly as the verifier does, whatever the text holds", async () => {
    const actor = await makeActor("IR_MANAGER");
    const awkward = ["it's", 'quote " and backslash \\', "line\nbreak\ttab", "ünïcödé ✓ 🚨", '"seq":"1"', "$1 $$ E'\\n'", ""];
    for (const [i, text] of awkward.entries()) {
      await testDb().$transaction((tx) =>
        appendAuditEvent(tx, {
          actor,
          action: `test.${text}`,
          targetId: text,
          before: { text, list: [text, 1.5, true, null], big: 12345678901234567890n },
          after: { i, at: new Date(Date.UTC(2026, 10, 28, 12, 0, i)), nested: { [text]: text } },
          origin: { ip: "203.0.113.9", userAgent: text, requestId: `req-${i}` },
        }),
      );
    }
    const rows = await testDb().auditEvent.findMany({ orderBy: { seq: "asc" }, select: { targetId: true, userAgent: true, before: true } });
    expect(rows.map((r) => r.targetId)).toEqual(awkward);
    expect(rows.map((r) => r.userAgent)).toEqual(awkward);
    expect(rows[1]!.before).toEqual({ text: awkward[1], list: [awkward[1], 1.5, true, null], big: "12345678901234567890" });
    expect(await verifyAuditChainUnchecked()).toEqual({ ok: true, checked: awkward.length });
  });

  it("leaves no audit row when the change it belongs to rolls back", async () => {
    const actor = await makeActor("ADMIN");
    await expect(
      testDb().$transaction(async (tx) => {
        await appendAuditEvent(tx, { actor, action: "test.rolled_back" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await testDb().auditEvent.count()).toBe(0);
  });

  it("finds the first altered row, even one altered directly in the database", async () => {
    const actor = await makeActor("AUDITOR");
    for (let i = 0; i < 5; i++) {
      await testDb().$transaction((tx) => appendAuditEvent(tx, { actor, action: "test.event", after: { i, nested: { z: 1, a: 2 } } }));
    }
    expect(await verifyAuditChainUnchecked()).toEqual({ ok: true, checked: 5 });
    await pastAuditTrigger(`UPDATE "AuditEvent" SET "after" = '{"i": 99}' WHERE "seq" = 3`);
    expect(await verifyAuditChainUnchecked()).toMatchObject({
      ok: false,
      checked: 2,
      firstBreak: { seq: "3", reason: "content hash mismatch" },
    });
  });

  it("lets auditors verify, records the verification, and refuses responders", async () => {
    const auditor = await makeActor("AUDITOR");
    const verdict = await verifyAuditChain(auditor);
    expect(verdict.ok).toBe(true);
    expect(await testDb().auditEvent.count({ where: { action: "audit.verify_chain", actorId: auditor.id } })).toBe(1);
    const responder = await makeActor("RESPONDER");
    await expect(verifyAuditChain(responder)).rejects.toThrow(ForbiddenError);
    expect(await verifyAuditChainUnchecked()).toMatchObject({ ok: true });
  });
});
