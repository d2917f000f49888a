// `npm run bench:exercises [-- --exercises=1000 --baseline=20 --samples=30]`: do the exercise pages
// and the auditors' CSV export hold up with a long history? Fills a throwaway PostgreSQL with
// set-based SQL to `--baseline` exercises (20 findings and 40 action items each), starts the
// production build, measures the exercise list and an exercise page (as the auditor, and as a
// manager whose page carries the editing forms) and the three CSV exports, grows the same database
// to `--exercises` (default 1,000: 20,000 findings, 40,000 action items), measures again, and
// prints both with their ratios. Targets (issue 12): page p95 < 150 ms, CSV ≥ 20,000 rows/s with
// the server's memory flat: its resident set is sampled while each export streams, and the largest
// exports are taken again from a server whose heap is capped (HEAP_CAP_MIB).
import http from "node:http";
import { hash } from "@node-rs/argon2";
import pg from "pg";
import { machineLine, measurePage, numberArg, signIn, timedGet, treeRss, type MeasuredPage } from "./lib/bench";
import type { AppInstance } from "./lib/app-instance";
import { migratedClient, runBench, startBenchApp, type BenchScratch } from "./lib/bench-run";

const TARGET = numberArg("exercises", 1_000);
const BASELINE = Math.min(numberArg("baseline", 20), TARGET);
const SAMPLES = numberArg("samples", 30);
const FINDINGS_PER_EXERCISE = 20;
const ITEMS_PER_FINDING = 2;
const PASSWORD = "bench-exercises-password";
/**
 * The heap cap (MiB) the exports must stream under at the full size: the app itself needs about
 * 150 MiB of it to start, the full JSON export is several times what is left.
 */
const HEAP_CAP_MIB = 320;
const USERS = { auditor: "auditor@bench.local", manager: "manager@bench.local" } as const;

type Measured = MeasuredPage;
type Exported = { table: string; rows: number; bytes: number; seconds: number; rowsPerSecond: number; rssGrowthMiB: number };
type Phase = { exercises: number; pages: Measured[]; exports: Exported[] };

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

const measure = (base: string, cookie: string, name: string, pagePath: string) =>
  measurePage(agent, base + pagePath, cookie, name, SAMPLES);

/** One export streamed to nowhere, its rows counted by line; memory sampled meanwhile. */
async function exportOne(base: string, cookie: string, pid: number, table: string): Promise<Exported> {
  const before = await treeRss(pid);
  let peak = before;
  const sampler = setInterval(() => void treeRss(pid).then((rss) => (peak = Math.max(peak, rss))), 50);
  let newlines = 0;
  const query = table === "json" ? "format=json" : `format=csv&table=${table}`;
  const r = await timedGet(agent, `${base}/api/exercises/export?${query}`, cookie, (chunk) => {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) newlines += 1;
  });
  clearInterval(sampler);
  if (r.status !== 200) throw new Error(`export of ${table} answered ${r.status}`);
  // Rows, not lines: the generated text has no line breaks inside cells; the CSV header is not a
  // row; the JSON document is one exercise per line between its head and its end.
  const rows = table === "json" ? newlines - 2 : newlines - 1;
  const seconds = r.ms / 1000;
  return { table, rows, bytes: r.bytes, seconds, rowsPerSecond: rows / seconds, rssGrowthMiB: (peak - before) / 2 ** 20 };
}

