// Prints the PostgreSQL DDL for prisma/schema.prisma exactly as
// `prisma migrate diff --from-empty --to-schema prisma/schema.prisma --script` writes it, because
// that command needs the schema engine, which cannot be downloaded here
// (docs/decisions/001-offline-migrations.md). Used once for the initial migration:
//
//   npx tsx scripts/schema-sql.ts > prisma/migrations/20261128060000_init/migration.sql
//
// Later migrations are hand-written ALTERs; run this to see the full DDL a change should reach,
// and let prisma/schema-drift.integration.test.ts prove the migrations got there.
import { pathToFileURL } from "node:url";
import { loadSchemaSpec, type ColumnSpec, type SchemaSpec } from "./lib/schema-model";

const INDENT = "    ";
const ident = (name: string) => `"${name}"`;
const identList = (names: string[], separator = ", ") => names.map(ident).join(separator);

const SERIAL_TYPES: Record<string, string> = { SMALLINT: "SMALLSERIAL", INTEGER: "SERIAL", BIGINT: "BIGSERIAL" };

function renderColumn(column: ColumnSpec): string {
  const autoincrement = column.default?.kind === "autoincrement";
  const base = autoincrement ? (SERIAL_TYPES[column.type] ?? column.type) : column.type;
  let sql = `${INDENT}${ident(column.name)} ${base}${column.isList ? "[]" : ""}`;
  if (column.notNull) sql += " NOT NULL";
  const value = column.default;
  if (value?.kind === "now") sql += " DEFAULT CURRENT_TIMESTAMP";
  if (value?.kind === "literal" || value?.kind === "expression") sql += ` DEFAULT ${value.sql}`;
  return sql;
}

/** One step: a `-- Kind` comment line, then each statement ending in `;`. */
function step(kind: string, statements: string[]): string {
  return `-- ${kind}\n${statements.map((s) => `${s};\n`).join("")}`;
}

export function renderSchemaSql(spec: SchemaSpec): string {
  const steps: string[] = [];
  for (const e of spec.enums) {
    const values = e.values.map((v) => `'${v}'`).join(", ");
    steps.push(step("CreateEnum", [`CREATE TYPE ${ident(e.name)} AS ENUM (${values})`]));
  }
  for (const table of spec.tables) {
    const columns = table.columns.map(renderColumn).join(",\n");
    // The schema engine joins primary-key columns without a space.
    const pk = table.primaryKey
      ? `,\n\n${INDENT}CONSTRAINT ${ident(table.primaryKey.name)} PRIMARY KEY (${identList(table.primaryKey.columns, ",")})`
      : "";
    steps.push(step("CreateTable", [`CREATE TABLE ${ident(table.name)} (\n${columns}${pk}\n)`]));
  }
  for (const index of spec.indexes) {
    const unique = index.unique ? "UNIQUE " : "";
    // Prisma writes a GIN index as `USING GIN ("col" ops)`, with a space before the column list.
    const target =
      index.method === "gin"
        ? ` USING GIN (${index.columns.map((c, i) => `${ident(c)}${index.opclasses[i] ? ` ${index.opclasses[i]}` : ""}`).join(", ")})`
        : `(${identList(index.columns)})`;
    steps.push(step("CreateIndex", [`CREATE ${unique}INDEX ${ident(index.name)} ON ${ident(index.table)}${target}`]));
  }
  for (const fk of spec.foreignKeys) {
    steps.push(
      step("AddForeignKey", [
        `ALTER TABLE ${ident(fk.table)} ADD CONSTRAINT ${ident(fk.name)} FOREIGN KEY (${identList(fk.columns)}) ` +
          `REFERENCES ${ident(fk.referencedTable)}(${identList(fk.referencedColumns)}) ` +
          `ON DELETE ${fk.onDelete} ON UPDATE ${fk.onUpdate}`,
      ]),
    );
  }
  // Steps are separated by a blank line and the script ends with a single newline, as Prisma's do.
  return steps.join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(renderSchemaSql(loadSchemaSpec()));
}
