// The database roles Bulkhead runs with (docs/decisions/012-audit-protection.md): migrations run as
// the role that owns the schema; the app connects as a role with only the privileges it needs —
// no DDL, no TRUNCATE, and on the audit tables SELECT and INSERT only. The grants are given here,
// by the migration runner after every run, so tables added by later migrations are covered too
// (and default privileges cover tables created outside the runner by the owner).
import pg from "pg";

/**
 * The tables the app may only append to: the audit tables (trigger of migration 20261202120000)
 * and evidence with its chain of custody (triggers of migration 20261204170000).
 */
export const APPEND_ONLY_TABLES = ["AuditEvent", "AuditCheckpoint", "Evidence", "CustodyEvent"] as const;

export type RolePlan = {
  /** Where migrations run: BULKHEAD_MIGRATION_DATABASE_URL, else DATABASE_URL. */
  migrationUrl: string;
  /** The role to grant the app's privileges to, when the app connects as another role than the owner. */
  appRole: string | null;
};

export function userOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

export function planDatabaseRoles(databaseUrl: string, migrationUrl: string | undefined): RolePlan {
  const owner = migrationUrl ?? databaseUrl;
  const appRole = userOf(databaseUrl);
  return { migrationUrl: owner, appRole: userOf(owner) !== appRole ? appRole : null };
}

/**
 * Run when no separate app role was given: if the role that migrated (and so the app) may change
 * audit rows, say so. An instance given only the app's role passes (it migrates nothing).
 */
export async function auditProtectionWarning(client: pg.Client): Promise<string | null> {
  const { rows } = await client.query<{ role: string; unprotected: boolean }>(
    `SELECT current_user AS role,
            (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
            OR has_table_privilege('"AuditEvent"', 'UPDATE') OR has_table_privilege('"AuditEvent"', 'DELETE')
            OR has_table_privilege('"AuditEvent"', 'TRUNCATE') AS unprotected`,
  );
  if (!rows[0]?.unprotected) return null;
  return (
    `the app connects to the database as ${rows[0].role}, which may UPDATE, DELETE and TRUNCATE the audit table; only its ` +
    "trigger protects it. Give DATABASE_URL a role of its own and the owner's URL as BULKHEAD_MIGRATION_DATABASE_URL " +
    '(README, "The audit record").'
  );
}

/** Creates a login role, or sets its password when it exists, with no privileges beyond logging in. */
export async function ensureLoginRole(client: pg.Client, role: string, password: string): Promise<void> {
  const exists = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
  const verb = exists.rowCount ? "ALTER" : "CREATE";
  await client.query(
    `${verb} ROLE ${client.escapeIdentifier(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${client.escapeLiteral(password)}`,
  );
}

/**
 * Gives `appRole` what the app needs in the owner's current schema, run as the owner (the client's
 * user) after migrations. Returns problems that leave the audit table less protected than intended.
 */
export async function grantAppRole(client: pg.Client, appRole: string): Promise<string[]> {
  const role = client.escapeIdentifier(appRole);
  const { rows } = await client.query<{ schema: string; superuser: boolean; member: boolean }>(
    `SELECT current_schema() AS schema, r.rolsuper AS superuser, pg_has_role($1, current_user, 'MEMBER') AS member
       FROM pg_roles r WHERE r.rolname = $1`,
    [appRole],
  );
  if (!rows[0]) throw new Error(`the app's database role ${appRole} does not exist`);
  const schema = client.escapeIdentifier(rows[0].schema);
  const appendOnly = APPEND_ONLY_TABLES.map((t) => client.escapeIdentifier(t)).join(", ");
  await client.query(`
    GRANT USAGE ON SCHEMA ${schema} TO ${role};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${role};
    REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA ${schema} FROM ${role};
    REVOKE UPDATE, DELETE ON ${appendOnly} FROM ${role};
    REVOKE ALL ON "_prisma_migrations" FROM ${role};
    GRANT SELECT ON "_prisma_migrations" TO ${role};
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${role};
    ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role};
    ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT USAGE, SELECT ON SEQUENCES TO ${role};
  `);
  const problems: string[] = [];
  if (rows[0].superuser) problems.push(`the app's role ${appRole} is a superuser: privileges do not bind it`);
  if (rows[0].member) problems.push(`the app's role ${appRole} is a member of the owner role: it has the owner's privileges`);
  return problems;
}
