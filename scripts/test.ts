// `npm test`: every check, against real parts. Lint, typecheck, unit tests, integration tests on
// a throwaway PostgreSQL this script starts, and Playwright in Chromium against the production
// build served by `npm start`'s own start script on that same server. Ends with one line,
// `N passed, N failed`. `npm test -- --only=unit,integration` runs a subset while developing.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { appendFile, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startAppInstance, type AppInstance } from "./lib/app-instance";
import { startEmbeddedPostgres, type RunningPostgres } from "./lib/postgres";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules/.bin", name);
const STAGES = ["format", "lint", "typecheck", "unit", "integration", "e2e"] as const;
type Stage = (typeof STAGES)[number];

const onlyArg = process.argv.find((a) => a.startsWith("--only="));
const selected = new Set<Stage>(onlyArg ? (onlyArg.slice(7).split(",") as Stage[]) : STAGES);
// `npm test -- --only=e2e e2e/runs-live.spec.ts`: other arguments pick Playwright spec files.
const specFiles = process.argv.slice(2).filter((a) => !a.startsWith("--"));

const tally = { passed: 0, failed: 0, skipped: 0 };
const failures: string[] = [];
// The failing tests by name, repeated at the very end: CI keeps only the tail of the output.
const failedTests: string[] = [];

