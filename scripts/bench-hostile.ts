// `npm run bench:hostile`: one alert must not freeze the server. Against the production build on a
// throwaway PostgreSQL, POSTs 1 MiB batches of worst-case fields (a 200 kB socket-tuple fd.name,
// long unbroken pod names and namespaces, outputs of thousands of `image=` / `container_id=`
// fragments, a megabyte-long API path…) while /api/health is polled one request at a time, and the
// same-size batch of ordinary events in the same run as the baseline. Prints the machine, the
// median answer time of each kind of batch and /api/health's p50/p95/max while each is processed.
// Targets (issue 10): hostile batch answered < 200 ms, /api/health < 50 ms during it.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import pg from "pg";
import { httpText, machineLine, median, percentile, postJson } from "./lib/bench";
import { runBench, startBenchApp, type BenchScratch } from "./lib/bench-run";

const ROUNDS = 7;
/** Just under the ingest limit (lib/validation/ingest.ts: 1 MiB). */
const BATCH_BYTES = 1024 * 1024 - 4 * 1024;
const CLUSTER = "hostile-bench";

let sequence = 0;

function eventTime(): string {
  sequence += 1;
  return new Date(Date.UTC(2026, 10, 1) + sequence * 1000).toISOString();
}

/** An ordinary falcosidekick-forwarded shell event (the bench:ingest shape). */
function ordinaryEvent(): Record<string, unknown> {
  const container = randomBytes(6).toString("hex");
  const ns = `bench-${sequence % 20}`;
  const pod = `api-${sequence % 50}-7d9f8b6c5d-${(sequence % 97).toString(36).padStart(5, "x")}`;
  return {
    uuid: randomUUID(),
    output: `Notice A shell was spawned in a container with an attached terminal (user=root k8s.ns=${ns} k8s.pod=${pod} container=${container} shell=bash parent=runc cmdline=bash -i terminal=34816 container_id=${container} image=registry.example.com/shop/api)`,
    priority: "Notice",
    rule: "Terminal shell in container",
    time: eventTime(),
    output_fields: {
      "container.id": container,
      "container.image.repository": "registry.example.com/shop/api",
      "container.image.tag": "1.42.0",
      "k8s.ns.name": ns,
      "k8s.pod.name": pod,
      "proc.cmdline": "bash -i",
      "proc.name": "bash",
      "proc.pname": "runc",
      "user.name": "root",
      cluster: CLUSTER,
    },
    source: "syscall",
    tags: ["container", "mitre_execution", "shell", "T1059"],
    hostname: `node-${sequence % 5}`,
  };
}

const fill = (unit: string, bytes: number) => unit.repeat(Math.max(1, Math.floor(bytes / unit.length)));

/**
 * Events whose fields are what the old regular expressions and glob matching choked on, each
 * roughly `bytes` long: the socket tuple that made `^\S+:\d+->\S+:\d+$` quadratic, pod names the
 * workload patterns backtrack over, outputs full of `image=` / `container_id=` fragments and `)`
 * runs, a huge API path for the namespace parser, and long unbroken names everywhere.
 */
