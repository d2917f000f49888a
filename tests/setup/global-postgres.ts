// Vitest globalSetup for the integration project: one migrated, empty PostgreSQL database for the
// run. With BULKHEAD_TEST_DATABASE_URL (the test command may start a server and pass it), a fresh
// database is created on that server; the database in the URL itself is left alone. Otherwise a
// throwaway embedded PostgreSQL is started (scripts/lib/postgres.ts).
//
// Workers see the result as process.env.DATABASE_URL and process.env.BULKHEAD_TEST_ADMIN_URL (the
// `postgres` maintenance database, for tests that create databases of their own): vitest spawns
// its workers after global setup with a copy of process.env taken then. The same values are also
// available through `inject("databaseUrl")` / `inject("adminUrl")`.
//
// As in production (docs/decisions/012), DATABASE_URL — what the DAL under test uses — is a
// least-privileged role of this run's own (created here, dropped at teardown), granted by the
// migration runner. The harness itself works as the server's superuser through
// BULKHEAD_TEST_OWNER_URL (tests/support/db.ts): it sets rows up and empties tables, the audit
// tables included, which only a superuser can (session_replication_role). The run also gets an
// audit signing key of its own (BULKHEAD_AUDIT_SIGNING_KEY), as `npm start` generates one.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { generateSigningKeyText } from "../../lib/domain/audit-signature";
import { ensureLoginRole } from "../../scripts/lib/db-roles";
import { applyMigrations } from "../../scripts/lib/migrate";
import { startEmbeddedPostgres } from "../../scripts/lib/postgres";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    adminUrl: string;
    ownerUrl: string;
  }
}

function withUser(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function onAdmin<T>(adminUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const database = `bulkhead_test_${randomBytes(4).toString("hex")}`;
  let adminUrl: string;
  let databaseUrl: string;
  let teardown: () => Promise<void>;

  const external = process.env.BULKHEAD_TEST_DATABASE_URL;
  if (external) {
    adminUrl = withDatabase(external, "postgres");
    databaseUrl = withDatabase(external, database);
    await onAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(database)}`));
    teardown = () =>
      onAdmin(adminUrl, async (c) => {
        await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(database)} WITH (FORCE)`);
      });
  } else {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "bulkhead-test-pg-"));
    const server = await startEmbeddedPostgres({ dataDir, database, persistent: false });
    adminUrl = server.adminUrl;
    databaseUrl = server.url;
    teardown = async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
  }

  const appRole = `${database}_app`;
  const appPassword = randomBytes(18).toString("base64url");
  const dropDatabase = teardown;
  teardown = async () => {
    await dropDatabase();
    // The server may be gone already (an embedded one is stopped with its database).
    if (external) await onAdmin(adminUrl, (c) => c.query(`DROP ROLE IF EXISTS ${c.escapeIdentifier(appRole)}`)).catch(() => undefined);
  };
  try {
    await onAdmin(adminUrl, (c) => ensureLoginRole(c, appRole, appPassword));
    await applyMigrations(databaseUrl, { appRole });
  } catch (error) {
    await teardown();
    throw error;
  }

  const ownerUrl = databaseUrl;
  const appUrl = withUser(databaseUrl, appRole, appPassword);
  process.env.DATABASE_URL = appUrl;
  process.env.BULKHEAD_TEST_OWNER_URL = ownerUrl;
  process.env.BULKHEAD_TEST_ADMIN_URL = adminUrl;
  process.env.BULKHEAD_AUDIT_SIGNING_KEY ??= generateSigningKeyText();
  project.provide("databaseUrl", appUrl);
  project.provide("ownerUrl", ownerUrl);
  project.provide("adminUrl", adminUrl);
  return teardown;
}
