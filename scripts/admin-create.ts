// `npm run admin:create -- --email you@example.com --name "Your Name"`: the first admin of your
// own database (DATABASE_URL). Applies pending migrations, creates the admin with a one-time
// password, prints it once. The password must be changed at first sign-in. Refused when the
// database already has an active admin.
import { parseArgs } from "node:util";
import { planDatabaseRoles } from "./lib/db-roles";
import { applyMigrations } from "./lib/migrate";
import { createFirstAdmin } from "../lib/auth/first-admin";
import { createPrismaClient } from "../lib/db";

function fail(message: string): never {
  process.stderr.write(`admin:create: ${message}\n`);
  process.exit(1);
}

const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } }, strict: true });
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  fail(
    "DATABASE_URL is not set. The embedded demo database has its admin already (admin@bulkhead.local); this command is for your own PostgreSQL.",
  );
}
if (!values.email || !values.name) fail('usage: npm run admin:create -- --email you@example.com --name "Your Name"');

// As `npm run db:migrate` does: the owner migrates and grants the app's role (docs/decisions/012).
const roles = planDatabaseRoles(databaseUrl, process.env.BULKHEAD_MIGRATION_DATABASE_URL);
await applyMigrations(roles.migrationUrl, { appRole: roles.appRole, log: () => {} });
const prisma = createPrismaClient(databaseUrl, 1);
try {
  const result = await createFirstAdmin(prisma, { email: values.email, name: values.name });
  if (!result.ok) fail(result.message);
  process.stdout.write(
    [
      `Created the admin ${result.email}.`,
      "One-time password (shown only now; sign in with it and choose your own at once):",
      `  ${result.oneTimePassword}`,
      "",
    ].join("\n"),
  );
} finally {
  await prisma.$disconnect();
}