function hostileEvents(bytes: number): Record<string, unknown>[] {
  // Six events; each also carries a 2 kB rule and hostname.
  const part = Math.floor((bytes - 6 * 5_000) / 6);
  const base = (fields: Record<string, unknown>, output: string, extra: Record<string, unknown> = {}) => ({
    uuid: randomUUID(),
    output,
    priority: "Critical",
    rule: `Terminal shell in container ${fill("x", 2_000)}`,
    time: eventTime(),
    source: "syscall",
    tags: ["container", "shell", "T1059"],
    hostname: fill("h", 2_000),
    output_fields: { cluster: CLUSTER, "container.id": randomBytes(6).toString("hex"), ...fields },
    ...extra,
  });
  return [
    base({ "fd.name": `${fill("10.0.0.1:443", part)}->x`, "k8s.ns.name": "payments", "k8s.pod.name": fill("a", 10_000) }, "Connection"),
    base({ "k8s.ns.name": fill("n", 20_000), "k8s.pod.name": `${fill("a-bcdfg", part - 20_000)}!` }, "Long names"),
    base({ "k8s.ns.name": "payments" }, `Fragments ${fill(" image=", part / 2)} ${fill(" container_id=0123456789abcdef", part / 2)}`),
    base({ "k8s.ns.name": "payments", "container.id": undefined }, `Parens image=nginx${fill(")", part - 100)} x`),
    base(
      { "ka.uri": `/api/v1/namespaces/${fill("a", part)}!`, "ka.target.resource": "pods", "ka.target.name": fill("p-", 10_000) },
      "Audit",
      { source: "k8s_audit" },
    ),
    base(
      {
        "k8s.ns.name": `${fill("a", 60)}b`,
        "k8s.pod.name": fill("web-", 20_000),
        "proc.cmdline": fill("sh -c ", part - 80_000),
        "k8s.rs.name": fill("rs-", 20_000),
      },
      fill("o", 20_000),
    ),
  ];
}

/** The most events one request may carry (lib/validation/ingest.ts). */
const MAX_EVENTS = 1000;

/**
 * The same number of bytes as ordinary events: at most 1,000 of them (the per-request limit), each
 * with a longer but ordinary command line, so the size matches the hostile batch.
 */
