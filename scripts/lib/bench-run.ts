// How every benchmark runs: in a scratch directory of its own with a throwaway PostgreSQL in it,
// both removed when the run ends, passed or failed, after the benchmark's own clean-up; a failure
// prints its stack and exits 1.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
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
