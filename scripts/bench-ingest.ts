// `npm run bench:ingest`: alert ingest measured from outside, against the production build on a
// throwaway PostgreSQL, with the raw PostgreSQL insert rate of equivalent rows into the same
// database measured in the same run as the baseline (these machines are noisy: compare ratios).
// Prints the machine, throughput, latency percentiles, the ratios, and lost/duplicated counts
// after replaying everything twice.
import { randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import pg from "pg";
import { dedupKeyOf } from "../lib/domain/falco/dedup";
import { normalizeFalcoEvent } from "../lib/domain/falco/normalize";
import { latencySummary, machineLine, percentile, postJson } from "./lib/bench";
import { runBench, startBenchApp, type BenchScratch } from "./lib/bench-run";
import { encodeRawEvent } from "@/lib/domain/falco/raw-event";

const BATCHES = 100;
const BATCH_SIZE = 100;
const SINGLES = 1_000;
const BURST = 1_000;
const CONCURRENCY = 8;
const BURST_CONCURRENCY = 32;

let sequence = 0;

/** A Falco event as falcosidekick forwards it; unique time, spread over namespaces and pods. */
function falcoEvent(): Record<string, unknown> {
  sequence += 1;
  const ns = `bench-${sequence % 20}`;
  const pod = `api-${sequence % 50}-7d9f8b6c5d-${(sequence % 97).toString(36).padStart(5, "x")}`;
  const nanos = 1_795_000_000_000_000_000n + BigInt(sequence) * 1_000_003n;
  const seconds = nanos / 1_000_000_000n;
  const time = `${new Date(Number(seconds) * 1000).toISOString().slice(0, 19)}.${(nanos % 1_000_000_000n).toString().padStart(9, "0")}Z`;
  const container = randomBytes(6).toString("hex");
  return {
    uuid: randomUUID(),
    output: `${time.slice(11, 29)}: Notice A shell was spawned in a container with an attached terminal (user=root k8s.ns=${ns} k8s.pod=${pod} container=${container} shell=bash parent=runc cmdline=bash -i terminal=34816 container_id=${container} image=registry.example.com/shop/api)`,
    priority: "Notice",
    rule: "Terminal shell in container",
    time,
    output_fields: {
      "container.id": container,
      "container.image.repository": "registry.example.com/shop/api",
      "container.image.tag": "1.42.0",
      "evt.time": Number(nanos),
      "k8s.ns.name": ns,
      "k8s.pod.name": pod,
      "proc.cmdline": "bash -i",
      "proc.name": "bash",
      "proc.pname": "runc",
      "user.name": "root",
      cluster: "bench",
    },
    source: "syscall",
    tags: ["container", "mitre_execution", "shell", "T1059"],
    hostname: `node-${sequence % 5}`,
  };
}

/** Runs `task` over `items` with `limit` workers in flight; returns each task's duration in ms. */
async function pool<T>(items: T[], limit: number, task: (item: T, worker: number) => Promise<void>): Promise<number[]> {
  const durations: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async (_, worker) => {
      while (next < items.length) {
        const item = items[next++]!;
        const started = performance.now();
        await task(item, worker);
        durations.push(performance.now() - started);
      }
    }),
  );
  return durations;
}

type Counts = { accepted: number; duplicates: number; rejected: number };

// The load generator shares the machine's two cores with the app and PostgreSQL, so it is kept
// light: node:http on kept-alive connections (one per request in flight), not fetch, whose
// per-request cost on Node 20 is several times higher and would be measured as the app's.
const agent = new http.Agent({ keepAlive: true, maxSockets: BURST_CONCURRENCY });

async function post(url: string, token: string, body: unknown, counts: Counts): Promise<void> {
  const response = await postJson(agent, url, token, JSON.stringify(body));
  if (response.status !== 202) throw new Error(`ingest answered ${response.status}: ${response.text}`);
  const result = JSON.parse(response.text) as { accepted: number; duplicates: number; rejected: unknown[] };
  counts.accepted += result.accepted;
  counts.duplicates += result.duplicates;
  counts.rejected += result.rejected.length;
}

