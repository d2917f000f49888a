import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export function createPrismaClient(connectionString: string, max = 10): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max }) });
}

// One client and one ingest pool per process, kept across hot reloads in development.
const holder = globalThis as unknown as { bulkheadPrisma?: PrismaClient; bulkheadIngestPool?: pg.Pool };

/** The Prisma client. Imported only by lib/dal/** and lib/auth/**. */
export function db(): PrismaClient {
  holder.bulkheadPrisma ??= createPrismaClient(env().DATABASE_URL, env().BULKHEAD_DB_POOL_SIZE);
  return holder.bulkheadPrisma;
}

/** Flushes of one source go one or two at a time (lib/dal/ingest-flush.ts): a few connections serve many sources. */
const INGEST_POOL_SIZE = 4;

/**
 * Connections for the ingest flush (lib/dal/ingest-store.ts), which sends its statements pipelined,
 * beside Prisma's BULKHEAD_DB_POOL_SIZE.
 */
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
