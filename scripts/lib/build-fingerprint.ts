// Decides whether .next holds a build of the current sources, so that `npm start` builds only
// when something changed (a content hash, not mtimes: a fresh clone has new mtimes throughout).
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

const INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
  "prisma/schema.prisma",
];
const STAMP = ".next/bulkhead-source-hash";

async function* files(root: string, entry: string): AsyncGenerator<string> {
  const full = path.join(root, entry);
  if (!existsSync(full)) return;
  const dirents = await readdir(full, { withFileTypes: true }).catch(() => null);
  if (!dirents) {
    yield entry;
    return;
  }
  for (const d of dirents.sort((a, b) => a.name.localeCompare(b.name))) {
    if (d.name === "generated" || d.name.endsWith(".test.ts")) continue;
    yield* files(root, path.join(entry, d.name));
  }
}

export async function sourceFingerprint(root: string): Promise<string> {
  const hash = createHash("sha256");
  for (const entry of INPUTS) {
    for await (const file of files(root, entry)) {
      hash
        .update(file)
        .update("\0")
        .update(await readFile(path.join(root, file)))
        .update("\0");
    }
  }
  return hash.digest("hex");
}

export async function buildIsCurrent(root: string, fingerprint: string): Promise<boolean> {
  const stamp = path.join(root, STAMP);
  if (!existsSync(path.join(root, ".next/BUILD_ID")) || !existsSync(stamp)) return false;
  return (await readFile(stamp, "utf8")).trim() === fingerprint;
}

export async function recordBuild(root: string, fingerprint: string): Promise<void> {
  await writeFile(path.join(root, STAMP), fingerprint);
}
