import { defineConfig } from "prisma/config";

// The migration engine cannot be fetched offline, so migrations are applied by
// scripts/migrate.ts (docs/decisions/001-offline-migrations.md). The URL is only
// read by Prisma CLI commands that talk to a database.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/bulkhead" },
});
