// Shared by integration tests: the database the test command migrated, and a reset of the tables
// a test file uses (each file resets what it touches, STYLE.md).
import { createPrismaClient } from "@/lib/db";
import type { Actor } from "@/lib/domain/roles";
import type { Role } from "@/lib/generated/prisma/enums";
import type { PrismaClient } from "@/lib/generated/prisma/client";

let client: PrismaClient | undefined;

export function testDb(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run integration tests through `npm test` or vitest's integration project");
  client ??= createPrismaClient(url, 4);
  return client;
}

/** Empties the given tables (and whatever references them). */
export async function resetTables(...tables: string[]): Promise<void> {
  await testDb().$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t}"`).join(", ")} RESTART IDENTITY CASCADE`);
}

let counter = 0;

/** A user row to act as; the password hash is never checked by these tests. */
export async function makeActor(role: Role, name = role.toLowerCase()): Promise<Actor> {
  counter += 1;
  const email = `${name}-${counter}-${Date.now()}@test.local`;
  const user = await testDb().user.create({
    data: { email, name: `${name} ${counter}`, role, passwordHash: "x" },
    select: { id: true, email: true, name: true, role: true },
  });
  return user;
}
