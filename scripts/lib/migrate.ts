// Applies prisma/migrations/*/migration.sql with `pg`, because Prisma's schema engine cannot be
// downloaded here (docs/decisions/001-offline-migrations.md). The bookkeeping is Prisma's own
// (`_prisma_migrations`, sha256 checksums, the same advisory lock), so `prisma migrate status`
// and `prisma migrate deploy` agree with this runner wherever the engine is available.
import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { auditProtectionWarning, grantAppRole } from "./db-roles";

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");

/** The key Prisma's schema engine locks on PostgreSQL, so this runner and Prisma exclude each other too. */
const PRISMA_ADVISORY_LOCK_KEY = 72707369;
/** Long enough for another instance to finish a slow migration, short enough to fail a stuck start. */
const LOCK_TIMEOUT_MS = 120_000;

// Prisma's DDL for its table (schema-engine sql flavour for PostgreSQL), column for column.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export type Migration = { name: string; script: string; checksum: string };
export type ApplyOptions = {
  log?: (line: string) => void;
  migrationsDir?: string;
  /** The app's own database role: after migrating, it gets the app's privileges (scripts/lib/db-roles.ts). */
  appRole?: string | null;
};

type HistoryRow = {
  migration_name: string;
  checksum: string;
  started_at: Date;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
};

export class MigrationError extends Error {
  override name = "MigrationError";
}

export function checksumOf(script: string): string {
  return createHash("sha256").update(script, "utf8").digest("hex");
}

/** Prisma also accepts a file whose line endings git converted (schema-engine checksum.rs). */
function matchesChecksum(script: string, checksum: string): boolean {
  const variants = [script, script.replaceAll("\r\n", "\n"), script.replaceAll("\r\n", "\n").replaceAll("\n", "\r\n")];
  return variants.some((variant) => checksumOf(variant) === checksum);
}

/** Migration folders in name order (their timestamp prefix), as Prisma orders them. */
export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name, "migration.sql");
      if (!existsSync(file)) throw new MigrationError(`${path.relative(process.cwd(), file)} is missing`);
      const script = await readFile(file, "utf8");
      return { name, script, checksum: checksumOf(script) };
    }),
  );
}

/** Problems that make applying anything unsafe, all at once so one run shows everything to fix. */
function historyProblems(rows: HistoryRow[], local: Map<string, Migration>): string[] {
  const problems: string[] = [];
  for (const row of rows) {
    if (row.rolled_back_at) continue;
    if (!row.finished_at) {
      problems.push(
        `Migration ${row.migration_name} started at ${row.started_at.toISOString()} and never finished` +
          (row.logs ? `:\n${row.logs.trim().replace(/^/gm, "    ")}` : ".") +
          "\n  Repair the database by hand, then record what you did, either" +
          `\n    UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '${row.migration_name}' AND finished_at IS NULL;  -- to run it again` +
          `\n    UPDATE "_prisma_migrations" SET finished_at = now() WHERE migration_name = '${row.migration_name}' AND finished_at IS NULL;  -- if it is now fully applied` +
          "\n  (`prisma migrate resolve --rolled-back|--applied` does the same where the engine exists).",
      );
      continue;
    }
    const file = local.get(row.migration_name);
    if (file && !matchesChecksum(file.script, row.checksum)) {
      problems.push(
        `Migration ${row.migration_name} was changed after it was applied (database checksum ${row.checksum}, ` +
          `file ${file.checksum}). Restore the applied version and put the change in a new migration.`,
      );
    }
  }
  return problems;
}

function describeError(error: unknown, script: string): string {
  if (!(error instanceof Error)) return String(error);
  const position = Number((error as { position?: string }).position);
  const line = Number.isFinite(position) && position > 0 ? script.slice(0, position).split("\n").length : null;
  return line ? `${error.message} (migration.sql line ${line})` : error.message;
}

/**
 * Runs one migration and its bookkeeping in one transaction, so a failure leaves neither a
 * half-applied schema nor a row behind. (A script with its own COMMIT ends that transaction
 * early; a later failure then leaves an unfinished row, which blocks further runs as in Prisma.)
 */
async function applyOne(client: pg.Client, migration: Migration): Promise<void> {
  const id = randomUUID();
  await client.query("BEGIN");
  try {
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, clock_timestamp())`,
      [id, migration.checksum, migration.name],
    );
    // No parameters: pg then uses the simple query protocol, which runs a multi-statement script.
    await client.query(migration.script);
    await client.query(`UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`, [id]);
    await client.query("COMMIT");
  } catch (error) {
    const message = describeError(error, migration.script);
    await client.query("ROLLBACK").catch(() => undefined);
    await client.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, message]).catch(() => undefined);
    throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${message}`, { cause: error });
  }
}

/**
 * Applies every migration in prisma/migrations that the database has not applied yet, in name
 * order, each in its own transaction. Refuses to apply anything while an applied migration's file
 * has changed or a previous migration is unfinished. A second call applies nothing.
 */
export async function applyMigrations(databaseUrl: string, opts: ApplyOptions = {}): Promise<{ applied: string[] }> {
  const log = opts.log ?? (() => undefined);
  const migrations = await readMigrations(opts.migrationsDir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Two instances starting at once: the second waits here, then finds nothing left to apply.
    await client.query(`SET lock_timeout = ${LOCK_TIMEOUT_MS}`);
    try {
      await client.query(`SELECT pg_advisory_lock(${PRISMA_ADVISORY_LOCK_KEY})`);
    } catch (error) {
      throw new MigrationError(
        `Could not take the migration lock (pg_advisory_lock(${PRISMA_ADVISORY_LOCK_KEY})) within ` +
          `${LOCK_TIMEOUT_MS / 1000} s; another migration run holds it: ${describeError(error, "")}`,
        { cause: error },
      );
    }
    await client.query("RESET lock_timeout");
    try {
      // Only when missing: the app's role, which may read the history, may not create tables.
      const table = await client.query<{ found: string | null }>(`SELECT to_regclass('"_prisma_migrations"')::text AS found`);
      if (!table.rows[0]?.found) await client.query(CREATE_MIGRATIONS_TABLE);
      const { rows } = await client.query<HistoryRow>(
        `SELECT migration_name, checksum, started_at, finished_at, rolled_back_at, logs
           FROM "_prisma_migrations" ORDER BY started_at`,
      );
      const local = new Map(migrations.map((m) => [m.name, m]));
      const problems = historyProblems(rows, local);
      if (problems.length > 0) {
        throw new MigrationError(`Refusing to migrate:\n- ${problems.join("\n- ")}`);
      }

      const done = new Set(rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => r.migration_name));
      for (const name of done) {
        if (!local.has(name)) log(`Warning: ${name} is applied in the database but not in ${opts.migrationsDir ?? MIGRATIONS_DIR}`);
      }

      const applied: string[] = [];
      for (const migration of migrations) {
        if (done.has(migration.name)) continue;
        log(`Applying ${migration.name}`);
        await applyOne(client, migration);
        applied.push(migration.name);
      }
      // Under the migration lock, so that instances starting together grant once each, in turn.
      if (opts.appRole) {
        for (const problem of await grantAppRole(client, opts.appRole)) log(`Warning: ${problem}`);
      } else {
        const warning = await auditProtectionWarning(client);
        if (warning) log(`Warning: ${warning}`);
      }
      return { applied };
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${PRISMA_ADVISORY_LOCK_KEY})`).catch(() => undefined);
    }
  } finally {
    await client.end();
  }
}
