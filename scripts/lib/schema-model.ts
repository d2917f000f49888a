// The PostgreSQL objects that `prisma migrate` would create for prisma/schema.prisma, worked out
// from the schema's DMMF with the schema engine's own rules (prisma-engines:
// sql_schema_calculator.rs for what exists and in which order, psl ConstraintNames for names,
// flavour/postgres/renderer.rs for types and defaults). scripts/schema-sql.ts renders it as DDL;
// prisma/schema-drift.integration.test.ts checks a migrated database against it. The migration
// engine cannot be downloaded here (docs/decisions/001-offline-migrations.md), so this stands in.
import { readFileSync } from "node:fs";
import path from "node:path";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import { columnDefault, columnType, unsupported, type ColumnDefault } from "./schema-columns";
import type { Datamodel, DmmfModel } from "./dmmf";

export const SCHEMA_PATH = path.resolve(import.meta.dirname, "../../prisma/schema.prisma");

export type ReferentialAction = "CASCADE" | "RESTRICT" | "NO ACTION" | "SET NULL" | "SET DEFAULT";

export interface ColumnSpec {
  name: string;
  /** The element type as written in DDL: `TEXT`, `INTEGER`, `TIMESTAMP(3)`, `"Role"`. */
  type: string;
  enumName: string | null;
  isList: boolean;
  notNull: boolean;
  default: ColumnDefault | null;
}
export interface TableSpec {
  model: string;
  name: string;
  columns: ColumnSpec[];
  primaryKey: { name: string; columns: string[] } | null;
}
export interface IndexSpec {
  name: string;
  table: string;
  columns: string[];
  unique: boolean;
  /** `btree` unless the schema says `type: Gin` (the trigram title search). */
  method: "btree" | "gin";
  /** One per column: the operator class the schema names (`gin_trgm_ops`), or null for the default. */
  opclasses: (string | null)[];
}
export interface ForeignKeySpec {
  name: string;
  table: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
}
export interface EnumSpec {
  name: string;
  values: string[];
}
/** Every list is in the order `prisma migrate diff` writes its statements. */
export interface SchemaSpec {
  enums: EnumSpec[];
  tables: TableSpec[];
  indexes: IndexSpec[];
  foreignKeys: ForeignKeySpec[];
}

export function readDatamodel(schemaPath = SCHEMA_PATH): Datamodel {
  const text = readFileSync(schemaPath, "utf8");
  const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [[path.basename(schemaPath), text]] })));
  return dmmf.datamodel as Datamodel;
}

export function loadSchemaSpec(schemaPath = SCHEMA_PATH): SchemaSpec {
  return schemaSpecFrom(readDatamodel(schemaPath));
}

/** PostgreSQL cuts identifiers at 63 bytes; Prisma shortens the joined name so its suffix survives. */
const MAX_IDENTIFIER_BYTES = 63;
export function constraintName(table: string, columns: string[] | null, suffix: string): string {
  let base = columns ? `${table}_${columns.join("_")}` : table;
  while (Buffer.byteLength(base) > MAX_IDENTIFIER_BYTES - suffix.length) base = base.slice(0, -1);
  return base + suffix;
}

