import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export function createPrismaClient(connectionString: string, max = 10): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max }) });
}

// One client per process, kept across hot reloads in development. (Alert ingest's pipelined
// connections: lib/server/db/pipeline.ts.)
const holder = globalThis as unknown as { bulkheadPrisma?: PrismaClient };

/** The Prisma client. Imported only by lib/dal/** and lib/auth/**. */
export function db(): PrismaClient {
  holder.bulkheadPrisma ??= createPrismaClient(env().DATABASE_URL, env().BULKHEAD_DB_POOL_SIZE);
  return holder.bulkheadPrisma;
}
