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
import { loadSchemaSpec, readDatamodel, type ColumnSpec, type SchemaSpec } from "@/scripts/lib/schema-model";
import { SQL_ONLY_INDEXES } from "./sql-only-indexes";

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

// ── what the catalog holds ──────────────────────────────────────────────────────────────────────
const names = (attrs: string, rel: string) =>
  `ARRAY(SELECT a.attname FROM unnest(${attrs}) WITH ORDINALITY k(n, i)
         JOIN pg_attribute a ON a.attrelid = ${rel} AND a.attnum = k.n ORDER BY k.i)::text[]`;
const inSchema = `n.nspname = current_schema() AND t.relname <> '_prisma_migrations'`;
const CATALOG = {
  enums: `SELECT ty.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
            FROM pg_type ty JOIN pg_enum e ON e.enumtypid = ty.oid JOIN pg_namespace n ON n.oid = ty.typnamespace
           WHERE n.nspname = current_schema() GROUP BY ty.typname`,
  tables: `SELECT t.relname AS name, t.relkind AS kind FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE ${inSchema} AND t.relkind IN ('r', 'p', 'v', 'm', 'f')`,
  columns: `SELECT t.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
                   a.attnotnull AS "notNull", pg_get_expr(d.adbin, d.adrelid) AS default,
                   a.attidentity <> '' AS identity, a.attgenerated <> '' AS generated
              FROM pg_attribute a JOIN pg_class t ON t.oid = a.attrelid JOIN pg_namespace n ON n.oid = t.relnamespace
              LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
             WHERE ${inSchema} AND t.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped`,
  indexes: `SELECT i.relname AS name, t.relname AS table, ix.indisunique AS unique, ix.indisprimary AS primary, pg_get_indexdef(ix.indexrelid) AS definition,
                   ${names("ix.indkey::int2[]", "t.oid")} AS columns, am.amname AS method,
                   ARRAY(SELECT CASE WHEN oc.opcdefault THEN NULL ELSE oc.opcname END FROM unnest(ix.indclass::oid[]) WITH ORDINALITY k(c, i)
                          JOIN pg_opclass oc ON oc.oid = k.c ORDER BY k.i)::text[] AS opclasses,
                   concat_ws(', ',
                     CASE WHEN ix.indpred IS NOT NULL THEN 'partial' END, CASE WHEN ix.indexprs IS NOT NULL THEN 'on expressions' END,
                     CASE WHEN ix.indnatts <> ix.indnkeyatts THEN 'with INCLUDE columns' END,
                     CASE WHEN EXISTS (SELECT 1 FROM unnest(ix.indoption::int2[]) o WHERE o <> 0) THEN 'DESC or NULLS FIRST' END) AS unusual
              FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
              JOIN pg_namespace n ON n.oid = t.relnamespace JOIN pg_am am ON am.oid = i.relam WHERE ${inSchema}`,
  constraints: `SELECT c.conname AS name, c.contype AS type, t.relname AS table, r.relname AS "referencedTable",
                       ${names("c.conkey", "c.conrelid")} AS columns, ${names("c.confkey", "c.confrelid")} AS "referencedColumns",
                       c.confdeltype AS "onDelete", c.confupdtype AS "onUpdate"
                  FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
                  LEFT JOIN pg_class r ON r.oid = c.confrelid WHERE ${inSchema} AND c.contype IN ('p', 'f')`,
};
type DbColumn = {
  table: string;
  name: string;
  type: string;
  notNull: boolean;
  default: string | null;
  identity: boolean;
  generated: boolean;
};
type DbIndex = {
  name: string;
  table: string;
  unique: boolean;
  primary: boolean;
  columns: string[];
  method: string;
  opclasses: (string | null)[];
  unusual: string;
  definition: string;
};
type DbConstraint = {
  name: string;
  type: "p" | "f";
  table: string;
  referencedTable: string | null;
  columns: string[];
  referencedColumns: string[];
  onDelete: string;
  onUpdate: string;
};
const ACTIONS: Record<string, string> = { a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };

/** How format_type() spells the DDL type a column spec was written with. */
function catalogType(column: ColumnSpec): string {
  const match = /^([A-Z ]+)(\([\d,]+\))?$/.exec(column.type);
  let type = column.type.replaceAll('"', "");
  if (match) {
    const [, base = "", args = ""] = match;
    const spelled: Record<string, string> = {
      TIMESTAMP: `timestamp${args} without time zone`,
      TIMESTAMPTZ: `timestamp${args} with time zone`,
      DECIMAL: `numeric${args}`,
      VARCHAR: `character varying${args}`,
      CHAR: `character${args}`,
    };
    type = spelled[base] ?? `${base.toLowerCase()}${args}`;
  }
  return column.isList ? `${type}[]` : type;
}

async function differences(client: pg.Client, spec: SchemaSpec): Promise<string[]> {
  const rows = async <T extends pg.QueryResultRow>(sql: string) => (await client.query<T>(sql)).rows;
  const enums = await rows<{ name: string; values: string[] }>(CATALOG.enums);
  const tables = await rows<{ name: string; kind: string }>(CATALOG.tables);
  const columns = await rows<DbColumn>(CATALOG.columns);
  const indexes = await rows<DbIndex>(CATALOG.indexes);
  const constraints = await rows<DbConstraint>(CATALOG.constraints);
  const out: string[] = [];
  const list = (items: string[]) => items.join(", ");

  const dbEnums = new Map(enums.map((e) => [e.name, e.values]));
  for (const e of spec.enums) {
    const values = dbEnums.get(e.name);
    if (!values) out.push(`enum "${e.name}" is missing`);
    else if (list(values) !== list(e.values))
      out.push(`enum "${e.name}" has (${list(values)}), the schema says (${list(e.values)}) in this order`);
  }
  for (const name of dbEnums.keys()) if (!spec.enums.some((e) => e.name === name)) out.push(`enum "${name}" is not in the schema`);

  for (const t of tables) {
    const kind = t.kind === "r" || t.kind === "p" ? "table" : `relation (relkind ${t.kind})`;
    if (!spec.tables.some((s) => s.name === t.name)) out.push(`${kind} "${t.name}" is not in the schema`);
  }
  for (const table of spec.tables) {
    if (!tables.some((t) => t.name === table.name)) {
      out.push(`table "${table.name}" (model ${table.model}) is missing`);
      continue;
    }
    const dbColumns = columns.filter((c) => c.table === table.name);
    for (const c of dbColumns)
      if (!table.columns.some((s) => s.name === c.name)) out.push(`column "${table.name}"."${c.name}" is not in the schema`);
    for (const col of table.columns) {
      const where = `column "${table.name}"."${col.name}"`;
      const db = dbColumns.find((c) => c.name === col.name);
      if (!db) {
        out.push(`${where} is missing`);
        continue;
      }
      const type = db.type.replaceAll('"', "");
      if (type !== catalogType(col)) out.push(`${where} is ${type}, the schema says ${catalogType(col)}`);
      if (db.notNull !== col.notNull)
        out.push(`${where} is ${db.notNull ? "NOT NULL" : "nullable"}, the schema says ${col.notNull ? "NOT NULL" : "nullable"}`);
      if (db.identity || db.generated)
        out.push(`${where} is an ${db.identity ? "identity" : "generated"} column, which the schema does not describe`);
      out.push(...(await defaultDifferences(client, where, col, db.default)));
    }
    const pk = constraints.find((c) => c.type === "p" && c.table === table.name);
    const want = table.primaryKey;
    if (want && !pk) out.push(`primary key "${want.name}" on "${table.name}" is missing`);
    if (!want && pk) out.push(`primary key "${pk.name}" on "${table.name}" is not in the schema`);
    if (want && pk && (pk.name !== want.name || list(pk.columns) !== list(want.columns))) {
      out.push(
        `primary key on "${table.name}" is "${pk.name}"(${list(pk.columns)}), the schema says "${want.name}"(${list(want.columns)})`,
      );
    }
  }

  for (const want of spec.indexes) {
    const db = indexes.find((i) => i.name === want.name);
    const wanted = `${want.unique ? "unique index" : "index"} "${want.name}" on "${want.table}"(${list(want.columns)})`;
    if (!db) out.push(`${wanted} is missing`);
    else if (db.table !== want.table || db.unique !== want.unique || list(db.columns) !== list(want.columns)) {
      out.push(`${wanted} is ${db.unique ? "a unique index" : "an index"} on "${db.table}"(${list(db.columns)}) in the database`);
    } else if (db.method !== want.method || list(db.opclasses.map(String)) !== list(want.opclasses.map(String))) {
      out.push(
        `${wanted} is USING ${db.method} (${list(db.opclasses.map(String))}) in the database, the schema says USING ${want.method} (${list(want.opclasses.map(String))})`,
      );
    } else if (db.unusual) {
      out.push(`${wanted} is ${db.unusual} in the database; Prisma creates plain ascending indexes`);
    }
  }
  for (const db of indexes) {
    if (db.primary || spec.indexes.some((i) => i.name === db.name)) continue;
    const sqlOnly = SQL_ONLY_INDEXES[db.name];
    // Partial indexes Prisma cannot declare: the migrations' definition must be the listed one.
    const definition = db.definition.replace(/ ON \S+\./, " ON ");
    if (sqlOnly && definition === sqlOnly.replace(/ ON \S+\./, " ON ")) continue;
    out.push(
      sqlOnly
        ? `index "${db.name}" is ${definition} in the database, prisma/sql-only-indexes.ts says ${sqlOnly}`
        : `index "${db.name}" on "${db.table}"(${list(db.columns)}) is not in the schema`,
    );
  }
  for (const name of Object.keys(SQL_ONLY_INDEXES))
    if (!indexes.some((i) => i.name === name)) out.push(`index "${name}" of prisma/sql-only-indexes.ts is missing`);

  const fks = constraints.filter((c) => c.type === "f");
  for (const want of spec.foreignKeys) {
    const db = fks.find((c) => c.name === want.name);
    const describe = (
      c: { table: string; columns: string[]; referencedTable: string | null; referencedColumns: string[] },
      del: string,
      upd: string,
    ) => `"${c.table}"(${list(c.columns)}) → "${c.referencedTable}"(${list(c.referencedColumns)}) ON DELETE ${del} ON UPDATE ${upd}`;
    const wanted = describe(want, want.onDelete, want.onUpdate);
    if (!db) out.push(`foreign key "${want.name}" ${wanted} is missing`);
    else {
      const actual = describe(db, ACTIONS[db.onDelete] ?? db.onDelete, ACTIONS[db.onUpdate] ?? db.onUpdate);
      if (actual !== wanted) out.push(`foreign key "${want.name}" is ${actual}, the schema says ${wanted}`);
    }
  }
  for (const db of fks)
    if (!spec.foreignKeys.some((f) => f.name === db.name)) out.push(`foreign key "${db.name}" on "${db.table}" is not in the schema`);
  return out;
}