const ALERT_COLUMNS = [
  "eventTime",
  "rule",
  "priority",
  "eventSource",
  "output",
  "tags",
  "hostname",
  "cluster",
  "namespace",
  "podName",
  "workload",
  "containerId",
  "containerName",
  "imageRepository",
  "imageTag",
  "imageDigest",
  "nodeName",
  "processName",
  "processCmdline",
  "parentProcess",
  "userName",
  "fileName",
  "connection",
  "raw",
] as const;
const CAST: Partial<Record<string, string>> = { priority: '::"FalcoPriority"', tags: "::text[]", raw: "::bytea" };
const RAW_COLUMNS = ["id", "sourceId", "dedupKey", ...ALERT_COLUMNS].map((c) => `"${c}"`).join(",");
const RAW_CASTS = ["", "", "", ...ALERT_COLUMNS.map((c) => CAST[c] ?? "")];

/** Every column the ingest path writes for an event, as SQL parameters, for the raw baseline. */
function alertRow(event: Record<string, unknown>, sourceId: string): unknown[] {
  const normalized = normalizeFalcoEvent(event, { defaultCluster: "bench" });
  if (!normalized.ok) throw new Error(normalized.error);
  const a = normalized.event.alert;
  return [
    `raw${randomBytes(10).toString("hex")}`,
    sourceId,
    `raw-${dedupKeyOf(normalized.event)}`,
    ...ALERT_COLUMNS.map((c) => (c === "raw" ? Buffer.from(encodeRawEvent(a.raw)) : a[c])),
  ];
}

function placeholders(rows: number): string {
  return Array.from(
    { length: rows },
    (_, r) => `(${RAW_CASTS.map((cast, c) => `$${r * RAW_CASTS.length + c + 1}${cast}`).join(",")})`,
  ).join(",");
}

async function rawBaseline(url: string, sourceId: string) {
  const clients = await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      return client;
    }),
  );
  // Same table, same indexes, same row shapes: the floor of what any ingest path could cost.
  const batches = Array.from({ length: BATCHES }, () => Array.from({ length: BATCH_SIZE }, () => alertRow(falcoEvent(), sourceId)));
  // Each worker owns one connection, as each app request holds one for its transaction.
  const multiStart = performance.now();
  await pool(batches, CONCURRENCY, async (rows, worker) => {
    const client = clients[worker]!;
    await client.query(
      `INSERT INTO "Alert" (${RAW_COLUMNS}) VALUES ${placeholders(rows.length)} ON CONFLICT ("dedupKey") DO NOTHING`,
      rows.flat(),
    );
  });
  const multiRate = (BATCHES * BATCH_SIZE) / ((performance.now() - multiStart) / 1000);
  const singles = Array.from({ length: SINGLES }, () => alertRow(falcoEvent(), sourceId));
  const singleStart = performance.now();
  await pool(singles, CONCURRENCY, async (row, worker) => {
    const client = clients[worker]!;
    await client.query(`INSERT INTO "Alert" (${RAW_COLUMNS}) VALUES ${placeholders(1)} ON CONFLICT ("dedupKey") DO NOTHING`, row);
  });
  const singleRate = SINGLES / ((performance.now() - singleStart) / 1000);
  await clients[0]!.query(`DELETE FROM "Alert" WHERE "dedupKey" LIKE 'raw-%'`);
  await Promise.all(clients.map((c) => c.end()));
  return { multiRate, singleRate };
}

