// What `npm start` does to a database before serving it: migrations, then the demo seed — but the
// demo only where it belongs. Its four accounts share a published password (admin included), so
// they are created on the embedded database (which lives on this machine) or when asked for,
// never on a database given by DATABASE_URL by default.
import { applyMigrations } from "./migrate";
import { createPrismaClient } from "../../lib/db";
import { seedDemo, type SeedDemoResult } from "../../prisma/seed";

/** Demo data on the embedded default, or with `--demo` / `BULKHEAD_DEMO=1`. */
export function wantsDemo(options: { embedded: boolean; argv: readonly string[]; demoEnv: string | undefined }): boolean {
  return options.embedded || options.argv.includes("--demo") || options.demoEnv === "1";
}

export type PreparedDatabase = { applied: string[]; seed: SeedDemoResult | null; users: number };

export async function prepareDatabase(
  databaseUrl: string,
  options: {
    demo: boolean;
    /** The owner role's URL (docs/decisions/012); the app's own URL when there is only one. */
    migrationUrl?: string;
    /** The app's least-privileged role, granted its privileges after the migrations. */
    appRole?: string;
    ingestToken?: string;
    log?: (line: string) => void;
  },
): Promise<PreparedDatabase> {
  const { applied } = await applyMigrations(options.migrationUrl ?? databaseUrl, { appRole: options.appRole, log: options.log });
  const prisma = createPrismaClient(databaseUrl, 2);
  try {
    const seed = options.demo ? await seedDemo(prisma, { ingestToken: options.ingestToken }) : null;
    return { applied, seed, users: await prisma.user.count() };
  } finally {
    await prisma.$disconnect();
  }
}