async function defaultDifferences(client: pg.Client, where: string, col: ColumnSpec, actual: string | null): Promise<string[]> {
  const want = col.default;
  if (!want || want.kind === "expression") {
    if (!want && actual !== null) return [`${where} has DEFAULT ${actual}, the schema has no database default`];
    return want && actual === null ? [`${where} has no DEFAULT, the schema says ${want.sql}`] : [];
  }
  if (actual === null) return [`${where} has no DEFAULT, the schema says ${want.kind === "literal" ? want.sql : `${want.kind}()`}`];
  if (want.kind === "now")
    return actual === "CURRENT_TIMESTAMP" ? [] : [`${where} has DEFAULT ${actual}, the schema says now() (CURRENT_TIMESTAMP)`];
  if (want.kind === "autoincrement") {
    return /^nextval\('.+'::regclass\)$/.test(actual)
      ? []
      : [`${where} has DEFAULT ${actual}, the schema says autoincrement() (a SERIAL sequence)`];
  }
  // Compare values, not spellings: the catalog writes 'OPEN'::"IncidentStatus" for Prisma's 'OPEN'.
  const { rows } = await client.query<{ db: string; schema: string }>(`SELECT (${actual})::text AS db, (${want.sql})::text AS schema`);
  const row = rows[0];
  return row?.db === row?.schema ? [] : [`${where} has DEFAULT ${actual}, the schema says ${want.sql}`];
}

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
