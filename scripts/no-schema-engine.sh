#!/bin/sh
# Stand-in for Prisma's schema engine, which cannot be downloaded here. `prisma generate` only
# needs the path to exist; migrations are applied by scripts/migrate.ts instead.
echo "Bulkhead applies migrations with 'npm run db:migrate' (scripts/migrate.ts); see docs/decisions/001-offline-migrations.md" >&2
exit 1
