// An audit export verified offline with `npm run audit:verify` (docs/decisions/012): an untouched
// export is intact; one cut, stripped of its newest events, edited and re-hashed, or checked with
// another key is tampered; a chain cut in the database exports as it is and then fails.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signAuditHead } from "@/lib/dal/audit-checkpoints";
import { exportAuditRecord } from "@/lib/dal/audit-export";
import { auditEventHash, type AuditChainRow } from "@/lib/domain/audit-chain";
import { generateSigningKeyText, parseSigningKey, publicKeyPem } from "@/lib/domain/audit-signature";
import type { Actor } from "@/lib/domain/roles";
import { appendTestEvents } from "@/tests/support/audit";
import { makeActor, pastAuditTrigger, resetTables } from "@/tests/support/db";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");

let auditor: Actor;
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "bulkhead-audit-export-"));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

beforeEach(async () => {
  await resetTables("AuditEvent", "AuditCheckpoint", "Contact", "User");
  auditor = await makeActor("AUDITOR");
});

const appendEvents = (n: number) => appendTestEvents(auditor, n);

describe("export and npm run audit:verify", () => {
  async function exportTo(file: string): Promise<string[]> {
    let text = "";
    for await (const line of await exportAuditRecord(auditor)) text += line;
    await writeFile(file, text);
    return text.trimEnd().split("\n");
  }

  async function auditVerify(...args: string[]): Promise<{ code: number; out: string }> {
    try {
      const { stdout } = await run(process.execPath, ["--import", "tsx", "scripts/audit-verify.ts", ...args], { cwd: root });
      return { code: 0, out: stdout };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, out: `${e.stdout}${e.stderr}` };
    }
  }

  it("verifies an untouched export offline, and fails one tampered at its tail", async () => {
    await appendEvents(4);
    const file = path.join(tmp, "export.jsonl");
    const lines = await exportTo(file);
    // Header, one checkpoint (signed for the export), the 4 events and the export's own audit event, the seal.
    expect(JSON.parse(lines[0]!)).toMatchObject({
      type: "header",
      format: "bulkhead.audit-export/v1",
      publicKey: expect.stringContaining("BEGIN PUBLIC KEY"),
    });
    expect(lines.filter((l) => l.includes('"type":"checkpoint"'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('"type":"event"'))).toHaveLength(5);
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ type: "seal", seq: "5" });

    const intact = await auditVerify(file);
    expect(intact.out).toMatch(/^INTACT: Chain intact: all 5 events verified; it reaches the latest signed checkpoint, #5\./);
    expect(intact.code).toBe(0);

    const write = async (name: string, kept: string[]) => {
      const out = path.join(tmp, name);
      await writeFile(out, `${kept.join("\n")}\n`);
      return auditVerify(out);
    };

    // Cut at the end: the last event and the seal after it.
    const cut = await write("cut.jsonl", lines.slice(0, -2));
    expect(cut.code).toBe(1);
    expect(cut.out).toMatch(/^TAMPERED: Export cut short: it has no seal/);

    // The newest events removed, the seal kept; and with the checkpoint removed as well.
    const withoutTail = lines.filter((l) => !l.includes('"seq":"4","at"') && !l.includes('"seq":"5","at"'));
    const keptSeal = await write("kept-seal.jsonl", withoutTail);
    expect(keptSeal.code).toBe(1);
    expect(keptSeal.out).toMatch(
      /^TAMPERED: The export was changed after it was sealed.*Chain truncated: it ends at #3, before the signed checkpoint at #5\./,
    );
    const noCheckpoint = await write(
      "no-checkpoint.jsonl",
      withoutTail.filter((l) => !l.includes('"type":"checkpoint"')),
    );
    expect(noCheckpoint.code).toBe(1);
    expect(noCheckpoint.out).toMatch(/^TAMPERED: The export was changed after it was sealed/);

    // The last event edited and its hash recomputed to match.
    const at = lines.findIndex((l) => l.includes('"type":"event"') && l.includes('"seq":"5"'));
    const row = JSON.parse(lines[at]!) as Record<string, unknown>;
    const edited: Record<string, unknown> = { ...row, after: { i: 999 } };
    edited.hash = auditEventHash(String(row.prevHash), { ...(edited as unknown as AuditChainRow), seq: 5n, at: new Date(String(row.at)) });
    const rehashed = await write(
      "rehashed.jsonl",
      lines.map((l, i) => (i === at ? JSON.stringify(edited) : l)),
    );
    expect(rehashed.code).toBe(1);
    expect(rehashed.out).toMatch(
      /^TAMPERED: The export was changed after it was sealed.*Chain rewritten: event #5 no longer has the hash of the signed checkpoint at #5\./,
    );

    // Checked with another public key than the one that signed, nothing is trusted.
    const keyFile = path.join(tmp, "other.pem");
    await writeFile(keyFile, publicKeyPem(parseSigningKey(generateSigningKeyText())));
    const otherKey = await auditVerify(file, "--public-key", keyFile);
    expect(otherKey.code).toBe(1);
    expect(otherKey.out).toMatch(/^TAMPERED: The export's seal does not verify with the signing key/);
  }, 60_000);

  it("exports a chain cut in the database as it is, and the export then fails offline", async () => {
    await appendEvents(4);
    await signAuditHead();
    await pastAuditTrigger(`DELETE FROM "AuditEvent" WHERE "seq" > 2`);
    const file = path.join(tmp, "cut-in-db.jsonl");
    await exportTo(file);
    const verdict = await auditVerify(file);
    expect(verdict.code).toBe(1);
    // The export's own event follows the cut (#3), so the chain now differs at the checkpoint's #4… or ends before it.
    expect(verdict.out).toMatch(/^TAMPERED: Chain (truncated|rewritten): .*the signed checkpoint at #4\./);
  }, 30_000);
});
