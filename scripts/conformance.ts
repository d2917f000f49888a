// `npm run test:conformance`: checks Bulkhead against the real third-party material in
// ../shared/fixtures (or $BULKHEAD_FIXTURES). Each area adds its checks here as it is built:
// Falco ingest (issue 4) and CACAO import/export (issue 5) come next.
import { existsSync } from "node:fs";
import { appendFile, readFile } from "node:fs/promises";
import path from "node:path";
import { CONTAINER_TECHNIQUES, TACTICS } from "../lib/domain/attack";
import { cacaoChecks } from "./lib/conformance-cacao";
import { falcoChecks } from "./lib/conformance-falco";

const root = path.resolve(import.meta.dirname, "..");
const fixtures = path.resolve(root, process.env.BULKHEAD_FIXTURES ?? "../shared/fixtures");

/** A check may return a line of detail to print under it (counts, a distribution). */
type Check = { name: string; run: () => Promise<void | string> };
const checks: Check[] = [];

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

async function json<T>(relative: string): Promise<T> {
  return JSON.parse(await readFile(path.join(fixtures, relative), "utf8")) as T;
}

checks.push({
  name: "ATT&CK: the project's technique list is MITRE's Containers list",
  async run() {
    const reference = await json<{ id: string; name: string; tactics: string[] }[]>("attack/containers-techniques.json");
    const ours = new Map(CONTAINER_TECHNIQUES.map((t) => [t.id, t]));
    assert(reference.length === ours.size, `reference has ${reference.length} techniques, the project ${ours.size}`);
    for (const technique of reference) {
      const mine = ours.get(technique.id);
      assert(mine, `missing ${technique.id} ${technique.name}`);
      assert(mine.name === technique.name, `${technique.id}: name "${mine.name}" differs from "${technique.name}"`);
      assert(mine.tactics.join() === technique.tactics.join(), `${technique.id}: tactics differ`);
    }
  },
});

checks.push({
  name: "ATT&CK: the project's tactics are the Enterprise tactics in matrix order",
  async run() {
    const reference = await json<{ shortname: string }[]>("attack/tactics.json");
    assert(reference.map((t) => t.shortname).join() === TACTICS.map((t) => t.shortname).join(), "tactic list or order differs");
  },
});

checks.push(...falcoChecks(fixtures));
checks.push(...cacaoChecks(fixtures));

async function main() {
  if (!existsSync(fixtures)) {
    process.stderr.write(`No reference fixtures at ${fixtures}; set BULKHEAD_FIXTURES.\n0 passed, 1 failed\n`);
    process.exit(1);
  }
  let passed = 0;
  let failed = 0;
  for (const check of checks) {
    try {
      const detail = await check.run();
      passed += 1;
      process.stdout.write(`  ✓ ${check.name}\n${detail ? `      ${detail}\n` : ""}`);
    } catch (error) {
      failed += 1;
      process.stdout.write(`  ✗ ${check.name}\n      ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  process.stdout.write(`conformance: ${passed} passed, ${failed} failed\n`);
  if (process.env.BULKHEAD_RESULTS_FILE) await appendFile(process.env.BULKHEAD_RESULTS_FILE, `${passed} ${failed}\n`);
  process.exit(failed ? 1 : 0);
}

void main();
