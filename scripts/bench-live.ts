// `npm run bench:live`: live run updates measured across two app instances on one PostgreSQL.
// 50 server-sent-event subscribers (half on each instance) follow one playbook run while step
// changes are applied through the DAL function the run page's server actions call
// (`updateRunStep`), from this process. Latency is from the change's commit (the call returning)
// to its receipt by each subscriber. Some subscribers are disconnected mid-run and reconnect with
// Last-Event-ID; afterwards every subscriber must hold every change. Baseline in the same run: raw
// PostgreSQL NOTIFY to 50 LISTENing connections, timed the same way.
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { AppInstance } from "./lib/app-instance";
import { latencySummary, machineLine, percentile, signIn } from "./lib/bench";
import { runBench, startBenchApp, type BenchScratch } from "./lib/bench-run";

const SUBSCRIBERS = 50;
const CHANGES = 300;
const GAP_MS = 15;
const STEPS_IN_TURN = 5;
/** Subscribers dropped (and reconnected with Last-Event-ID) at each third of the run. */
const DROPPED_PER_ROUND = 5;
const PASSWORD = "bulkhead-demo";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One browser-like SSE client: records when each `bench-<n>` change arrived. */
class Subscriber {
  readonly received = new Map<number, number>();
  /** Changes committed while this client was away arrive by replay: counted, not timed. */
  readonly away: [number, number][] = [];
  private lastId: string | null = null;
  private controller: AbortController | null = null;

  constructor(
    readonly instance: "A" | "B",
    private readonly url: string,
    private readonly cookie: string,
  ) {}

  async connect(): Promise<void> {
    this.controller = new AbortController();
    const headers: Record<string, string> = { Cookie: this.cookie, Accept: "text/event-stream" };
    if (this.lastId) headers["Last-Event-ID"] = this.lastId;
    const response = await fetch(this.url, { headers, signal: this.controller.signal });
    if (response.status !== 200 || !response.body) throw new Error(`events answered ${response.status}: ${await response.text()}`);
    void this.read(response.body.getReader()).catch(() => undefined);
  }

  drop(): void {
    this.away.push([performance.now(), Infinity]);
    this.controller?.abort();
  }

  async reconnect(): Promise<void> {
    await this.connect();
    this.away[this.away.length - 1]![1] = performance.now();
  }

  wasAway(at: number): boolean {
    return this.away.some(([from, to]) => at >= from && at <= to);
  }

  private async read(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let text = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      text += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = text.indexOf("\n\n")) >= 0) {
        const block = text.slice(0, end);
        text = text.slice(end + 2);
        const at = performance.now();
        for (const line of block.split("\n")) {
          if (line.startsWith("id: ")) this.lastId = line.slice(4);
          if (!line.startsWith("data: ")) continue;
          const message = JSON.parse(line.slice(6)) as { kind: string; data: { notes?: string | null } | null };
          const n = /^bench-(\d+)$/.exec(message.data?.notes ?? "")?.[1];
          if (message.kind === "step.updated" && n !== undefined && !this.received.has(Number(n))) this.received.set(Number(n), at);
        }
      }
    }
  }
}

async function rawNotifyBaseline(url: string): Promise<number[]> {
  const listeners = await Promise.all(
    Array.from({ length: SUBSCRIBERS }, async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query("LISTEN bench_raw");
      return client;
    }),
  );
  const notifier = new pg.Client({ connectionString: url });
  await notifier.connect();
  const committed = new Map<number, number>();
  const latencies: number[] = [];
  const arrivals: { n: number; at: number }[] = [];
  for (const client of listeners) client.on("notification", (m) => arrivals.push({ n: Number(m.payload), at: performance.now() }));
  for (let n = 0; n < CHANGES; n++) {
    await notifier.query(`NOTIFY bench_raw, '${n}'`);
    committed.set(n, performance.now());
    await sleep(GAP_MS);
  }
  await sleep(500);
  for (const { n, at } of arrivals) latencies.push(at - committed.get(n)!);
  await Promise.all([...listeners, notifier].map((c) => c.end()));
  return latencies;
}

