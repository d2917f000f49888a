// CACAO 2.0 conformance (issue 5), registered by scripts/conformance.ts: the genuine OASIS and
// SOARCA examples and the original OASIS schemas in $BULKHEAD_FIXTURES/cacao against Bulkhead's
// validator, mapper and DAL — the same code the import page and the export route run.
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import { isDeepStrictEqual } from "node:util";
import path from "node:path";
import { playbookToCacao } from "../../lib/cacao/export";
import { readCacaoDocument } from "../../lib/cacao/read-document";
import { VENDORED_CACAO_SCHEMAS } from "../../lib/cacao/schema-files";
import { seedPlaybooksForExport } from "../../lib/cacao/seed-playbooks";
import { semanticProblems } from "../../lib/cacao/semantic";
import type { CacaoPlaybook } from "../../lib/cacao/types";
import { createCacaoValidator, type CacaoValidator } from "../../lib/cacao/validator";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { applyMigrations } from "./migrate";
import { startEmbeddedPostgres } from "./postgres";

export type ConformanceCheck = { name: string; run: () => Promise<void | string> };

const VALID_DIRS = ["examples/soarca", "examples/oasis-tcs"];
const INVALID_DIRS = ["examples/invalid/soarca", "examples/invalid/oasis-tcs"];

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

async function jsonFiles(dir: string, prefix = ""): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory()
        ? jsonFiles(path.join(dir, e.name), `${prefix}${e.name}/`)
        : Promise.resolve(e.name.endsWith(".json") ? [`${prefix}${e.name}`] : []),
    ),
  );
  return nested.flat().sort();
}

type Example = { file: string; text: string };

async function examples(cacao: string, dirs: string[]): Promise<Example[]> {
  const found: Example[] = [];
  for (const dir of dirs) {
    for (const file of await jsonFiles(path.join(cacao, dir)))
      found.push({ file: `${dir}/${file}`, text: await readFile(path.join(cacao, dir, file), "utf8") });
  }
  return found;
}

/** A validator compiled from the OASIS files in the fixtures, not from Bulkhead's vendored copy. */
async function originalValidator(cacao: string): Promise<{ validator: CacaoValidator; files: Map<string, string> }> {
  const dir = path.join(cacao, "schemas");
  const files = new Map<string, string>();
  for (const file of await jsonFiles(dir)) files.set(file, await readFile(path.join(dir, file), "utf8"));
  return { validator: createCacaoValidator([...files.values()].map((text) => JSON.parse(text) as object)), files };
}

/**
 * Imports every valid example through importCacaoPlaybook on a throwaway database, then exports
 * each imported draft through getPlaybookCacao and validates it against the original schemas.
 * lib/db keeps its one client on globalThis; it points at the throwaway database for this check
 * and is put back afterwards, so the check does not depend on configuration read before it.
 */
