import { execFileSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import pg from "pg";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/domain/roles";
import { makeActor, testDatabaseUrl, testDb, testOwnerUrl } from "@/tests/support/db";
import { incident, resetRuns } from "@/tests/support/runs";

// The chain of custody and the record around it: append-only in PostgreSQL itself, verification
// that catches a flipped byte on disk, the sealed alert record, and the forensic package read back
// with tar and sha256sum -c.

const dir = await fs.mkdtemp(path.join(os.tmpdir(), "bulkhead-custody-"));
process.env.BULKHEAD_EVIDENCE_DIR = dir;

const signedIn = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => signedIn.actor }));
const { evidenceStore } = await import("@/lib/storage/evidence-store");
const { recordUploadedEvidence, registerExternalEvidence } = await import("@/lib/dal/evidence/register");
const { recordCustodyEvent, verifyEvidence, verifyIncidentEvidence } = await import("@/lib/dal/evidence/custody");
const { sealAlertRecord } = await import("@/lib/dal/evidence/seal");
const { listIncidentEvidence } = await import("@/lib/dal/evidence/read");
const forensics = (await import("@/app/api/incidents/[key]/forensics/route")).GET;

let responder: Actor;
let inc: { id: string; key: string };

const fields = {
  kind: "LOGS" as const,
  description: "kubectl logs --previous",
  containerId: null,
  podName: "payments-api-7d9f-abcde",
  nodeName: null,
  imageDigest: null,
  collectedAt: null,
  collectedById: null,
  runStepId: null,
  sha256: null,
};

async function upload(text: string, fileName = "api.log") {
  const staged = await evidenceStore().stage(Readable.from([Buffer.from(text)]), 1024 * 1024);
  return recordUploadedEvidence(responder, inc, { ...fields, fileName }, staged);
}

beforeEach(async () => {
  await resetRuns();
  await fs.rm(dir, { recursive: true, force: true });
  responder = await makeActor("RESPONDER", "riley");
  signedIn.actor = responder;
  inc = await incident();
});

afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe("the chain of custody", () => {
  it("is append-only in PostgreSQL: the app's role and even the owner cannot UPDATE or DELETE custody or evidence hashes", async () => {
    const item = await upload("line 1\n");
    for (const url of [testDatabaseUrl(), testOwnerUrl()]) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        for (const sql of [
          `UPDATE "CustodyEvent" SET note = 'edited' WHERE "evidenceId" = '${item.id}'`,
          `DELETE FROM "CustodyEvent" WHERE "evidenceId" = '${item.id}'`,
          `UPDATE "Evidence" SET sha256 = '${"0".repeat(64)}' WHERE id = '${item.id}'`,
          `DELETE FROM "Evidence" WHERE id = '${item.id}'`,
          `TRUNCATE "CustodyEvent"`,
        ]) {
          await expect(client.query(sql), `${sql} as ${new URL(url).username}`).rejects.toThrow(/permission denied|refused/);
        }
      } finally {
        await client.end();
      }
    }
    const row = await testDb().evidence.findUniqueOrThrow({ where: { id: item.id }, include: { custodyEvents: true } });
    expect(row.sha256).toBe(item.sha256);
    expect(row.custodyEvents.map((c) => c.note)).not.toContain("edited");
  });

  it("records transfers from the holder to the next, then a release with its reason, after which nothing more is handed over", async () => {
    const item = await upload("line 2\n");
    await recordCustodyEvent(responder, {
      evidenceId: item.id,
      action: "TRANSFERRED",
      fromParty: null,
      toParty: "Legal (Mara Iyer)",
      note: null,
    });
    await recordCustodyEvent(responder, {
      evidenceId: item.id,
      action: "RELEASED",
      fromParty: null,
      toParty: null,
      note: "Handed to police, case 4411",
    });
    await expect(
      recordCustodyEvent(responder, { evidenceId: item.id, action: "TRANSFERRED", fromParty: null, toParty: "Someone", note: null }),
    ).rejects.toThrow(/released from custody/);
    const { items } = await listIncidentEvidence(responder, inc.key);
    expect(items[0]!.custody.map((c) => [c.action, c.fromParty, c.toParty])).toEqual([
      ["COLLECTED", null, null],
      ["TRANSFERRED", responder.name, "Legal (Mara Iyer)"],
      ["RELEASED", null, null],
    ]);
    expect(items[0]!.state).toMatchObject({ status: "RELEASED", holder: "Legal (Mara Iyer)" });
    const audited = await testDb().auditEvent.findMany({ where: { targetId: item.id }, select: { action: true }, orderBy: { seq: "asc" } });
    expect(audited.map((a) => a.action)).toEqual(["evidence.register", "evidence.transferred", "evidence.released"]);
  });

  it("verification re-hashes the stored bytes and records a flipped byte on disk as a mismatch, loudly and for good", async () => {
    const item = await upload("the original bytes\n");
    expect(await verifyEvidence(responder, item.id)).toMatchObject({ matched: true });
    const file = path.join(dir, "sha256", item.sha256.slice(0, 2), item.sha256);
    await fs.chmod(file, 0o644);
    const bytes = await fs.readFile(file);
    bytes[0] = bytes[0]! ^ 0x01;
    await fs.writeFile(file, bytes);
    const auditor = await makeActor("AUDITOR", "avery");
    const { results } = await verifyIncidentEvidence(auditor, inc.key);
    expect(results).toEqual([expect.objectContaining({ matched: false, message: expect.stringMatching(/MISMATCH/) })]);
    const { items } = await listIncidentEvidence(auditor, inc.key);
    expect(items[0]!.state).toMatchObject({ everMismatched: true, lastVerification: { matched: false } });
    const timeline = await testDb().timelineEntry.findMany({ where: { incidentId: inc.id, kind: "EVIDENCE" } });
    expect(timeline.some((t) => /MISMATCH/.test(t.message))).toBe(true);
    const failure = await testDb().auditEvent.findFirstOrThrow({
      where: { targetId: item.id, action: "evidence.verified", outcome: "FAILURE" },
    });
    expect(failure.actorId).toBe(auditor.id);
  });

  it("refuses custody changes and registration to auditors, and audits the refusal", async () => {
    const item = await upload("line 3\n");
    const auditor = await makeActor("AUDITOR", "avery");
    await expect(
      recordCustodyEvent(auditor, { evidenceId: item.id, action: "DISPOSED", fromParty: null, toParty: null, note: "x" }),
    ).rejects.toThrow(/permission/);
    expect(await testDb().auditEvent.count({ where: { actorId: auditor.id, outcome: "DENIED" } })).toBe(1);
  });
});