export function schemaSpecFrom(datamodel: Datamodel): SchemaSpec {
  const enumNames = new Map(datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const enumValues = new Map(datamodel.enums.flatMap((e) => e.values.map((v) => [`${e.name}.${v.name}`, v.dbName ?? v.name] as const)));
  const models = new Map(datamodel.models.map((m) => [m.name, m]));
  const tableOf = (model: DmmfModel) => model.dbName ?? model.name;
  const columnOf = (model: DmmfModel, fieldName: string) => {
    const field = model.fields.find((f) => f.name === fieldName) ?? unsupported(`Unknown field ${model.name}.${fieldName}`);
    return field.dbName ?? field.name;
  };

  const spec: SchemaSpec = {
    enums: datamodel.enums.map((e) => ({ name: e.dbName ?? e.name, values: e.values.map((v) => v.dbName ?? v.name) })),
    tables: [],
    indexes: [],
    foreignKeys: [],
  };

  for (const model of datamodel.models) {
    if (model.schema) unsupported(`@@schema on ${model.name}`);
    const table = tableOf(model);
    const columns: ColumnSpec[] = [];
    for (const field of model.fields) {
      if (field.kind === "object") continue;
      if (field.kind === "unsupported") unsupported(`Unsupported("${field.type}") on ${model.name}.${field.name}`);
      const type = columnType(field, enumNames);
      const fullType = field.isList ? `${type}[]` : type;
      columns.push({
        name: field.dbName ?? field.name,
        type,
        enumName: field.kind === "enum" ? (enumNames.get(field.type) ?? field.type) : null,
        isList: field.isList,
        // Scalar lists are nullable columns: Prisma's column arity for a list is never "required".
        notNull: field.isRequired && !field.isList,
        default: columnDefault(field, fullType, enumValues),
      });
    }

    const indexes = datamodel.indexes.filter((i) => i.model === model.name);
    for (const index of indexes) {
      if (index.type === "fulltext") unsupported(`@@fulltext on ${model.name}`);
      // GIN with an operator class is what pg_trgm needs; anything else would need its own check below.
      if (index.algorithm && index.algorithm !== "BTree" && index.algorithm !== "Gin")
        unsupported(`Index type ${index.algorithm} on ${model.name}`);
      if (index.fields.some((f) => f.sortOrder || f.length)) unsupported(`Index sort/length arguments on ${model.name}`);
      if (index.algorithm !== "Gin" && index.fields.some((f) => f.operatorClass))
        unsupported(`Index ops arguments on a btree index of ${model.name}`);
    }
    const id = indexes.find((i) => i.type === "id");
    const pkColumns = id?.fields.map((f) => columnOf(model, f.name)) ?? [];
    spec.tables.push({
      model: model.name,
      name: table,
      columns,
      primaryKey: id ? { name: id.dbName ?? constraintName(table, null, "_pkey"), columns: pkColumns } : null,
    });

    // The schema engine records field-level @unique first, then @@index, then @@unique, each in
    // declaration order (parser-database attributes.rs), and creates indexes in that order.
    const ordered = [
      ...indexes.filter((i) => i.type === "unique" && i.isDefinedOnField),
      ...indexes.filter((i) => i.type === "normal"),
      ...indexes.filter((i) => i.type === "unique" && !i.isDefinedOnField),
    ];
    for (const index of ordered) {
      const cols = index.fields.map((f) => columnOf(model, f.name));
      const unique = index.type === "unique";
      const name = index.dbName ?? constraintName(table, cols, unique ? "_key" : "_idx");
      spec.indexes.push({
        name,
        table,
        columns: cols,
        unique,
        method: index.algorithm === "Gin" ? "gin" : "btree",
        opclasses: index.fields.map((f) => f.operatorClass ?? null),
      });
    }
  }

  // Foreign keys follow the relation fields that hold them, model by model, field by field.
  for (const model of datamodel.models) {
    for (const field of model.fields) {
      if (field.kind !== "object") continue;
      const from = field.relationFromFields ?? [];
      const target = models.get(field.type) ?? unsupported(`Relation to unknown model ${field.type}`);
      if (from.length === 0) {
        const opposite = target.fields.find((f) => f.relationName === field.relationName && f !== field);
        if (field.isList && opposite?.isList) unsupported(`Implicit many-to-many relation ${field.relationName}`);
        continue;
      }
      const table = tableOf(model);
      const columns = from.map((name) => columnOf(model, name));
      const anyRequired = from.some((name) => model.fields.find((f) => f.name === name)?.isRequired);
      spec.foreignKeys.push({
        name: constraintName(table, columns, "_fkey"),
        table,
        columns,
        referencedTable: tableOf(target),
        referencedColumns: (field.relationToFields ?? []).map((name) => columnOf(target, name)),
        // Prisma's defaults: Restrict when a referencing field is required, SetNull otherwise;
        // Cascade on update.
        onDelete: referentialAction(field.relationOnDelete ?? (anyRequired ? "Restrict" : "SetNull")),
        onUpdate: referentialAction(field.relationOnUpdate ?? "Cascade"),
      });
    }
  }
  return spec;
}

function referentialAction(action: string): ReferentialAction {
  const actions: Record<string, ReferentialAction> = {
    Cascade: "CASCADE",
    Restrict: "RESTRICT",
    NoAction: "NO ACTION",
    SetNull: "SET NULL",
    SetDefault: "SET DEFAULT",
  };
  return actions[action] ?? unsupported(`Referential action ${action}`);
}
