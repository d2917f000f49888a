// `npm run bench:evidence`: evidence uploads are streamed, hashed on the way and never held in
// memory. Against the production build on a throwaway PostgreSQL, uploads a 1 GiB file (different
// content each round: a round-specific first block) to POST /api/incidents/<key>/evidence over
// loopback, from disk, sampling the server's memory meanwhile; then re-hashes the stored item with
// POST /api/evidence/<id>/verify. The baseline, in the same run, is `sha256sum` of the same file:
// the hashing alone, with no network, parsing or storage. Prints the machine, the medians and the
// ratios (Node's own sha256, which has the CPU's SHA instructions where coreutils may not, is
// printed beside it). Targets (issue 13): upload throughput ≥ 0.5 × sha256sum's, server RSS growth < 64 MB.
import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { promisify } from "node:util";
import pg from "pg";
import { httpText, machineLine, median, numberArg, signIn, treeRss } from "./lib/bench";
import { runBench, startBenchApp, type BenchScratch } from "./lib/bench-run";

const MiB = 1024 * 1024;
const SIZE = numberArg("mib", 1024) * MiB;
const ROUNDS = numberArg("rounds", 3);
const BOUNDARY = "----bulkhead-bench-evidence-9f8e7d6c";
const RESPONDER = "responder@bulkhead.local";
const PASSWORD = "bulkhead-demo";

const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });

/** 1 GiB on disk, written 1 MiB at a time: random bytes with the block's index in front, so no two blocks are equal. */
async function writeFile(file: string): Promise<void> {
  const handle = await open(file, "w");
  try {
    const block = randomBytes(MiB);
    for (let offset = 0; offset < SIZE; offset += MiB) {
      block.writeUInt32BE(offset / MiB, 0);
      await handle.write(block, 0, Math.min(MiB, SIZE - offset));
    }
  } finally {
    await handle.close();
  }
}

/** sha256sum of the file: the seconds it took (the file is in the page cache by then, as it is for the upload). */
async function sha256sumSeconds(file: string): Promise<number> {
  const started = performance.now();
  await promisify(execFile)("sha256sum", [file]);
  return (performance.now() - started) / 1000;
}

/** The same hash in this process with Node's crypto (what the server uses, OpenSSL), read from disk the same way. */
async function nodeHashSeconds(file: string): Promise<number> {
  const started = performance.now();
  const hash = createHash("sha256");
  await pipeline(createReadStream(file, { highWaterMark: MiB }), hash);
  hash.digest();
  return (performance.now() - started) / 1000;
}

type Upload = { seconds: number; id: string; sha256: string; rssBefore: number; rssPeak: number };

/**
 * One upload: the multipart head, a round-specific 4 KiB block (so the store cannot dedupe it), the
 * file streamed from disk, the closing boundary; the server's memory sampled every 50 ms.
 */
