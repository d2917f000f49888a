import "server-only";

// Column lists for raw statements, generated from a typed map instead of written by hand. A map is
// declared against a record type and the model's field names as Prisma generates them
// (Prisma.<Model>ScalarFieldEnum), so a field the record gains and the map lacks, or a name the
// model does not have, is a compile error where the map is declared (lib/dal/ingest/columns.ts).

/** How `json_to_recordset` reads a field, and the cast into the column's own type when that differs (an enum). */
export type RecordField = {
  /** `bytea-base64`: bytes, carried in the JSON document as base64 text and decoded in SQL. */
  readonly record: "text" | "int" | "timestamp" | "text[]" | "jsonb" | "bytea-base64";
  readonly cast?: string;
};

/** Every field of `Row`, each a column of the model. */
export type RecordMap<Row, Field extends string> = { readonly [K in keyof Row]-?: K extends Field ? RecordField : never };

/** How a select reads a column into a field: as it is, as text (an enum), or as epoch milliseconds (a time both drivers read alike). */
export type ReadColumn<Field extends string> = { readonly column: Field; readonly as?: "text" | "epoch-ms" };

/** Every field of `Row`, each read from a column of the model. */
export type SelectMap<Row, Field extends string> = { readonly [K in keyof Row]-?: ReadColumn<Field> };

const quoted = (name: string) => `"${name}"`;

/** The pieces of an `INSERT … SELECT … FROM json_to_recordset($n::json) AS alias(…)` for the map's fields, in the map's order. */
export function recordColumns<Row>(map: RecordMap<Row, string>) {
  const fields = Object.keys(map) as (keyof Row & string)[];
  const spec = (k: keyof Row & string) => map[k] as RecordField;
  /** `r."priority"::"FalcoPriority"`: one field read from the record `alias`, in its column's type. */
  const value = (alias: string, k: keyof Row & string) =>
    spec(k).record === "bytea-base64"
      ? `decode(${alias}.${quoted(k)}, 'base64')`
      : `${alias}.${quoted(k)}${spec(k).cast ? `::${spec(k).cast}` : ""}`;
  return {
    fields,
    value,
    /** `"id", "sourceId", …`: the insert's column list. */
    list: fields.map(quoted).join(", "),
    /** `r."id", …, r."priority"::"FalcoPriority", …`: the same fields read from the record `alias`. */
    values: (alias: string) => fields.map((k) => value(alias, k)).join(", "),
    /** `"id" text, …`: the record type `json_to_recordset` reads the rows as. */
    recordType: fields.map((k) => `${quoted(k)} ${spec(k).record === "bytea-base64" ? "text" : spec(k).record}`).join(", "),
  };
}

/** The select list that reads a `Row` from the table (optionally qualified by `alias`). */
export function selectList<Row>(map: SelectMap<Row, string>, alias?: string): string {
  return (Object.entries(map) as [string, ReadColumn<string>][])
    .map(([field, { column, as }]) => {
      const source = alias ? `${alias}.${quoted(column)}` : quoted(column);
      if (as === "text") return `${source}::text AS ${quoted(field)}`;
      if (as === "epoch-ms") return `(extract(epoch FROM ${source}) * 1000)::float8 AS ${quoted(field)}`;
      return field === column ? source : `${source} AS ${quoted(field)}`;
    })
    .join(", ");
}
