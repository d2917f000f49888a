import "server-only";
import pg from "pg";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import type { SqlStatement } from "@/lib/server/db/sql-statement";

// Connections in pg's pipeline mode, beside Prisma's pool (BULKHEAD_DB_POOL_SIZE), for the alert
// ingest flush (lib/dal/ingest/flush.ts): it sends its statements several to a round trip, as
// prepared statements (sql-statement.ts, docs/decisions/014).

/** Flushes of one source go one or two at a time (lib/dal/ingest/write-combining.ts): a few connections serve many sources. */
const INGEST_POOL_SIZE = 4;

// One pool per process, kept across hot reloads in development.
const holder = globalThis as unknown as { bulkheadIngestPool?: pg.Pool };

/** The pipelined connections of alert ingest. */
export function ingestPool(): pg.Pool {
  if (!holder.bulkheadIngestPool) {
    // Idle connections do not keep a script or test process alive.
    const pool = new pg.Pool({ connectionString: env().DATABASE_URL, max: INGEST_POOL_SIZE, pipeline: true, allowExitOnIdle: true });
    // A connection that dies while idle (a database restart) is dropped by the pool; without a
    // listener the error would end the process. (The error carries the whole client: only why is logged.)
    pool.on("error", (error: Error & { code?: string }) =>
      log.warn({ reason: error.message, code: error.code }, "idle ingest connection lost"),
    );
    holder.bulkheadIngestPool = pool;
  }
  return holder.bulkheadIngestPool;
}

/**
 * Sends the statements at once and waits for all of them. After a failed statement PostgreSQL
 * refuses the rest of the transaction (and turns a COMMIT into a rollback), so the first failure
 * in order is the one that explains.
 */
export async function pipelined(client: pg.PoolClient, statements: readonly SqlStatement[]): Promise<pg.QueryResult[]> {
  const settled = await Promise.allSettled(statements.map((s) => client.query({ name: s.name, text: s.text, values: s.values })));
  const failed = settled.find((r) => r.status === "rejected");
  if (failed) throw failed.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<pg.QueryResult>).value);
}
