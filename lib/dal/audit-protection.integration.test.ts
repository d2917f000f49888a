// The audit record the database protects (docs/decisions/012): the app's role cannot change or
// remove audit rows, nobody can without the harness's escape hatch, and a chain cut at its end or
// re-hashed after an edit fails verification against its signed checkpoints — in the app and
// through a receipt. Offline verification of an export is audit-export.integration.test.ts.
import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import { signAuditHead } from "@/lib/dal/audit-checkpoints";
import { exportAuditRecord } from "@/lib/dal/audit-export";
import { getAuditReceipt, verifyAuditChain, verifyAuditReceipt, verifyAuditRecordUnchecked } from "@/lib/dal/audit-log";
import { ForbiddenError, ValidationError } from "@/lib/dal/errors";
import { auditEventHash, type AuditChainRow } from "@/lib/domain/audit-chain";
import { generateSigningKeyText, parseSigningKey, publicKeyPem } from "@/lib/domain/audit-signature";
import type { Actor } from "@/lib/domain/roles";
import { appendTestEvents } from "@/tests/support/audit";
import { makeActor, pastAuditTrigger, resetTables, testDatabaseUrl, testDb, testOwnerUrl } from "@/tests/support/db";
import { applyMigrations } from "@/scripts/lib/migrate";

let auditor: Actor;

beforeEach(async () => {
  await resetTables("AuditEvent", "AuditCheckpoint", "Contact", "User");
  auditor = await makeActor("AUDITOR");
});

const appendEvents = (n: number) => appendTestEvents(auditor, n);

/** One statement as the app's own database role (what DATABASE_URL is in production). */
async function asAppRole(sql: string): Promise<unknown> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

async function chainRows(): Promise<AuditChainRow[]> {
  return testDb().auditEvent.findMany({ orderBy: { seq: "asc" } });
}

/** Edits event `seq` and recomputes every hash after it, the way someone covering their tracks would. */
async function editAndRehash(seq: number): Promise<void> {
  const rows = await chainRows();
  const statements: string[] = [];
  let prev = rows[seq - 2]!.hash;
  for (const row of rows.slice(seq - 1)) {
    const edited = row.seq === BigInt(seq) ? { ...row, after: { i: 999 } } : row;
    const hash = auditEventHash(prev, edited);
    statements.push(
      `UPDATE "AuditEvent" SET "after" = '${JSON.stringify(edited.after)}'::jsonb, "prevHash" = '${prev}', "hash" = '${hash}' WHERE "seq" = ${row.seq}`,
    );
    prev = hash;
  }
  await pastAuditTrigger(...statements);
}

describe("the database protects the audit tables", () => {
  it("refuses UPDATE, DELETE and TRUNCATE on the audit tables to the app's role", async () => {
    await appendEvents(2);
    await signAuditHead();
    for (const table of ["AuditEvent", "AuditCheckpoint"]) {
      for (const sql of [`UPDATE "${table}" SET "hash" = 'x'`, `DELETE FROM "${table}"`, `TRUNCATE "${table}" CASCADE`]) {
        await expect(asAppRole(sql), sql).rejects.toMatchObject({ code: "42501", message: expect.stringMatching(/permission denied/) });
      }
    }
    // It can read and append: the app's work.
    await expect(asAppRole(`SELECT count(*) FROM "AuditEvent"`)).resolves.toMatchObject({ rows: [{ count: "2" }] });
    expect(await testDb().auditEvent.count()).toBe(2);
    expect(await testDb().auditCheckpoint.count()).toBe(1);
  });

  it("refuses them to the owner too (the trigger), with no way round it but the harness's", async () => {
    await appendEvents(2);
    await signAuditHead();
    for (const table of ["AuditEvent", "AuditCheckpoint"]) {
      for (const sql of [`UPDATE "${table}" SET "hash" = 'x'`, `DELETE FROM "${table}"`, `TRUNCATE "${table}" CASCADE`]) {
        await expect(testDb().$executeRawUnsafe(sql), sql).rejects.toThrow(/refused: the audit record is append-only/);
      }
    }
    expect(await testDb().auditEvent.count()).toBe(2);
  });

  it("covers tables a later migration adds (default privileges), but not the audit tables' protection", async () => {
    await testDb().$executeRaw`CREATE TABLE "LaterTable" (id int)`;
    try {
      await asAppRole(`INSERT INTO "LaterTable" VALUES (1)`);
      await expect(asAppRole(`UPDATE "LaterTable" SET id = 2`)).resolves.toMatchObject({ rowCount: 1 });
      await expect(asAppRole(`TRUNCATE "LaterTable"`)).rejects.toMatchObject({ code: "42501" });
    } finally {
      await testDb().$executeRaw`DROP TABLE "LaterTable"`;
    }
  });

  it("gives the app's role no DDL, and the migration history to read only", async () => {
    await expect(asAppRole(`CREATE TABLE "Intruder" (id int)`)).rejects.toMatchObject({ code: "42501" });
    await expect(asAppRole(`ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`)).rejects.toMatchObject({ code: "42501" });
    await expect(asAppRole(`DELETE FROM "_prisma_migrations"`)).rejects.toMatchObject({ code: "42501" });
    await expect(asAppRole(`SELECT count(*) FROM "_prisma_migrations"`)).resolves.toMatchObject({ rowCount: 1 });
  });

  it("lets an instance given only the app's role start: nothing to migrate, and no warning", async () => {
    const lines: string[] = [];
    await expect(applyMigrations(testDatabaseUrl(), { log: (line) => lines.push(line) })).resolves.toEqual({ applied: [] });
    expect(lines).toEqual([]);
    // Whereas the owner (here a superuser) running the app itself is warned about.
    await applyMigrations(testOwnerUrl(), { log: (line) => lines.push(line) });
    expect(lines).toEqual([
      expect.stringMatching(/^Warning: the app connects to the database as \S+, which may UPDATE, DELETE and TRUNCATE the audit table/),
    ]);
  });
});