async function importAndExportOnDatabase(valid: Example[], original: CacaoValidator): Promise<string> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "bulkhead-conformance-cacao-pg-"));
  const server = await startEmbeddedPostgres({ dataDir, database: `bulkhead_cacao_${randomBytes(4).toString("hex")}`, persistent: false });
  const holder = globalThis as unknown as { bulkheadPrisma?: PrismaClient };
  const previous = holder.bulkheadPrisma;
  try {
    await applyMigrations(server.url);
    const { createPrismaClient } = await import("../../lib/db");
    const prisma = createPrismaClient(server.url, 2);
    holder.bulkheadPrisma = prisma;
    try {
      const { getPlaybookCacao, importCacaoPlaybook } = await import("../../lib/dal/playbook-cacao");
      const manager = await prisma.user.create({
        data: { email: "conformance@bulkhead.local", name: "Conformance", role: "IR_MANAGER", passwordHash: "x" },
        select: { id: true, email: true, name: true, role: true },
      });
      let steps = 0;
      for (const example of valid) {
        const imported = await importCacaoPlaybook(manager, { document: example.text, incidentType: "OTHER" }).catch((error: unknown) => {
          throw new Error(`${example.file}: ${error instanceof Error ? error.message : String(error)}`);
        });
        steps += imported.stepCount;
        const stored = await prisma.playbookVersion.findUniqueOrThrow({
          where: { id: imported.versionId },
          select: { status: true, importedCacao: true },
        });
        assert(stored.status === "DRAFT", `${example.file}: version 1 is ${stored.status}`);
        // jsonb keeps the content, not the key order, so compare as values.
        assert(
          isDeepStrictEqual(stored.importedCacao, JSON.parse(example.text)),
          `${example.file}: the stored document differs from the file`,
        );
        const exported = await getPlaybookCacao(manager, imported.playbookId, 1);
        const problems = [...original.problems(exported.document), ...semanticProblems(exported.document, original.isEmail)];
        assert(problems.length === 0, `${example.file}: re-export invalid: ${problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`);
      }
      const audited = await prisma.auditEvent.count({ where: { action: "playbook.import" } });
      assert(audited === valid.length, `${audited} playbook.import audit rows for ${valid.length} imports`);
      return `${valid.length} imported as drafts (${steps} steps, ${audited} audit rows), each exported again and valid against the OASIS schemas`;
    } finally {
      holder.bulkheadPrisma = previous;
      await prisma.$disconnect();
    }
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export function cacaoChecks(fixtures: string): ConformanceCheck[] {
  const cacao = path.join(fixtures, "cacao");
  return [
    {
      name: "CACAO: the vendored schema tree is the OASIS schema tree, file for file",
      async run() {
        const { files } = await originalValidator(cacao);
        const vendored = Object.keys(VENDORED_CACAO_SCHEMAS).sort();
        assert(vendored.join() === [...files.keys()].join(), `files differ: vendored ${vendored.length}, OASIS ${files.size}`);
        for (const [file, text] of files) {
          assert(JSON.stringify(JSON.parse(text)) === JSON.stringify(VENDORED_CACAO_SCHEMAS[file]), `${file} differs from the OASIS file`);
        }
        return `${files.size} schema files identical`;
      },
    },
    {
      name: "CACAO: every valid example (SOARCA, OASIS TC) passes the app's validator and maps to a playbook draft",
      async run() {
        const valid = await examples(cacao, VALID_DIRS);
        assert(valid.length >= 10, `expected the 10 valid examples, found ${valid.length}`);
        const lines: string[] = [];
        for (const example of valid) {
          const read = readCacaoDocument(example.text);
          assert(read.ok, `${example.file}: refused: ${read.ok ? "" : [read.message, ...read.problems].join(" | ")}`);
          assert(read.playbook.steps.length > 0, `${example.file}: no steps`);
          lines.push(`${example.file}: ${read.playbook.steps.length} step${read.playbook.steps.length === 1 ? "" : "s"}`);
        }
        return lines.join("\n      ");
      },
    },
    {
      name: "CACAO: every invalid example is refused with a clear error",
      async run() {
        const invalid = await examples(cacao, INVALID_DIRS);
        assert(invalid.length >= 6, `expected the 6 invalid examples, found ${invalid.length}`);
        const lines: string[] = [];
        for (const example of invalid) {
          const read = readCacaoDocument(example.text);
          assert(!read.ok, `${example.file}: accepted`);
          assert(
            read.problems.length > 0 && read.problems.every((p) => /^\/\S*: \S/.test(p) || /^and \d+ more$/.test(p)),
            `${example.file}: unclear error: ${read.message}`,
          );
          lines.push(`${example.file}: ${read.message}`, ...read.problems.map((p) => `  ${p}`));
        }
        return lines.join("\n      ");
      },
    },
    {
      name: "CACAO: every exported seed playbook validates against the original OASIS schemas",
      async run() {
        const { validator } = await originalValidator(cacao);
        const seeded = seedPlaybooksForExport();
        const lines: string[] = [];
        for (const playbook of seeded) {
          const document: CacaoPlaybook = JSON.parse(JSON.stringify(playbookToCacao(playbook)));
          const problems = [...validator.problems(document), ...semanticProblems(document, validator.isEmail)];
          assert(problems.length === 0, `${playbook.title}: ${problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`);
          const back = readCacaoDocument(JSON.stringify(document), validator);
          assert(back.ok && back.playbook.steps.length === playbook.steps.length, `${playbook.title}: does not import back whole`);
          lines.push(`${playbook.title}: ${playbook.steps.length} steps, valid, imports back`);
        }
        return lines.join("\n      ");
      },
    },
    {
      name: "CACAO import: the valid examples through importCacaoPlaybook on a throwaway database, then exported again",
      async run() {
        const { validator } = await originalValidator(cacao);
        return importAndExportOnDatabase(await examples(cacao, VALID_DIRS), validator);
      },
    },
  ];
}