async function upload(base: string, key: string, cookie: string, file: string, round: number, serverPid: number): Promise<Upload> {
  const head = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nCONTAINER_EXPORT\r\n` +
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="description"\r\n\r\nbench:evidence round ${round}\r\n` +
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="container-export.tar"\r\n` +
      "Content-Type: application/octet-stream\r\n\r\n",
  );
  const marker = Buffer.alloc(4096, `round ${round} ${randomBytes(8).toString("hex")} `);
  const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  const rssBefore = await treeRss(serverPid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => void treeRss(serverPid).then((rss) => (rssPeak = Math.max(rssPeak, rss))), 50);
  const started = performance.now();
  try {
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = http.request(`${base}/api/incidents/${key}/evidence`, {
        method: "POST",
        agent,
        headers: {
          Cookie: cookie,
          Origin: base,
          "Content-Type": `multipart/form-data; boundary=${BOUNDARY}`,
          "Content-Length": String(head.length + marker.length + SIZE + tail.length),
        },
      });
      request.once("error", reject);
      request.once("response", (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (c: Buffer) => chunks.push(c));
        response.once("end", () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
      });
      request.write(head);
      request.write(marker);
      const source = createReadStream(file, { highWaterMark: MiB });
      source.once("error", reject);
      source.pipe(request, { end: false });
      source.once("end", () => request.end(tail));
    });
    const seconds = (performance.now() - started) / 1000;
    if (answer.status !== 201) throw new Error(`upload answered ${answer.status}: ${answer.text.slice(0, 300)}`);
    const created = JSON.parse(answer.text) as { id: string; sha256: string; size: number };
    if (created.size !== marker.length + SIZE) throw new Error(`stored ${created.size} bytes, sent ${marker.length + SIZE}`);
    return { seconds, id: created.id, sha256: created.sha256, rssBefore, rssPeak };
  } finally {
    clearInterval(sampler);
  }
}

async function verifySeconds(base: string, cookie: string, id: string): Promise<number> {
  const started = performance.now();
  const answer = await httpText(agent, `${base}/api/evidence/${id}/verify`, { method: "POST", headers: { Cookie: cookie, Origin: base } });
  const seconds = (performance.now() - started) / 1000;
  if (answer.status !== 200 || !(JSON.parse(answer.text) as { matched: boolean }).matched)
    throw new Error(`verify answered ${answer.status}: ${answer.text.slice(0, 300)}`);
  return seconds;
}

const mbps = (bytes: number, seconds: number) => bytes / 1e6 / seconds;

async function main({ tmp, postgres }: BenchScratch): Promise<void> {
  const file = path.join(tmp, "upload.bin");
  await writeFile(file);
  const app = await startBenchApp(
    { tmp, postgres },
    {
      timeoutMs: 600_000,
      env: { BULKHEAD_EVIDENCE_DIR: path.join(tmp, "evidence"), BULKHEAD_EVIDENCE_MAX_BYTES: String(SIZE + 16 * MiB) },
    },
  );
  const db = new pg.Client({ connectionString: postgres.url });
  await db.connect();
  try {
    const cookie = await signIn(app.url, RESPONDER, PASSWORD);
    const incident = await db.query<{ number: number }>(
      `SELECT "number" FROM "Incident" WHERE "status" <> 'CLOSED' ORDER BY "number" LIMIT 1`,
    );
    const key = `INC-${String(incident.rows[0]!.number).padStart(4, "0")}`;
    const version = (await db.query<{ server_version: string }>("SHOW server_version")).rows[0]!.server_version;
    // Once unmeasured: every measurement then reads the file from the page cache alike.
    await sha256sumSeconds(file);

    const baseline: number[] = [];
    const nodeHash: number[] = [];
    const uploads: Upload[] = [];
    const verifies: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      // Alternated, so that both see the same machine noise.
      baseline.push(await sha256sumSeconds(file));
      nodeHash.push(await nodeHashSeconds(file));
      uploads.push(await upload(app.url, key, cookie, file, round, app.pid));
      verifies.push(await verifySeconds(app.url, cookie, uploads.at(-1)!.id));
    }
    agent.destroy();

    const hashRate = median(baseline.map((s) => mbps(SIZE, s)));
    const nodeHashRate = median(nodeHash.map((s) => mbps(SIZE, s)));
    const uploadRate = median(uploads.map((u) => mbps(SIZE, u.seconds)));
    const verifyRate = median(verifies.map((s) => mbps(SIZE, s)));
    const growth = median(uploads.map((u) => (u.rssPeak - u.rssBefore) / 2 ** 20));
    const maxGrowth = Math.max(...uploads.map((u) => (u.rssPeak - u.rssBefore) / 2 ** 20));
    process.stdout.write(
      [
        "",
        machineLine(version),
        "",
        `file: ${(SIZE / MiB).toFixed(0)} MiB, ${ROUNDS} rounds, over loopback to the production server, streamed from disk`,
        `sha256sum of the file (baseline): median ${hashRate.toFixed(0)} MB/s`,
        `Node's sha256 of the file (what the server hashes with): median ${nodeHashRate.toFixed(0)} MB/s`,
        `upload (POST /api/incidents/${key}/evidence → 201): median ${uploadRate.toFixed(0)} MB/s = ${(uploadRate / hashRate).toFixed(2)} × sha256sum (target ≥ 0.5), ${(uploadRate / nodeHashRate).toFixed(2)} × Node's hash; per round ${uploads.map((u) => `${u.seconds.toFixed(1)} s`).join(", ")}`,
        `server RSS during the upload: median growth ${growth.toFixed(1)} MiB, largest ${maxGrowth.toFixed(1)} MiB (target < 64 MB); before ${(uploads[0]!.rssBefore / 2 ** 20).toFixed(0)} MiB`,
        `verify (POST /api/evidence/<id>/verify, re-hash of the stored file): median ${verifyRate.toFixed(0)} MB/s = ${(verifyRate / hashRate).toFixed(2)} × sha256sum`,
        "",
      ].join("\n"),
    );
  } finally {
    await db.end();
    await app.stop();
  }
}

runBench("bench:evidence", "bulkhead-bench-evidence-", main);
