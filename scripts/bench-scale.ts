// `npm run bench:scale [-- --alerts=1000000 --baseline=10000 --samples=30]`: does the portal stay
// as fast at a large history as at a small one? Grows a throwaway PostgreSQL with set-based SQL
// (scripts/lib/scale-history.ts, not through the app) to `--baseline` alerts, starts the production
// build against it, measures every page that reads history, grows the same database to `--alerts`
// (default 1,000,000 alerts in 20,000 incidents, one of them holding 11.8% of all alerts: 118,000
// at the default), measures again, and prints both with their ratios (target ≤ 1.3×), page p95
// (target < 150 ms) and bytes (target < 300 kB), ingest throughput, and bytes per alert.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import { hash } from "@node-rs/argon2";
import pg from "pg";
import { machineLine, measurePage, numberArg, percentile, postJson, signIn, timedGet, type MeasuredPage } from "./lib/bench";
import type { AppInstance } from "./lib/app-instance";
import { migratedClient, runBench, startBenchApp, type BenchScratch } from "./lib/bench-run";
import { bytesPerAlert, growHistory, insertContacts, STEP_MS } from "./lib/scale-history";

const TARGET = numberArg("alerts", 1_000_000);
const BASELINE = Math.min(numberArg("baseline", 10_000), TARGET);
const SAMPLES = numberArg("samples", 30);
/** `--hold`: keep the app and database up after the report (prints the address and a session cookie) until Ctrl-C. */
const HOLD = process.argv.includes("--hold");
const PASSWORD = "bench-scale-password";
const EMAIL = "bench-scale@bench.local";

// Alert g's time: spaced STEP_MS apart, ending about now at the target size.
const start = new Date(Date.now() - TARGET * STEP_MS);

type Page = { name: string; path: string };
type Measured = MeasuredPage;
type Phase = {
  alerts: number;
  incidents: number;
  largest: number;
  pages: Measured[];
  concurrent: Measured;
  ingestRate: number;
  bytesPerAlert: { table: number; withIndexes: number; timeline: number };
};

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

const get = (url: string, cookie: string) => timedGet(agent, url, cookie);
const measure = (base: string, cookie: string, page: Page) => measurePage(agent, base + page.path, cookie, page.name, SAMPLES);

/** Three people on the largest incident at once (the probe that ran the server out of heap). */
async function concurrent(base: string, cookie: string, path: string): Promise<Measured> {
  const times: number[] = [];
  let bytes = 0;
  let status = 0;
  await Promise.all(
    Array.from({ length: 3 }, async () => {
      for (let i = 0; i < Math.max(5, Math.round(SAMPLES / 3)); i++) {
        const r = await get(base + path, cookie);
        times.push(r.ms);
        bytes = r.bytes;
        status = r.status;
      }
    }),
  );
  times.sort((a, b) => a - b);
  return { name: "largest incident, 3 at once", p50: percentile(times, 50), p95: percentile(times, 95), bytes, status };
}

let eventSeq = 0;
function falcoEvent(): Record<string, unknown> {
  eventSeq += 1;
  const container = randomBytes(6).toString("hex");
  const pod = `svc-${eventSeq % 30}-7d9f8b6c5d-${(eventSeq % 97).toString(36).padStart(5, "x")}`;
  return {
    uuid: randomUUID(),
    output: `Notice A shell was spawned in a container with an attached terminal (user=root k8s.ns=ingest-${eventSeq % 10} k8s.pod=${pod} container=${container})`,
    priority: "Notice",
    rule: "Terminal shell in container",
    time: new Date(Date.now() - 1000 + eventSeq).toISOString(),
    source: "syscall",
    tags: ["container", "mitre_execution", "shell", "T1059"],
    hostname: `node-${eventSeq % 5}`,
    output_fields: {
      cluster: "scale-ingest",
      "container.id": container,
      "container.image.repository": "registry.example.com/shop/api",
      "k8s.ns.name": `ingest-${eventSeq % 10}`,
      "k8s.pod.name": pod,
      "proc.cmdline": "bash -i",
      "proc.name": "bash",
      "user.name": "root",
    },
  };
}

/** A short burst through POST /api/ingest/falco: 20 requests of 100 events, 4 in flight. */
async function ingestBurst(base: string, token: string): Promise<number> {
  const batches = Array.from({ length: 20 }, () => JSON.stringify(Array.from({ length: 100 }, falcoEvent)));
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < batches.length) {
        const { status } = await postJson(agent, `${base}/api/ingest/falco`, token, batches[next++]!);
        if (status !== 202) throw new Error(`ingest answered ${status}`);
      }
    }),
  );
  return 2_000 / ((performance.now() - started) / 1000);
}

async function measurePhase(
  client: pg.Client,
  base: string,
  cookie: string,
  token: string,
  size: { alerts: number; incidents: number },
): Promise<Phase> {
  const {
    rows: [largest],
  } = await client.query<{ n: number }>(`SELECT "alertCount" AS n FROM "Incident" WHERE "number" = 1`);
  const pages: Page[] = [
    { name: "incident list", path: "/incidents" },
    { name: "filtered list (open, SEV2)", path: "/incidents?status=OPEN&status=TRIAGED&severity=SEV2" },
    { name: "owner filter (email)", path: "/incidents?owner=contact-7%40scale.example" },
    { name: "title search", path: "/incidents?q=svc-1234" },
    { name: "typical incident (INC-0002)", path: "/incidents/INC-0002" },
    { name: "largest incident (INC-0001)", path: "/incidents/INC-0001" },
    { name: "dashboard", path: "/" },
    { name: "GET /api/incidents", path: "/api/incidents?status=OPEN" },
  ];
  const measured: Measured[] = [];
  for (const page of pages) measured.push(await measure(base, cookie, page));
  return {
    ...size,
    largest: largest!.n,
    pages: measured,
    concurrent: await concurrent(base, cookie, "/incidents/INC-0001"),
    ingestRate: await ingestBurst(base, token),
    bytesPerAlert: await bytesPerAlert(client),
  };
}