describe("the sealed alert record and the forensic package", () => {
  it("seals the alerts as canonical NDJSON once, and refuses to seal them again unchanged", async () => {
    const sealed = await sealAlertRecord(responder, inc.key);
    expect(sealed).toMatchObject({ kind: "ALERT_RECORD", number: 1 });
    const stored = await fs.readFile(path.join(dir, "sha256", sealed.sha256.slice(0, 2), sealed.sha256), "utf8");
    const lines = stored.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(Object.keys(JSON.parse(lines[0]!) as object)).toEqual(["alertId", "event", "receivedAt"]);
    await expect(sealAlertRecord(responder, inc.key)).rejects.toThrow(/unchanged since it was sealed as E1/);
  });

  it("streams a tar that sha256sum -c accepts, with custody, timeline and manifest, and records an access of every file", async () => {
    const log = await upload("container log\n", "../../evil name.log");
    await sealAlertRecord(responder, inc.key);
    await registerExternalEvidence(responder, {
      ...fields,
      kind: "IMAGE",
      incidentKey: inc.key,
      storageLocation: "ghcr.io/acme/payments-api@sha256:feedfeedfeedfeedfeedfeedfeedfeedfeedfeedfeedfeedfeedfeedfeedfeed",
      sha256: "feedfeedfeedfeedfeedfeedfeedfeedfeedfeedfeedfeedfeedfeedfeedfeed",
      sizeBytes: null,
    });
    const auditor = await makeActor("AUDITOR", "avery");
    signedIn.actor = auditor;
    const response = await forensics(new Request(`http://bulkhead.test/api/incidents/${inc.key}/forensics`), {
      params: Promise.resolve({ key: inc.key }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-tar");
    const out = await fs.mkdtemp(path.join(os.tmpdir(), "bulkhead-package-"));
    try {
      await fs.writeFile(path.join(out, "p.tar"), Buffer.from(await response.arrayBuffer()));
      execFileSync("tar", ["xf", "p.tar"], { cwd: out });
      const top = path.join(out, inc.key);
      const check = execFileSync("sha256sum", ["-c", "SHA256SUMS"], { cwd: top, encoding: "utf8" });
      expect(check.trim().split("\n")).toHaveLength(5);
      expect(check).not.toMatch(/FAILED/);
      const files = execFileSync("tar", ["tf", "p.tar"], { cwd: out, encoding: "utf8" }).trim().split("\n");
      expect(files.every((f) => f.startsWith(`${inc.key}/`) && !f.includes(".."))).toBe(true);
      const manifest = JSON.parse(await fs.readFile(path.join(top, "manifest.json"), "utf8")) as {
        items: { intact: boolean | null; fileName: string | null }[];
      };
      expect(manifest.items.map((i) => i.intact)).toEqual([true, true, null]);
      expect(manifest.items[0]!.fileName).toBe("../../evil name.log");
    } finally {
      await fs.rm(out, { recursive: true, force: true });
    }
    const accessed = await testDb().custodyEvent.findMany({ where: { action: "ACCESSED", actorId: auditor.id } });
    expect(accessed.map((a) => a.evidenceId).sort()).toHaveLength(2);
    expect(accessed.some((a) => a.evidenceId === log.id)).toBe(true);
  });
});
