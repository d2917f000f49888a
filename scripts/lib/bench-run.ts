// How every benchmark runs: in a scratch directory of its own with a throwaway PostgreSQL in it,
// both removed when the run ends, passed or failed, after the benchmark's own clean-up; a failure
// prints its stack and exits 1. The production app and a migrated connection start on that database.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startAppInstance, type AppInstance } from "./app-instance";
import { applyMigrations } from "./migrate";
import { startEmbeddedPostgres, type RunningPostgres } from "./postgres";

export type BenchScratch = { tmp: string; postgres: RunningPostgres };

async function inScratch(tmpPrefix: string, main: (scratch: BenchScratch) => Promise<void>): Promise<void> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), tmpPrefix));
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(tmp, "db"), database: "bench", persistent: false });
  try {
    await main({ tmp, postgres });
  } finally {
    await postgres.stop();
    await rm(tmp, { recursive: true, force: true });
  }
}

/** Runs `main` as the `npm run <name>` benchmark, in a scratch directory named `<tmpPrefix>…`. */
export function runBench(name: string, tmpPrefix: string, main: (scratch: BenchScratch) => Promise<void>): void {
  void inScratch(tmpPrefix, main).catch((error: unknown) => {
    process.stderr.write(`${name} failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}

/**
 * The production app on the scratch database, its stdout dropped (the report is printed there).
 * `dir`: its data directory in the scratch one; instances given one `authSecret` accept each other's sessions.
 */
export function startBenchApp(
  { tmp, postgres }: BenchScratch,
  options: { dir?: string; authSecret?: string; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<AppInstance> {
  return startAppInstance({
    databaseUrl: postgres.url,
    authSecret: options.authSecret ?? randomBytes(33).toString("base64"),
    dataDir: path.join(tmp, options.dir ?? "app"),
    stdio: "ignore-stdout",
    env: options.env,
    timeoutMs: options.timeoutMs,
  });
}

/** A connection to the scratch database with the schema migrated, for benches that write their own history. */
export async function migratedClient(postgres: RunningPostgres): Promise<pg.Client> {
  await applyMigrations(postgres.url);
  const client = new pg.Client({ connectionString: postgres.url });
  await client.connect();
  return client;
}