describe("signed checkpoints", () => {
  it("verifies an untouched chain up to its latest signed checkpoint", async () => {
    await appendEvents(5);
    const verdict = await verifyAuditChain(auditor);
    expect(verdict).toMatchObject({ ok: true, checked: 5, latestCheckpoint: { seq: "5" }, checkpointsChecked: 1, unsignedEvents: 0 });
    expect(verdict.message).toBe("Chain intact: all 5 events verified; it reaches the latest signed checkpoint, #5.");
  });

  it("fails a chain whose newest events were removed, and signs nothing after it", async () => {
    await appendEvents(6);
    expect((await signAuditHead()).status).toBe("signed");
    await pastAuditTrigger(`DELETE FROM "AuditEvent" WHERE "seq" > 4`);
    const verdict = await verifyAuditRecordUnchecked();
    expect(verdict).toMatchObject({
      ok: false,
      chainBreak: null,
      anchorBreak: { seq: "6", kind: "checkpoint", reason: "chain ends before it", headSeq: "4" },
    });
    expect(verdict.message).toMatch(/^Chain truncated: it ends at #4, before the signed checkpoint at #6\./);
    // New events after the cut do not get the cut signed.
    await appendEvents(3);
    expect(await signAuditHead()).toMatchObject({ status: "refused" });
    expect(await verifyAuditRecordUnchecked()).toMatchObject({ ok: false, anchorBreak: { seq: "6", reason: "hash differs" } });
  });

  it("fails a chain edited and re-hashed from some event on", async () => {
    await appendEvents(6);
    await signAuditHead();
    await editAndRehash(3);
    const verdict = await verifyAuditRecordUnchecked();
    // Every link and hash is consistent again; only the signed checkpoint tells.
    expect(verdict).toMatchObject({
      ok: false,
      chainBreak: null,
      checked: 6,
      anchorBreak: { seq: "6", kind: "checkpoint", reason: "hash differs" },
    });
    expect(verdict.message).toMatch(/^Chain rewritten: event #6 no longer has the hash of the signed checkpoint at #6\./);
  });

  it("treats a checkpoint that names the key but was not signed with it as a forgery", async () => {
    await appendEvents(2);
    const { checkpoint } = (await signAuditHead()) as { checkpoint: { keyId: string; hash: string } };
    await appendEvents(1);
    // The app's role may insert (append) checkpoints: a forged one is caught by its signature.
    await asAppRole(
      `INSERT INTO "AuditCheckpoint" (id, seq, hash, "keyId", signature) SELECT 'forged', 3, hash, '${checkpoint.keyId}', 'AAAA' FROM "AuditEvent" WHERE seq = 3`,
    );
    expect(await verifyAuditRecordUnchecked()).toMatchObject({ ok: false, forgedCheckpoint: "3" });
  });
});

describe("receipts", () => {
  it("proves the chain still extends a receipt, and stops proving it once the chain is cut", async () => {
    await appendEvents(3);
    const receipt = await getAuditReceipt(auditor);
    expect(receipt).toMatchObject({
      format: "bulkhead.audit-receipt/v1",
      seq: "3",
      publicKey: expect.stringContaining("BEGIN PUBLIC KEY"),
    });
    await appendEvents(2);
    expect(await verifyAuditReceipt(auditor, receipt)).toMatchObject({ ok: true, receiptsChecked: 1 });

    await expect(verifyAuditReceipt(auditor, { ...receipt, hash: "0".repeat(64) })).rejects.toThrow(ValidationError);
    const otherKey = parseSigningKey(generateSigningKeyText());
    await expect(verifyAuditReceipt(auditor, { ...receipt, keyId: "0123456789abcdef", publicKey: publicKeyPem(otherKey) })).rejects.toThrow(
      /signed by key 0123456789abcdef/,
    );

    await pastAuditTrigger(`DELETE FROM "AuditEvent" WHERE "seq" >= 3`, `DELETE FROM "AuditCheckpoint"`);
    expect(await verifyAuditReceipt(auditor, receipt)).toMatchObject({
      ok: false,
      anchorBreak: { seq: "3", kind: "receipt", reason: "chain ends before it" },
    });
  });

  it("is for those who read the audit log only", async () => {
    await appendEvents(1);
    const responder = await makeActor("RESPONDER");
    await expect(getAuditReceipt(responder)).rejects.toThrow(ForbiddenError);
    await expect(exportAuditRecord(responder)).rejects.toThrow(ForbiddenError);
  });
});
