// What PostgreSQL's catalog holds, compared with what prisma/schema.prisma says Prisma would have
// created (the drift test in prisma/schema-drift.integration.test.ts): tables and columns with
// their types, nullability and defaults, indexes, foreign keys with their actions, enums.
import type pg from "pg";
import { SQL_ONLY_INDEXES } from "@/prisma/sql-only-indexes";
import type { ColumnSpec, SchemaSpec } from "@/scripts/lib/schema-model";

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

export async function differences(client: pg.Client, spec: SchemaSpec): Promise<string[]> {
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
