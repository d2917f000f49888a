import { execFileSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/domain/roles";
import { makeActor, testDb } from "@/tests/support/db";
import { expectedContent, uploadRequest, uniqueSeed } from "@/tests/support/evidence";
import { incident, resetRuns } from "@/tests/support/runs";

// Uploads through the route as a browser or curl sends them: streamed multipart, hashed on the
// way, content-addressed, refused whole when too large or cut off. The store is a real directory.

const dir = await fs.mkdtemp(path.join(os.tmpdir(), "bulkhead-evidence-"));
process.env.BULKHEAD_EVIDENCE_DIR = dir;
process.env.BULKHEAD_EVIDENCE_MAX_BYTES = String(210 * 1024 * 1024);

const signedIn = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => signedIn.actor }));
const { POST } = await import("@/app/api/incidents/[key]/evidence/route");
const download = (await import("@/app/api/evidence/[id]/download/route")).GET;

const MiB = 1024 * 1024;
let key: string;

const post = (spec: Parameters<typeof uploadRequest>[1], headers?: Record<string, string>) =>
  POST(uploadRequest(`http://bulkhead.test/api/incidents/${key}/evidence`, spec, headers), { params: Promise.resolve({ key }) });

/** Every file under the store, relative to it. */
async function storedFiles(): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    for (const e of await fs.readdir(d, { withFileTypes: true }).catch(() => [])) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else out.push(path.relative(dir, p));
    }
  };
  await walk(dir);
  return out.sort();
}

beforeEach(async () => {
  await resetRuns();
  await fs.rm(dir, { recursive: true, force: true });
  signedIn.actor = await makeActor("RESPONDER", "riley");
  key = (await incident()).key;
});

afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const fields = { kind: "CHECKPOINT", description: "kubelet checkpoint of api", podName: "payments-api-7d9f-abcde" };

describe("POST /api/incidents/<key>/evidence", () => {
  it("streams 200 MB to the store with the hash sha256sum computes, in flat memory, and registers it with COLLECTED", async () => {
    const spec = { fields, fileName: "checkpoint-api.tar", size: 200 * MiB, seed: uniqueSeed() };
    const expected = expectedContent(spec);
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const response = await post(spec);
    clearInterval(sampler);
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: string; sha256: string; size: number; number: number };
    expect(body).toMatchObject({ sha256: expected.sha256, size: expected.size, number: 1 });
    const stored = path.join(dir, "sha256", body.sha256.slice(0, 2), body.sha256);
    expect(execFileSync("sha256sum", [stored], { encoding: "utf8" }).split(" ")[0]).toBe(expected.sha256);
    expect(await storedFiles()).toEqual([path.join("sha256", body.sha256.slice(0, 2), body.sha256)]);
    // Not the upload held in memory: its size is 200 MB.
    expect(peak - before).toBeLessThan(80 * MiB);
    const row = await testDb().evidence.findUniqueOrThrow({ where: { id: body.id }, include: { custodyEvents: true } });
    expect(row).toMatchObject({
      kind: "CHECKPOINT",
      fileName: "checkpoint-api.tar",
      storageKey: expected.sha256,
      sizeBytes: BigInt(expected.size),
    });
    expect(row.custodyEvents.map((c) => c.action)).toEqual(["COLLECTED"]);
  });

  it("answers 413 past BULKHEAD_EVIDENCE_MAX_BYTES and keeps nothing, whether or not Content-Length said so", async () => {
    const declared = await post({ fields, size: MiB }, { "content-length": String(300 * MiB) });
    expect(declared.status).toBe(413);
    const streamed = await post({ fields, size: 211 * MiB });
    expect(streamed.status).toBe(413);
    expect(((await streamed.json()) as { error: string }).error).toMatch(/larger than the evidence limit.*nothing was kept/);
    expect(await storedFiles()).toEqual([]);
    expect(await testDb().evidence.count()).toBe(0);
  });

  it("keeps no file and no row of an upload that is cut off", async () => {
    const response = await post({ fields, size: 50 * MiB, abortAfter: 20 * MiB });
    expect(response.status).toBe(400);
    expect(await storedFiles()).toEqual([]);
    expect(await testDb().evidence.count()).toBe(0);
  });

  it("stores the same content once, numbering each registration and naming the earlier one", async () => {
    const spec = { fields, size: 3 * MiB, seed: uniqueSeed() };
    const first = (await (await post(spec)).json()) as { storedNewContent: boolean; number: number };
    const second = (await (await post(spec)).json()) as { storedNewContent: boolean; number: number; sameContentAs: number[] };
    expect([first.storedNewContent, second.storedNewContent]).toEqual([true, false]);
    expect(second).toMatchObject({ number: 2, sameContentAs: [1] });
    expect(await storedFiles()).toHaveLength(1);
  });

  it("keeps a path in the file name as metadata only, and downloads it as a neutral attachment recorded as ACCESSED", async () => {
    const spec = { fields, fileName: "../../../etc/cron.d/x<script>.html", size: 1024, seed: uniqueSeed() };
    const created = (await (await post(spec)).json()) as { id: string; sha256: string };
    expect(await storedFiles()).toEqual([path.join("sha256", created.sha256.slice(0, 2), created.sha256)]);
    const response = await download(new Request(`http://bulkhead.test/api/evidence/${created.id}/download`), {
      params: Promise.resolve({ id: created.id }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/octet-stream");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="[\w.-]+"; filename\*=UTF-8''[^/"\\]+$/);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.length).toBe(1024);
    const custody = await testDb().custodyEvent.findMany({ where: { evidenceId: created.id }, orderBy: { at: "asc" } });
    expect(custody.map((c) => c.action)).toEqual(["COLLECTED", "ACCESSED"]);
  });

  it("refuses a collector's hash that does not match the bytes, and a form without a file, keeping nothing", async () => {
    const wrong = await post({ fields: { ...fields, sha256: "0".repeat(64) }, size: 4096, seed: uniqueSeed() });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: string }).error).toMatch(/not the 0{64} you computed/);
    const badKind = await post({ fields: { ...fields, kind: "SCREENSHOT" }, size: 10 });
    expect(badKind.status).toBe(400);
    expect(await storedFiles()).toEqual([]);
    expect(await testDb().evidence.count()).toBe(0);
  });

  it("reads not one byte from someone who may not add evidence (an auditor), nor from another site", async () => {
    signedIn.actor = await makeActor("AUDITOR", "avery");
    expect((await post({ fields, size: 10 })).status).toBe(404);
    signedIn.actor = await makeActor("RESPONDER", "robin");
    expect((await post({ fields, size: 10 }, { origin: "https://evil.example", host: "bulkhead.test" })).status).toBe(403);
    expect(await storedFiles()).toEqual([]);
  });
});
