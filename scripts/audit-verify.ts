// `npm run audit:verify -- <export.jsonl> [--public-key <file or PEM/base64>]`: verifies an export of
// the audit record (GET /api/audit/export) offline, with no database: the hash chain is unbroken,
// it reaches the latest signed checkpoint with the same hash, and every checkpoint's Ed25519
// signature verifies. Prints one verdict; exits 0 when intact, 1 when tampered, 2 on bad usage.
// Give --public-key the key shown on the Audit page, recorded apart from the export: with the
// export's own key, someone who rewrote the export could also have re-signed it.
import { createReadStream, existsSync, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { ExportVerification } from "../lib/domain/audit-export";
import { parsePublicKey } from "../lib/domain/audit-signature";

function usage(message: string): never {
  process.stderr.write(
    `audit:verify: ${message}\nusage: npm run audit:verify -- <export.jsonl> [--public-key <file | PEM | base64 SPKI>]\n`,
  );
  process.exit(2);
}

const args = process.argv.slice(2);
const keyAt = args.indexOf("--public-key");
const keyArg = keyAt >= 0 ? args[keyAt + 1] : undefined;
if (keyAt >= 0 && !keyArg) usage("--public-key needs a value");
const files = args.filter((a, i) => a !== "--public-key" && (keyAt < 0 || i !== keyAt + 1));
if (files.length !== 1) usage("give exactly one export file");
const file = files[0]!;
if (!existsSync(file)) usage(`${file} does not exist`);

let trustedKey = null;
if (keyArg) {
  try {
    trustedKey = parsePublicKey(existsSync(keyArg) ? readFileSync(keyArg, "utf8") : keyArg);
  } catch (error) {
    usage(`--public-key: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const verification = new ExportVerification(trustedKey);
const lines = createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity });
for await (const line of lines) verification.line(line);
const verdict = verification.finish();

const out = verdict.ok ? process.stdout : process.stderr;
out.write(`${verdict.ok ? "INTACT" : "TAMPERED"}: ${verdict.message}\n`);
if (verdict.head) out.write(`  head: #${verdict.head.seq} ${verdict.head.hash}\n`);
if (verdict.latestCheckpoint) out.write(`  latest signed checkpoint: #${verdict.latestCheckpoint.seq} ${verdict.latestCheckpoint.hash}\n`);
out.write(
  `  checkpoints verified: ${verdict.checkpointsChecked}${verdict.otherKeyCheckpoints ? `, ${verdict.otherKeyCheckpoints} signed by another key (not trusted)` : ""}\n`,
);
out.write(
  verdict.keyId
    ? `  signing key: ${verdict.keyId}${verdict.keyFromExport ? " (taken from the export itself: compare it with the key id on the Audit page, or pass --public-key)" : " (the key you gave)"}\n`
    : "  signing key: none\n",
);
process.exit(verdict.ok ? 0 : 1);