// eslint-disable-next-line no-control-regex -- the escape character that starts a terminal colour code
const ANSI_COLOUR = /\u001b\[[0-9;]*m/g;

/** The first line of a failure message, without colour codes, short enough for a summary. */
function firstLine(message: string | undefined): string {
  const plain = (message ?? "").replace(ANSI_COLOUR, "");
  return (plain.split("\n").find((l) => l.trim()) ?? "").trim().slice(0, 200);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

function banner(title: string) {
  process.stdout.write(`\n━━━ ${title} ━━━\n`);
}

/** A whole-tool check (lint, typecheck) counts as one test. */
async function check(name: string, command: string, args: string[]) {
  banner(name);
  const code = await run(command, args);
  if (code === 0) tally.passed += 1;
  else {
    tally.failed += 1;
    failures.push(name);
  }
}

async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  await client.end();
  return adminUrl.replace(/\/postgres$/, `/${name}`);
}

async function vitest(project: "unit" | "integration", env: NodeJS.ProcessEnv, tmp: string) {
  banner(`${project} tests`);
  const report = path.join(tmp, `${project}.json`);
  const code = await run(
    bin("vitest"),
    ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile=${report}`],
    env,
  );
  if (!existsSync(report)) {
    tally.failed += 1;
    failures.push(`${project} (no report, exit ${code})`);
    return;
  }
  const result = JSON.parse(await readFile(report, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    testResults: {
      status: string;
      name: string;
      message?: string;
      assertionResults: { status: string; fullName: string; failureMessages: string[] }[];
    }[];
  };
  tally.passed += result.numPassedTests;
  tally.failed += result.numFailedTests;
  tally.skipped += result.numPendingTests + result.numTodoTests;
  // A file that fails to load has no tests to count but must still fail the run.
  const brokenFiles = result.testResults.filter((f) => f.status === "failed" && f.message);
  tally.failed += brokenFiles.length;
  for (const file of result.testResults) {
    const where = path.relative(root, file.name);
    if (file.status === "failed" && file.message) failedTests.push(`${project}: ${where}: ${firstLine(file.message)}`);
    for (const test of file.assertionResults) {
      if (test.status === "failed") failedTests.push(`${project}: ${where} › ${test.fullName}: ${firstLine(test.failureMessages[0])}`);
    }
  }
  if (result.numFailedTests || brokenFiles.length || code !== 0) failures.push(`${project} tests`);
}

type PlaywrightSuite = {
  title: string;
  file?: string;
  suites?: PlaywrightSuite[];
  specs?: { title: string; ok: boolean; line?: number; tests: { results: { status: string; error?: { message?: string } }[] }[] }[];
};

function collectPlaywrightFailures(suites: PlaywrightSuite[], titles: string[]) {
  for (const suite of suites) {
    const trail = suite.file && titles.length === 0 ? [] : [...titles, suite.title];
    for (const spec of suite.specs ?? []) {
      if (spec.ok) continue;
      const error = spec.tests.flatMap((t) => t.results).find((r) => r.error)?.error?.message;
      failedTests.push(`e2e: ${suite.file ?? ""}:${spec.line ?? ""} › ${[...trail, spec.title].join(" › ")}: ${firstLine(error)}`);
    }
    collectPlaywrightFailures(suite.suites ?? [], trail);
  }
}

async function e2e(postgres: RunningPostgres, tmp: string) {
  banner("e2e (Playwright, Chromium, production build)");
  const databaseUrl = await createDatabase(postgres.adminUrl, "bulkhead_e2e");
  // The app connects as its own least-privileged role, as `npm start` does (docs/decisions/012);
  // migrations and the tests' own setup use the owner.
  const appDatabaseUrl = postgres.appUrl.replace(/\/[^/]+$/, "/bulkhead_e2e");
  const secret = randomBytes(33).toString("base64");
  const ingestToken = `bh_e2e_${randomBytes(12).toString("hex")}`;
  const instances: AppInstance[] = [];
  try {
    // Two instances on one database: live updates must cross between them (e2e/runs-live.spec.ts).
    for (let i = 0; i < 2; i++) {
      instances.push(
        await startAppInstance({
          databaseUrl: appDatabaseUrl,
          migrationDatabaseUrl: databaseUrl,
          authSecret: secret,
          dataDir: path.join(tmp, "app-data"),
          env: { BULKHEAD_DEMO_INGEST_TOKEN: ingestToken },
        }),
      );
    }
  } catch (error) {
    await Promise.all(instances.map((i) => i.stop()));
    tally.failed += 1;
    failures.push(`e2e (${error instanceof Error ? error.message : String(error)})`);
    return;
  }
  try {
    const report = path.join(tmp, "e2e.json");
    const code = await run(bin("playwright"), ["test", ...specFiles], {
      ...process.env,
      BULKHEAD_E2E_BASE_URL: instances[0]!.url,
      BULKHEAD_E2E_SECOND_URL: instances[1]!.url,
      BULKHEAD_E2E_DATABASE_URL: databaseUrl,
      // Where the instances keep uploaded evidence (scripts/start.ts: <data dir>/evidence), for specs that plant a stored file.
      BULKHEAD_E2E_EVIDENCE_DIR: path.join(tmp, "app-data", "evidence"),
      BULKHEAD_E2E_JSON: report,
    });
    if (!existsSync(report)) {
      tally.failed += 1;
      failures.push(`e2e (no report, exit ${code})`);
      return;
    }
    const { stats, suites } = JSON.parse(await readFile(report, "utf8")) as {
      stats: { expected: number; unexpected: number; skipped: number; flaky: number };
      suites: PlaywrightSuite[];
    };
    collectPlaywrightFailures(suites, []);
    tally.passed += stats.expected;
    tally.failed += stats.unexpected + stats.flaky;
    tally.skipped += stats.skipped;
    if (stats.unexpected || stats.flaky || code !== 0) failures.push("e2e");
  } finally {
    await Promise.all(instances.map((i) => i.stop()));
  }
}

async function main() {
  const tmp = await mkdtemp(path.join(os.tmpdir(), "bulkhead-test-"));
  let postgres: RunningPostgres | null = null;
  try {
    if (selected.has("format")) await check("format", bin("prettier"), ["--check", "."]);
    if (selected.has("lint")) await check("lint", bin("eslint"), ["--max-warnings=0", "."]);
    if (selected.has("typecheck")) await check("typecheck", bin("tsc"), ["--noEmit"]);
    if (selected.has("unit")) await vitest("unit", process.env, tmp);

    if (selected.has("integration") || selected.has("e2e")) {
      banner("PostgreSQL for the tests");
      postgres = await startEmbeddedPostgres({ dataDir: path.join(tmp, "db"), database: "bulkhead_test", persistent: false });
      process.stdout.write(`throwaway server on port ${postgres.port}\n`);
    }
    if (postgres && selected.has("integration")) {
      await vitest("integration", { ...process.env, BULKHEAD_TEST_DATABASE_URL: postgres.url }, tmp);
    }
    if (postgres && selected.has("e2e")) await e2e(postgres, tmp);
  } finally {
    await postgres?.stop().catch(() => undefined);
    await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
  }

  // Skipped tests are defects here: a test either runs and asserts, or it does not exist.
  const failed = tally.failed + tally.skipped;
  process.stdout.write(`\n${failures.length ? `Failed: ${failures.join(", ")}\n` : ""}`);
  for (const test of failedTests.slice(0, 30)) process.stdout.write(`  ✗ ${test}\n`);
  if (failedTests.length > 30) process.stdout.write(`  … and ${failedTests.length - 30} more\n`);
  if (tally.skipped) process.stdout.write(`${tally.skipped} skipped (counted as failed)\n`);
  process.stdout.write(`${tally.passed} passed, ${failed} failed\n`);
  if (process.env.BULKHEAD_RESULTS_FILE) {
    await appendFile(process.env.BULKHEAD_RESULTS_FILE, `${tally.passed} ${failed}\n`);
  }
  process.exit(failed || failures.length ? 1 : 0);
}

void main();