/** Grows the record to `to` exercises, each with its findings, action items, participants and playbook. */
async function grow(client: pg.Client, from: number, to: number) {
  await client.query(
    `INSERT INTO "Exercise" ("id", "kind", "title", "scenario", "facilitator", "facilitatorOrganisation", "attackTechniques", "status",
                             "scheduledAt", "conductedAt", "outcome", "createdAt", "updatedAt")
     SELECT 'bx-' || n, (CASE WHEN n % 3 = 0 THEN 'PURPLE_TEAM' ELSE 'TABLETOP' END)::"ExerciseKind",
            'Exercise ' || n || ': cryptominer in a production namespace', 'Scenario ' || (n % 25), 'Dana Whitfield',
            CASE WHEN n % 4 = 0 THEN 'Redline Security' END, ARRAY['T1496.001', 'T1610'], 'COMPLETED',
            now() - n * interval '12 hours', now() - n * interval '12 hours',
            'Contained in ' || (30 + n % 90) || ' minutes; ' || repeat('the team walked through the plan. ', 8),
            now() - n * interval '12 hours', now()
       FROM generate_series($1::int, $2::int) n`,
    [from + 1, to],
  );
  await client.query(
    `INSERT INTO "ExercisePlaybook" ("id", "exerciseId", "playbookVersionId")
     SELECT 'bxp-' || n, 'bx-' || n, 'bench-pv-' || (n % 5) FROM generate_series($1::int, $2::int) n`,
    [from + 1, to],
  );
  await client.query(
    `INSERT INTO "ExerciseParticipant" ("id", "exerciseId", "contactId", "planRole", "attendance")
     SELECT 'bxa-' || n || '-' || k, 'bx-' || n, 'bench-contact-' || ((n + k) % 50), 'INCIDENT_COMMANDER', 'ATTENDED'
       FROM generate_series($1::int, $2::int) n, generate_series(0, 4) k`,
    [from + 1, to],
  );
  await client.query(
    `INSERT INTO "Finding" ("id", "exerciseId", "title", "category", "severity", "status", "description", "recommendation",
                            "playbookId", "createdAt", "updatedAt")
     SELECT 'bxf-' || n || '-' || f, 'bx-' || n, 'Finding ' || f || ' of exercise ' || n,
            (ARRAY['PLAN','PLAYBOOK','DETECTION','TOOLING','PEOPLE','COMMUNICATION','OTHER']::"FindingCategory"[])[1 + f % 7],
            (ARRAY['LOW','MEDIUM','HIGH','CRITICAL']::"FindingSeverity"[])[1 + (n + f) % 4],
            (CASE WHEN f % 3 = 0 THEN 'OPEN' ELSE 'RESOLVED' END)::"FindingStatus",
            'Observed: ' || repeat('the owner could not be reached in time. ', 3),
            '=Recommendation: add the namespace to the containment authority.',
            CASE WHEN f % 7 = 1 THEN 'bench-pb-' || (n % 5) END,
            now() - n * interval '12 hours' + interval '1 day', now()
       FROM generate_series($1::int, $2::int) n, generate_series(1, ${FINDINGS_PER_EXERCISE}) f`,
    [from + 1, to],
  );
  await client.query(
    `INSERT INTO "ActionItem" ("id", "findingId", "title", "ownerId", "dueAt", "status", "closedAt", "createdAt", "updatedAt")
     SELECT 'bxi-' || n || '-' || f || '-' || i, 'bxf-' || n || '-' || f, 'Action ' || i || ' for finding ' || f,
            'bench-contact-' || ((n + f + i) % 50), now() + ((n + f) % 60 - 20) * interval '1 day',
            (CASE WHEN f % 3 = 0 THEN 'OPEN' ELSE 'DONE' END)::"ActionItemStatus",
            CASE WHEN f % 3 <> 0 THEN now() - n * interval '12 hours' + interval '10 days' END,
            now() - n * interval '12 hours' + interval '1 day', now()
       FROM generate_series($1::int, $2::int) n, generate_series(1, ${FINDINGS_PER_EXERCISE}) f, generate_series(1, ${ITEMS_PER_FINDING}) i`,
    [from + 1, to],
  );
  await client.query(`VACUUM ANALYZE`);
}