function report(small: Phase, large: Phase): string {
  const kb = (b: number) => `${(b / 1024).toFixed(1)} kB`;
  const lines = [
    `${"page".padEnd(32)} ${`at ${small.alerts.toLocaleString("en")}: p50 / p95 / size`.padEnd(36)} ${`at ${large.alerts.toLocaleString("en")}: p50 / p95 / size`.padEnd(38)} p95 ratio`,
  ];
  const all = [...small.pages, small.concurrent].map((s, i) => [s, [...large.pages, large.concurrent][i]!] as const);
  for (const [s, l] of all) {
    const cell = (m: Measured) =>
      `${m.p50.toFixed(1)} / ${m.p95.toFixed(1)} ms / ${kb(m.bytes)}${m.status === 200 ? "" : ` (HTTP ${m.status})`}`;
    lines.push(`${s.name.padEnd(32)} ${cell(s).padEnd(36)} ${cell(l).padEnd(38)} ${(l.p95 / s.p95).toFixed(2)}×`);
  }
  const worstP95 = Math.max(...large.pages.map((p) => p.p95));
  const worstBytes = Math.max(...large.pages.map((p) => p.bytes));
  return [
    ...lines,
    "",
    `largest incident: ${small.largest.toLocaleString("en")} alerts → ${large.largest.toLocaleString("en")} alerts; incidents ${small.incidents.toLocaleString("en")} → ${large.incidents.toLocaleString("en")}`,
    `worst page at ${large.alerts.toLocaleString("en")}: p95 ${worstP95.toFixed(1)} ms (target < 150 ms), ${kb(worstBytes)} (target < 300 kB)`,
    `ingest burst (20 × 100 events, 4 in flight): ${small.ingestRate.toFixed(0)} events/s at ${small.alerts.toLocaleString("en")} → ${large.ingestRate.toFixed(0)} events/s at ${large.alerts.toLocaleString("en")} (${(small.ingestRate / large.ingestRate).toFixed(2)}× slower)`,
    `bytes per alert at ${large.alerts.toLocaleString("en")}: ${large.bytesPerAlert.table.toFixed(0)} B table + TOAST, ${large.bytesPerAlert.withIndexes.toFixed(0)} B with indexes, plus ${large.bytesPerAlert.timeline.toFixed(0)} B of timeline (one entry per alert); at ${small.alerts.toLocaleString("en")}: ${small.bytesPerAlert.withIndexes.toFixed(0)} B with indexes`,
  ].join("\n");
}

async function main({ tmp, postgres }: BenchScratch) {
  let app: AppInstance | null = null;
  const client = await migratedClient(postgres);
  try {
    const token = `bh_scale_${randomBytes(12).toString("hex")}`;
    const {
      rows: [source],
    } = await client.query<{ id: string }>(
      `INSERT INTO "DetectionSource" ("id", "name", "kind", "tokenHash", "tokenPrefix", "defaultCluster", "updatedAt")
       VALUES ('scale-source', 'scale', 'FALCOSIDEKICK', $1, $2, 'scale', now()) RETURNING "id"`,
      [createHash("sha256").update(token).digest("hex"), token.slice(0, 8)],
    );
    // A user before the app starts, so the start script finds a database in use and seeds nothing.
    await client.query(
      `INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "updatedAt") VALUES ('scale-user', $1, 'Bench Responder', $2, 'RESPONDER', now())`,
      [EMAIL, await hash(PASSWORD, { memoryCost: 19_456, timeCost: 2, parallelism: 1 })],
    );
    await insertContacts(client);
    process.stderr.write(`growing to ${BASELINE.toLocaleString("en")} alerts…\n`);
    let size = await growHistory(client, source!.id, start, { alerts: 0, incidents: 0 }, BASELINE);
    process.stderr.write("starting the production build…\n");
    app = await startBenchApp({ tmp, postgres });
    const cookie = await signIn(app.url, EMAIL, PASSWORD);
    const small = await measurePhase(client, app.url, cookie, token, size);
    process.stderr.write(`growing to ${TARGET.toLocaleString("en")} alerts…\n`);
    const grown = performance.now();
    size = await growHistory(client, source!.id, start, size, TARGET);
    process.stderr.write(`grown in ${((performance.now() - grown) / 1000).toFixed(0)} s\n`);
    const large = await measurePhase(client, app.url, cookie, token, size);
    const version = (await client.query("SHOW server_version")).rows[0].server_version as string;
    const buffers = (await client.query("SHOW shared_buffers")).rows[0].shared_buffers as string;
    if (HOLD) {
      process.stderr.write(`holding: ${app.url} (sign in as ${EMAIL} / ${PASSWORD}); Cookie: ${cookie}\n`);
      await new Promise((resolve) => process.once("SIGINT", resolve));
    }
    process.stdout.write(
      `\n${machineLine(version)} (shared_buffers ${buffers})\n${SAMPLES} sequential requests per page after 3 warm-ups; sizes are the HTML before gzip\n\n${report(small, large)}\n`,
    );
  } finally {
    agent.destroy();
    await client.end().catch(() => undefined);
    await app?.stop();
  }
}

runBench("bench:scale", "bulkhead-bench-scale-", main);
