// `npm run db:migrate`: applies pending prisma/migrations to DATABASE_URL, recording them the way
// `prisma migrate deploy` does (see scripts/lib/migrate.ts for why Prisma's CLI is not used).
import { applyMigrations } from "./lib/migrate";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("db:migrate: DATABASE_URL is not set (e.g. DATABASE_URL=postgresql://user:pass@host:5432/bulkhead)");
  process.exit(1);
}

try {
  const { applied } = await applyMigrations(databaseUrl, { log: (line) => console.log(line) });
  console.log(
    applied.length === 0
      ? "Database schema is up to date; no migrations applied."
      : `Applied ${applied.length} migration(s): ${applied.join(", ")}`,
  );
} catch (error) {
  console.error(`db:migrate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
