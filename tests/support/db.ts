// Shared by integration tests: the database the test command migrated, and a reset of the tables
// a test file uses (each file resets what it touches, STYLE.md).
import { createPrismaClient } from "@/lib/db";
import type { Actor } from "@/lib/domain/roles";
import type { Role } from "@/lib/generated/prisma/enums";
import type { PrismaClient } from "@/lib/generated/prisma/client";

let client: PrismaClient | undefined;

/** The database the test command migrated for this run, as the app's least-privileged role (what the DAL uses). */
export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run integration tests through `npm test` or vitest's integration project");
  return url;
}

/** The same database as the server's superuser: for setting rows up, reading them back and resets. */
export function testOwnerUrl(): string {
  return process.env.BULKHEAD_TEST_OWNER_URL ?? testDatabaseUrl();
}

/** The harness's client (superuser): not what the code under test connects as. */
export function testDb(): PrismaClient {
  client ??= createPrismaClient(testOwnerUrl(), 4);
  return client;
}

/**
 * Runs statements past the audit tables' append-only trigger, in one transaction: the test
 * harness's escape hatch, and only a superuser's (session_replication_role = replica skips
 * ordinary triggers; docs/decisions/012). For resets, and for tests that tamper on purpose.
 */
export async function pastAuditTrigger(...statements: string[]): Promise<void> {
  await testDb().$transaction([
    testDb().$executeRawUnsafe("SET LOCAL session_replication_role = replica"),
    ...statements.map((sql) => testDb().$executeRawUnsafe(sql)),
  ]);
}

/** Empties the given tables (and whatever references them: the audit tables too, past their trigger). */
export async function resetTables(...tables: string[]): Promise<void> {
  // Checkpoints of a chain that is emptied would name events that are gone: they go with it.
  if ((tables.includes("AuditEvent") || tables.includes("User")) && !tables.includes("AuditCheckpoint"))
    tables = [...tables, "AuditCheckpoint"];
  await pastAuditTrigger(`TRUNCATE ${tables.map((t) => `"${t}"`).join(", ")} RESTART IDENTITY CASCADE`);
}

/** Every table the migrations made (not Prisma's bookkeeping), for files that need a blank database. */
export async function appTables(): Promise<string[]> {
  const rows = await testDb().$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables
     WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'
     ORDER BY tablename`;
  return rows.map((r) => r.tablename);
}

/** Empties every table: for files that seed the demo, which fills most of the schema. */
export async function resetAllTables(): Promise<void> {
  await resetTables(...(await appTables()));
}

/** The demo's incidents and alerts, so that a file can return to the demo between its tests. */
export async function demoSnapshot(): Promise<{ incidents: string[]; alerts: string[] }> {
  return {
    incidents: (await testDb().incident.findMany({ select: { id: true } })).map((i) => i.id),
    alerts: (await testDb().alert.findMany({ select: { id: true } })).map((a) => a.id),
  };
}

/** Removes the incidents and alerts written since the snapshot, with what hangs off them. */
export async function restoreDemo(snapshot: { incidents: string[]; alerts: string[] }): Promise<void> {
  const db = testDb();
  const added = { id: { notIn: snapshot.incidents } };
  await db.timelineEntry.deleteMany({ where: { incident: added } });
  await db.incidentOwner.deleteMany({ where: { incident: added } });
  await db.alert.deleteMany({ where: { id: { notIn: snapshot.alerts } } });
  await db.incident.deleteMany({ where: added });
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