function ordinaryBatch(bytes: number): Record<string, unknown>[] {
  const batch = Array.from({ length: MAX_EVENTS }, ordinaryEvent);
  const spare = bytes - Buffer.byteLength(JSON.stringify(batch));
  const pad = Math.max(0, Math.floor(spare / MAX_EVENTS) - 2);
  for (const event of batch) {
    const fields = event.output_fields as Record<string, string>;
    fields["proc.cmdline"] = `bash -i ${"--verbose ".repeat(Math.ceil(pad / 10))}`.slice(0, 8 + pad);
  }
  return batch;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

type Round = { answerMs: number; health: number[] };

/** POSTs one batch while polling /api/health back to back; health times are those of polls started before the batch was answered. */
async function measure(base: string, token: string, batch: unknown[]): Promise<Round> {
  const body = JSON.stringify(batch);
  if (Buffer.byteLength(body) > 1024 * 1024) throw new Error(`batch of ${Buffer.byteLength(body)} bytes is over the 1 MiB limit`);
  let done = false;
  const health: number[] = [];
  const poller = (async () => {
    while (!done) {
      const started = performance.now();
      const answer = await httpText(agent, `${base}/api/health`, { method: "GET" });
      if (answer.status !== 200) throw new Error(`/api/health answered ${answer.status}`);
      health.push(performance.now() - started);
    }
  })();
  // Let the poller's first request reach the server before the batch.
  await new Promise((r) => setTimeout(r, 5));
  const started = performance.now();
  const answer = await postJson(agent, `${base}/api/ingest/falco`, token, body);
  const answerMs = performance.now() - started;
  done = true;
  await poller;
  if (answer.status !== 202) throw new Error(`ingest answered ${answer.status}: ${answer.text.slice(0, 300)}`);
  const result = JSON.parse(answer.text) as { accepted: number; rejected: unknown[] };
  if (result.accepted !== batch.length)
    throw new Error(`ingest accepted ${result.accepted} of ${batch.length}: ${JSON.stringify(result.rejected).slice(0, 300)}`);
  return { answerMs, health };
}

function healthLine(rounds: Round[]): string {
  const all = rounds.flatMap((r) => r.health).sort((a, b) => a - b);
  return `/api/health during it (${all.length} polls): p50 ${percentile(all, 50).toFixed(1)} ms, p95 ${percentile(all, 95).toFixed(1)} ms, max ${all.at(-1)!.toFixed(1)} ms`;
}

async function main({ tmp, postgres }: BenchScratch) {
  const token = `bh_bench_${randomBytes(12).toString("hex")}`;
  // Seeded only when the caller asks, as `npm start` with DATABASE_URL: the bench brings its own source.
  const app = await startBenchApp({ tmp, postgres }, { timeoutMs: 600_000, env: { BULKHEAD_DEMO: process.env.BULKHEAD_DEMO ?? "" } });
  const base = app.url;
  let db: pg.Client | null = null;
  try {
    db = new pg.Client({ connectionString: postgres.url });
    // Stopping PostgreSQL at the end ends this connection too; that is not an error of the bench.
    db.on("error", () => {});
    await db.connect();
    // A source of the bench's own (whatever the start script seeds), and a plan whose namespace
    // patterns have the most wildcards the plan accepts, so ingest's owner lookups match globs.
    await db.query(
      `INSERT INTO "DetectionSource" ("id", "name", "kind", "tokenHash", "tokenPrefix", "minIncidentPriority", "updatedAt")
       VALUES ('bench-hostile-source', 'bench-hostile', 'FALCOSIDEKICK', $1, $2, 'DEBUG', now())`,
      [createHash("sha256").update(token).digest("hex"), token.slice(0, 8)],
    );
    await db.query(
      `INSERT INTO "Cluster" ("id", "name", "provider", "runtime", "environment", "criticality", "updatedAt")
       VALUES ('bench-hostile-cluster', $1, 'OTHER', 'CONTAINERD', 'PRODUCTION', 'HIGH', now())`,
      [CLUSTER],
    );
    for (const [i, pattern] of ["*a*a*a*b", "a*a*a*a", "??*??*", "*n*n*n*"].entries()) {
      await db.query(
        `INSERT INTO "Namespace" ("id", "clusterId", "name", "isPattern", "updatedAt") VALUES ($1, 'bench-hostile-cluster', $2, true, now())`,
        [`bench-ns-${i}`, pattern],
      );
    }

    // Warm the route (first requests compile and connect).
    await measure(base, token, [ordinaryEvent(), ordinaryEvent()]);
    await measure(base, token, hostileEvents(64 * 1024));

    const hostileBytes = Buffer.byteLength(JSON.stringify(hostileEvents(BATCH_BYTES)));
    const hostile: Round[] = [];
    const ordinary: Round[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Alternated, so that both kinds see the same machine noise and table sizes.
      hostile.push(await measure(base, token, hostileEvents(BATCH_BYTES)));
      ordinary.push(await measure(base, token, ordinaryBatch(hostileBytes)));
    }
    const version = (await db.query("SHOW server_version")).rows[0].server_version as string;
    agent.destroy();

    const ordinaryCount = ordinaryBatch(hostileBytes).length;
    const hostileAnswer = median(hostile.map((r) => r.answerMs));
    const hostileHealth = hostile.flatMap((r) => r.health).sort((a, b) => a - b);
    process.stdout.write(
      [
        "",
        machineLine(version),
        "",
        `hostile batch (${hostileEvents(BATCH_BYTES).length} events, ${(hostileBytes / 1024).toFixed(0)} KiB, ${ROUNDS} rounds): median answer ${hostileAnswer.toFixed(1)} ms (target < 200 ms)`,
        `  ${healthLine(hostile)} (target < 50 ms)`,
        `ordinary batch, same size (${ordinaryCount} events, ${ROUNDS} rounds): median answer ${median(ordinary.map((r) => r.answerMs)).toFixed(1)} ms`,
        `  ${healthLine(ordinary)}`,
        "",
        `verdict: batch ${hostileAnswer < 200 ? "within" : "OVER"} target; health p95 ${percentile(hostileHealth, 95) < 50 ? "within" : "OVER"} target, max ${hostileHealth.at(-1)! < 50 ? "within" : "over"} target`,
        "",
      ].join("\n"),
    );
  } finally {
    await db?.end().catch(() => {});
    await app.stop();
  }
}

runBench("bench:hostile", "bulkhead-bench-hostile-", main);
