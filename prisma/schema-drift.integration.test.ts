// Drift test: no tool diffs schema.prisma against the SQL migrations here (Prisma's schema engine
// cannot be downloaded; docs/decisions/001-offline-migrations.md). So: apply every migration to an
// empty database and compare what PostgreSQL's catalog holds with what the schema says Prisma would
// have created, in both directions. Also covers the runner's bookkeeping and refusals.
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, assert, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, MIGRATIONS_DIR, readMigrations } from "@/scripts/lib/migrate";
import { loadSchemaSpec, readDatamodel } from "@/scripts/lib/schema-model";
import { differences } from "@/tests/support/schema-catalog";

const adminUrl = process.env.BULKHEAD_TEST_ADMIN_URL ?? "";
const created: string[] = [];

async function freshDatabase(): Promise<string> {
  const name = `drift_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`).finally(() => admin.end());
  created.push(name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const query = <T extends pg.QueryResultRow>(url: string, sql: string) =>
  withClient(url, async (client) => (await client.query<T>(sql)).rows);

afterAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  for (const name of created) await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
  await admin.end();
});

describe("prisma/migrations against prisma/schema.prisma", () => {
  let url = "";
  const spec = loadSchemaSpec();

  beforeAll(async () => {
    expect(adminUrl, "BULKHEAD_TEST_ADMIN_URL comes from tests/setup/global-postgres.ts").toMatch(/^postgres/);
    url = await freshDatabase();
    await applyMigrations(url);
  });

  it("derives every model, scalar field, index and relation of the schema", () => {
    // Guards the comparison below against a schema-model.ts that silently skips something.
    const datamodel = readDatamodel();
    expect(spec.tables.map((t) => t.model)).toEqual(datamodel.models.map((m) => m.name));
    const scalarFields = datamodel.models.flatMap((m) => m.fields.filter((f) => f.kind !== "object"));
    expect(spec.tables.flatMap((t) => t.columns)).toHaveLength(scalarFields.length);
    expect(spec.indexes).toHaveLength(datamodel.indexes.filter((i) => i.type !== "id").length);
    const inline = datamodel.models.flatMap((m) => m.fields.filter((f) => (f.relationFromFields ?? []).length > 0));
    expect(spec.foreignKeys).toHaveLength(inline.length);
    expect(spec.enums).toHaveLength(datamodel.enums.length);
    expect(spec.tables.length).toBeGreaterThan(0);
  });

  it("creates exactly what the schema describes, and nothing else", async () => {
    const found = await withClient(url, (client) => differences(client, spec));
    if (found.length > 0) {
      assert.fail(
        `${found.length} difference(s) between the migrated database and prisma/schema.prisma:\n  - ${found.join("\n  - ")}\n` +
          "Write a migration under prisma/migrations that closes them (npx tsx scripts/schema-sql.ts prints the full DDL).",
      );
    }
  });

  it("records migrations as Prisma does, and a second run applies nothing", async () => {
    expect(await applyMigrations(url)).toEqual({ applied: [] });
    const rows = await query<{
      id: string;
      checksum: string;
      migration_name: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
      applied_steps_count: number;
    }>(url, `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);
    const local = await readMigrations();
    expect(local.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.migration_name)).toEqual(local.map((m) => m.name));
    for (const row of rows) {
      const file = readFileSync(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(file).digest("hex"));
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    const table = await query<{ name: string; type: string; notNull: boolean }>(
      url,
      `SELECT attname AS name, format_type(atttypid, atttypmod) AS type, attnotnull AS "notNull" FROM pg_attribute
        WHERE attrelid = '"_prisma_migrations"'::regclass AND attnum > 0 ORDER BY attnum`,
    );
    expect(table.map((c) => `${c.name} ${c.type}${c.notNull ? " NOT NULL" : ""}`)).toEqual([
      "id character varying(36) NOT NULL",
      "checksum character varying(64) NOT NULL",
      "finished_at timestamp with time zone",
      "migration_name character varying(255) NOT NULL",
      "logs text",
      "rolled_back_at timestamp with time zone",
      "started_at timestamp with time zone NOT NULL",
      "applied_steps_count integer NOT NULL",
    ]);
  });
});

describe("applyMigrations", () => {
  it("lets only one of two simultaneous runs migrate", async () => {
    const url = await freshDatabase();
    const results = await Promise.all([applyMigrations(url), applyMigrations(url)]);
    expect(results.map((r) => r.applied.length).sort()).toEqual([0, (await readMigrations()).length]);
  });

  it("refuses when an applied migration's file no longer matches its checksum", async () => {
    const url = await freshDatabase();
    await applyMigrations(url);
    await query(url, `UPDATE "_prisma_migrations" SET checksum = repeat('0', 64)`);
    await expect(applyMigrations(url)).rejects.toThrow(/20261128060000_init was changed after it was applied/);
  });

  it("refuses while a previous migration is unfinished", async () => {
    const url = await freshDatabase();
    await applyMigrations(url);
    await query(url, `UPDATE "_prisma_migrations" SET finished_at = NULL, logs = 'crashed'`);
    await expect(applyMigrations(url)).rejects.toThrow(/20261128060000_init started at .* and never finished:\n {4}crashed/);
  });

  it("rolls a failing migration back entirely and applies it once fixed", async () => {
    const url = await freshDatabase();
    const dir = await mkdtemp(path.join(os.tmpdir(), "bulkhead-migrations-"));
    try {
      await cp(MIGRATIONS_DIR, dir, { recursive: true });
      const broken = path.join(dir, "29991231000000_broken");
      await mkdir(broken);
      await writeFile(path.join(broken, "migration.sql"), `CREATE TABLE "Broken" ("id" INTEGER);\nSELECT 1 / 0;\n`);
      await expect(applyMigrations(url, { migrationsDir: dir })).rejects.toThrow(
        /29991231000000_broken failed and was rolled back: division by zero/,
      );
      expect(await query(url, `SELECT to_regclass('"Broken"') AS t`)).toEqual([{ t: null }]);
      expect(await query(url, `SELECT 1 FROM "_prisma_migrations" WHERE migration_name LIKE '%broken'`)).toEqual([]);

      await writeFile(path.join(broken, "migration.sql"), `CREATE TABLE "Broken" ("id" INTEGER);\n`);
      expect(await applyMigrations(url, { migrationsDir: dir })).toEqual({ applied: ["29991231000000_broken"] });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