async function main({ tmp, postgres }: BenchScratch) {
  const token = `bh_bench_${randomBytes(12).toString("hex")}`;
  // With DATABASE_URL given, npm start seeds only when asked (startAppInstance asks): the demo's
  // detection source holds the token.
  const app = await startBenchApp({ tmp, postgres }, { timeoutMs: 600_000, env: { BULKHEAD_DEMO_INGEST_TOKEN: token } });
  const base = app.url;
  try {
    const db = new pg.Client({ connectionString: postgres.url });
    await db.connect();
    // The finally below stops PostgreSQL under this client when the run fails: the failure is what to report.
    db.on("error", () => {});
    const {
      rows: [source],
    } = await db.query<{ id: string }>(`SELECT "id" FROM "DetectionSource" LIMIT 1`);
    const alertsBefore = Number((await db.query(`SELECT count(*) FROM "Alert"`)).rows[0].count);
    const url = `${base}/api/ingest/falco`;

    // Warm the route (first requests compile and connect).
    await post(url, token, [falcoEvent(), falcoEvent()], { accepted: 0, duplicates: 0, rejected: 0 });

    const sent: { batches: unknown[][]; singles: unknown[] } = { batches: [], singles: [] };
    sent.batches = Array.from({ length: BATCHES }, () => Array.from({ length: BATCH_SIZE }, falcoEvent));
    sent.singles = Array.from({ length: SINGLES }, falcoEvent);
    const burst = Array.from({ length: BURST }, falcoEvent);
    const first: Counts = { accepted: 0, duplicates: 0, rejected: 0 };

    let started = performance.now();
    const batchLatencies = await pool(sent.batches, CONCURRENCY, (batch) => post(url, token, batch, first));
    const batchedRate = (BATCHES * BATCH_SIZE) / ((performance.now() - started) / 1000);
    started = performance.now();
    const singleLatencies = await pool(sent.singles, CONCURRENCY, (event) => post(url, token, event, first));
    const singleRate = SINGLES / ((performance.now() - started) / 1000);
    started = performance.now();
    const burstLatencies = await pool(burst, BURST_CONCURRENCY, (event) => post(url, token, event, first));
    const burstSeconds = (performance.now() - started) / 1000;

    const baseline = await rawBaseline(postgres.url, source!.id);

    const replay: Counts = { accepted: 0, duplicates: 0, rejected: 0 };
    for (let round = 0; round < 2; round++) {
      await pool(sent.batches, CONCURRENCY, (batch) => post(url, token, batch, replay));
      await pool([...sent.singles, ...burst], BURST_CONCURRENCY, (event) => post(url, token, event, replay));
    }
    const unique = BATCHES * BATCH_SIZE + SINGLES + BURST;
    const stored = Number((await db.query(`SELECT count(*) FROM "Alert"`)).rows[0].count) - alertsBefore - 2;
    const version = (await db.query("SHOW server_version")).rows[0].server_version as string;
    await db.end();
    agent.destroy();

    process.stdout.write(
      [
        "",
        machineLine(version),
        "",
        `batched ingest (${BATCHES} requests × ${BATCH_SIZE} events, ${CONCURRENCY} in flight): ${batchedRate.toFixed(0)} events/s; per request ${latencySummary(batchLatencies)}`,
        `single-event ingest (${SINGLES} requests, ${CONCURRENCY} in flight): ${singleRate.toFixed(0)} events/s; ${latencySummary(singleLatencies)}`,
        `burst (${BURST} single-event requests, ${BURST_CONCURRENCY} in flight): ${(BURST / burstSeconds).toFixed(0)} events/s; ${latencySummary(burstLatencies)}`,
        "",
        `raw PostgreSQL, same table and indexes, ${CONCURRENCY} connections: multi-row INSERT (${BATCH_SIZE} rows) ${baseline.multiRate.toFixed(0)} rows/s; single-row INSERT ${baseline.singleRate.toFixed(0)} rows/s`,
        `ratio batched / raw multi-row: ${((100 * batchedRate) / baseline.multiRate).toFixed(1)}% (target ≥ 25%)`,
        `ratio single / raw single-row: ${((100 * singleRate) / baseline.singleRate).toFixed(1)}% (target ≥ 25%)`,
        `burst p99: ${percentile(
          [...burstLatencies].sort((a, b) => a - b),
          99,
        ).toFixed(1)} ms (target < 100 ms)`,
        "",
        `first pass: ${first.accepted} accepted, ${first.duplicates} duplicates, ${first.rejected} rejected of ${unique} events`,
        `replayed everything twice: ${replay.accepted} accepted, ${replay.duplicates} duplicates`,
        `stored ${stored} of ${unique} unique events: ${Math.max(0, unique - stored)} lost, ${Math.max(0, stored - unique)} duplicated`,
        "",
      ].join("\n"),
    );
  } finally {
    await app.stop();
  }
}

runBench("bench:ingest", "bulkhead-bench-", main);