async function seedPlan(client: pg.Client) {
  const passwordHash = await hash(PASSWORD, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  // Users before the app starts, so the start script finds a database in use and seeds nothing.
  await client.query(
    `INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "updatedAt")
     VALUES ('bench-auditor', $1, 'Bench Auditor', $3, 'AUDITOR', now()), ('bench-manager', $2, 'Bench Manager', $3, 'IR_MANAGER', now())`,
    [USERS.auditor, USERS.manager, passwordHash],
  );
  await client.query(
    `INSERT INTO "Contact" ("id", "name", "email", "updatedAt")
     SELECT 'bench-contact-' || c, 'Contact ' || c, 'contact-' || c || '@bench.example', now() FROM generate_series(0, 49) c`,
  );
  await client.query(
    `INSERT INTO "Playbook" ("id", "title", "incidentType", "updatedAt")
     SELECT 'bench-pb-' || p, 'Playbook ' || p, 'CRYPTOMINING', now() FROM generate_series(0, 4) p`,
  );
  await client.query(
    `INSERT INTO "PlaybookVersion" ("id", "playbookId", "number", "status", "publishedAt", "updatedAt")
     SELECT 'bench-pv-' || p, 'bench-pb-' || p, 1, 'PUBLISHED', now() - interval '400 days', now() FROM generate_series(0, 4) p`,
  );
}

async function measurePhase(base: string, cookies: Record<keyof typeof USERS, string>, pid: number, exercises: number): Promise<Phase> {
  const newest = `/exercises/bx-1`;
  const pages = [
    await measure(base, cookies.auditor, "exercise list (auditor)", "/exercises"),
    await measure(base, cookies.auditor, "filtered list (tabletops, third party)", "/exercises?kind=TABLETOP&thirdParty=yes"),
    await measure(base, cookies.auditor, "list, page 20", "/exercises?page=20"),
    await measure(base, cookies.auditor, "exercise page (auditor)", newest),
    await measure(base, cookies.manager, "exercise page (manager, forms)", newest),
    await measure(base, cookies.auditor, "debrief", `/print${newest}`),
    await measure(base, cookies.auditor, "history charts (20 quarters)", "/exercises/history?quarters=20"),
  ];
  const exports: Exported[] = [];
  for (const table of ["exercises", "findings", "action-items", "json"]) exports.push(await exportOne(base, cookies.auditor, pid, table));
  return { exercises, pages, exports };
}

function cappedReport(capped: Exported[], large: Phase): string {
  return capped
    .map((e) => {
      const full = large.exports.find((x) => x.table === e.table)!;
      const same = e.rows === full.rows ? "all rows" : `ROWS DIFFER (${full.rows} uncapped)`;
      return `with the server's heap capped at ${HEAP_CAP_MIB} MiB: ${e.table} export of ${e.rows} rows (${(e.bytes / 2 ** 20).toFixed(1)} MiB) in ${e.seconds.toFixed(2)} s, ${same}`;
    })
    .join("\n");
}

function report(small: Phase, large: Phase): string {
  const kb = (b: number) => `${(b / 1024).toFixed(1)} kB`;
  const cell = (m: Measured) =>
    `${m.p50.toFixed(1)} / ${m.p95.toFixed(1)} ms / ${kb(m.bytes)}${m.status === 200 ? "" : ` (HTTP ${m.status})`}`;
  const lines = [
    `${"page".padEnd(40)} ${`at ${small.exercises}: p50 / p95 / size`.padEnd(32)} ${`at ${large.exercises}: p50 / p95 / size`.padEnd(34)} p95 ratio`,
  ];
  small.pages.forEach((s, i) => {
    const l = large.pages[i]!;
    lines.push(`${s.name.padEnd(40)} ${cell(s).padEnd(32)} ${cell(l).padEnd(34)} ${(l.p95 / s.p95).toFixed(2)}×`);
  });
  lines.push("", `${"export".padEnd(14)} ${"rows".padStart(7)} ${"seconds".padStart(8)} ${"rows/s".padStart(9)}  server RSS growth`);
  for (const e of [...small.exports, ...large.exports]) {
    lines.push(
      `${e.table.padEnd(14)} ${String(e.rows).padStart(7)} ${e.seconds.toFixed(2).padStart(8)} ${e.rowsPerSecond.toFixed(0).padStart(9)}  ${e.rssGrowthMiB.toFixed(1)} MiB`,
    );
  }
  const worst = Math.max(...large.pages.map((p) => p.p95));
  const biggest = large.exports.filter((e) => e.table !== "json").reduce((a, b) => (b.rows > a.rows ? b : a));
  lines.push(
    "",
    `worst page p95 at ${large.exercises} exercises: ${worst.toFixed(1)} ms (target < 150 ms)`,
    `largest export: ${biggest.rows} ${biggest.table} rows at ${biggest.rowsPerSecond.toFixed(0)} rows/s (target ≥ 20,000), server RSS +${biggest.rssGrowthMiB.toFixed(1)} MiB while streaming (at ${small.exercises} exercises: +${small.exports.find((e) => e.table === biggest.table)!.rssGrowthMiB.toFixed(1)} MiB)`,
  );
  return lines.join("\n");
}

async function main({ tmp, postgres }: BenchScratch) {
  let app: AppInstance | null = null;
  const client = await migratedClient(postgres);
  try {
    await seedPlan(client);
    process.stderr.write(`recording ${BASELINE} exercises…\n`);
    await grow(client, 0, BASELINE);
    process.stderr.write("starting the production build…\n");
    app = await startBenchApp({ tmp, postgres });
    const cookies = {
      auditor: await signIn(app.url, USERS.auditor, PASSWORD),
      manager: await signIn(app.url, USERS.manager, PASSWORD),
    };
    const small = await measurePhase(app.url, cookies, app.pid, BASELINE);
    process.stderr.write(`growing to ${TARGET} exercises…\n`);
    await grow(client, BASELINE, TARGET);
    const large = await measurePhase(app.url, cookies, app.pid, TARGET);
    // Memory flat, shown the strict way: the same exports again from a server whose heap is
    // capped far below what the whole history would need if it were held.
    await app.stop();
    app = await startBenchApp({ tmp, postgres }, { dir: "app-capped", env: { NODE_OPTIONS: `--max-old-space-size=${HEAP_CAP_MIB}` } });
    const capped = await signIn(app.url, USERS.auditor, PASSWORD);
    const cappedExports: Exported[] = [];
    for (const table of ["action-items", "json"]) cappedExports.push(await exportOne(app.url, capped, app.pid, table));
    if (app.exited()) throw new Error("the server with a capped heap died during the exports");
    const version = (await client.query("SHOW server_version")).rows[0].server_version as string;
    process.stdout.write(
      `\n${machineLine(version)}\n${SAMPLES} sequential requests per page after 3 warm-ups; sizes are the HTML before gzip; ${FINDINGS_PER_EXERCISE} findings and ${FINDINGS_PER_EXERCISE * ITEMS_PER_FINDING} action items per exercise\n\n${report(small, large)}\n${cappedReport(cappedExports, large)}\n`,
    );
  } finally {
    agent.destroy();
    await client.end().catch(() => undefined);
    await app?.stop();
  }
}

runBench("bench:exercises", "bulkhead-bench-exercises-", main);
