// `npm run db:migrate`: applies pending prisma/migrations, recording them the way
// `prisma migrate deploy` does (see scripts/lib/migrate.ts for why Prisma's CLI is not used), as
// the owner (BULKHEAD_MIGRATION_DATABASE_URL, else DATABASE_URL), then grants the app's role of
// DATABASE_URL its privileges when that is another role (scripts/lib/db-roles.ts).
import { planDatabaseRoles } from "./lib/db-roles";
import { applyMigrations } from "./lib/migrate";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("db:migrate: DATABASE_URL is not set (e.g. DATABASE_URL=postgresql://user:pass@host:5432/bulkhead)");
  process.exit(1);
}

try {
  const roles = planDatabaseRoles(databaseUrl, process.env.BULKHEAD_MIGRATION_DATABASE_URL);
  const { applied } = await applyMigrations(roles.migrationUrl, { appRole: roles.appRole, log: (line) => console.log(line) });
  console.log(
    applied.length === 0
      ? "Database schema is up to date; no migrations applied."
      : `Applied ${applied.length} migration(s): ${applied.join(", ")}`,
  );
  if (roles.appRole) console.log(`Granted the app's role ${roles.appRole} its privileges (SELECT and INSERT only on the audit tables).`);
} catch (error) {
  console.error(`db:migrate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
