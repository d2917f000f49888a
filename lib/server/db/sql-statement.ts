import "server-only";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

// Statements that the alert ingest flush sends pipelined, several in one round trip, as prepared
// statements (parsed and planned once per connection, lib/dal/ingest/flush.ts): on a small machine
// a round trip, and planning a large statement, each cost more than the work they carry
// (docs/decisions/014). The same statements run unnamed inside a Prisma transaction too, so each
// exists once.

/** Parameters go as text (or NULL) and the statement casts them, so both drivers read them alike. */
export type SqlParam = string | number | bigint | null;

export type SqlStatement = {
  /** Unique per text: PostgreSQL keeps the prepared statement under this name on each connection. */
  name: string;
  text: string;
  values: (string | null)[];
};

export function statement(name: string, text: string, values: readonly SqlParam[] = []): SqlStatement {
  return { name, text, values: values.map((v) => (v === null ? null : String(v))) };
}

/**
 * The statement as Prisma's tagged SQL: the text split at its `$n` placeholders, each taking its
 * value (a placeholder used twice becomes two parameters with the same value).
 */
function asPrismaSql(s: SqlStatement): Prisma.Sql {
  const parts = s.text.split(/\$(\d+)/);
  const strings = parts.filter((_p, i) => i % 2 === 0);
  const values = parts.filter((_p, i) => i % 2 === 1).map((n) => s.values[Number(n) - 1] ?? null);
  return new Prisma.Sql(strings, values);
}

/** Runs a statement in a Prisma transaction; rows as the statement returns them. */
export function queryInTransaction<R>(tx: Tx, s: SqlStatement): Promise<R[]> {
  return tx.$queryRaw<R[]>(asPrismaSql(s));
}