async function main({ tmp, postgres }: BenchScratch) {
  const secret = randomBytes(33).toString("base64");
  const instances: AppInstance[] = [];
  try {
    for (let i = 0; i < 2; i++) {
      instances.push(await startBenchApp({ tmp, postgres }, { authSecret: secret }));
    }
    const [a, b] = instances as [AppInstance, AppInstance];
    // This process calls the DAL directly: the same functions the server actions call.
    process.env.DATABASE_URL = postgres.url;
    process.env.AUTH_SECRET = secret;
    const { getRunOrThrow, startRun, updateRunStep } = await import("../lib/dal/runs");
    const { incidentKey } = await import("../lib/domain/incident-status");

    const db = new pg.Client({ connectionString: postgres.url });
    await db.connect();
    const {
      rows: [responder],
    } = await db.query<{ id: string; email: string; name: string; role: "RESPONDER" }>(
      `SELECT "id", "email", "name", "role" FROM "User" WHERE "email" = 'responder@bulkhead.local'`,
    );
    const {
      rows: [incident],
    } = await db.query<{ number: number; versionId: string }>(
      `SELECT i."number", v."id" AS "versionId" FROM "Incident" i
         JOIN "PlaybookVersion" v ON v."playbookId" = i."suggestedPlaybookId" AND v."status" = 'PUBLISHED'
        WHERE i."status" <> 'CLOSED'
          -- The demo already has a live run; one ACTIVE run per incident and playbook is the rule.
          AND NOT EXISTS (SELECT 1 FROM "PlaybookRun" r
                           WHERE r."incidentId" = i."id" AND r."playbookId" = v."playbookId" AND r."status" = 'ACTIVE')
        ORDER BY i."number" LIMIT 1`,
    );
    const version = (await db.query("SHOW server_version")).rows[0].server_version as string;
    await db.end();
    const actor = responder!;
    const run = await startRun(actor, { incidentKey: incidentKey(incident!.number), playbookVersionId: incident!.versionId });
    const steps = (await getRunOrThrow(actor, run.id)).steps.slice(0, STEPS_IN_TURN).map((s) => ({ id: s.id, version: s.version }));

    const emails = ["responder", "manager", "auditor", "admin"].map((r) => `${r}@bulkhead.local`);
    // One session per subscriber, as 50 people in their own browsers: a session may hold only a few
    // live streams (lib/live/stream-limits.ts), and 50 across four users stays under the per-user cap.
    const cookies: string[] = [];
    for (let i = 0; i < SUBSCRIBERS; i++) cookies.push(await signIn(a.url, emails[i % emails.length]!, PASSWORD));
    const subscribers = Array.from({ length: SUBSCRIBERS }, (_, i) => {
      const on = i % 2 === 0 ? a : b;
      return new Subscriber(i % 2 === 0 ? "A" : "B", `${on.url}/api/runs/${run.id}/events`, cookies[i % cookies.length]!);
    });
    await Promise.all(subscribers.map((s) => s.connect()));
    await sleep(1_000);

    const committed: number[] = [];
    const drops: Promise<void>[] = [];
    for (let n = 0; n < CHANGES; n++) {
      const step = steps[n % steps.length]!;
      const updated = await updateRunStep(actor, { stepId: step.id, version: step.version, change: "notes", notes: `bench-${n}` });
      committed[n] = performance.now();
      step.version = updated.version;
      if (n === Math.floor(CHANGES / 3) || n === Math.floor((2 * CHANGES) / 3)) {
        const round = n === Math.floor(CHANGES / 3) ? 0 : 1;
        for (const s of subscribers.slice(round * DROPPED_PER_ROUND, (round + 1) * DROPPED_PER_ROUND)) {
          s.drop();
          drops.push(sleep(250).then(() => s.reconnect()));
        }
      }
      await sleep(GAP_MS);
    }
    await Promise.all(drops);
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && subscribers.some((s) => s.received.size < CHANGES)) await sleep(100);

    const latencies = { A: [] as number[], B: [] as number[] };
    let replayed = 0;
    let missed = 0;
    for (const s of subscribers) {
      for (let n = 0; n < CHANGES; n++) {
        const at = s.received.get(n);
        if (at === undefined) missed += 1;
        else if (s.wasAway(committed[n]!)) replayed += 1;
        else latencies[s.instance].push(at - committed[n]!);
      }
    }
    const raw = await rawNotifyBaseline(postgres.url);
    const all = [...latencies.A, ...latencies.B].sort((x, y) => x - y);
    const p95 = percentile(all, 95);
    const rawP95 = percentile(
      [...raw].sort((x, y) => x - y),
      95,
    );
    process.stdout.write(
      [
        "",
        machineLine(version),
        "",
        `${SUBSCRIBERS} SSE subscribers (${SUBSCRIBERS / 2} per instance, 2 instances), ${CHANGES} step changes ${GAP_MS} ms apart through updateRunStep`,
        `commit → receipt, instance A: ${latencySummary(latencies.A)}`,
        `commit → receipt, instance B: ${latencySummary(latencies.B)}`,
        `commit → receipt, both:       ${latencySummary(all)} (target p95 < 50 ms: ${p95 < 50 ? "met" : "NOT met"})`,
        `raw PostgreSQL NOTIFY → ${SUBSCRIBERS} LISTENing connections: ${latencySummary(raw)}`,
        `ratio p95 live / raw: ${(p95 / rawP95).toFixed(1)}×`,
        "",
        `forced reconnects: ${2 * DROPPED_PER_ROUND} subscribers dropped and resumed with Last-Event-ID; ${replayed} changes delivered by replay`,
        `missed: ${missed} of ${SUBSCRIBERS * CHANGES} deliveries (target 0)`,
        "",
      ].join("\n"),
    );
    if (missed > 0) process.exitCode = 1;
  } finally {
    await Promise.all(instances.map((i) => i.stop()));
  }
}

runBench("bench:live", "bulkhead-bench-live-", main);
