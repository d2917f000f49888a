import "server-only";
import type { Tx } from "@/lib/db";

// Statements that the alert ingest flush sends pipelined, several in one round trip, as prepared
// statements (parsed and planned once per connection, lib/dal/ingest-store.ts): on a small machine
// a round trip, and planning a large statement, each cost more than the work they carry
// (docs/decisions/008). The same statements run unnamed inside a Prisma transaction too, so each
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

/** Runs a statement in a Prisma transaction; rows as the statement returns them. */
export function queryInTransaction<R>(tx: Tx, s: SqlStatement): Promise<R[]> {
  return tx.$queryRawUnsafe<R[]>(s.text, ...s.values);
}
