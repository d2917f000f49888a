import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

// Unit tests (lib/**/*.test.ts) need nothing; integration tests (*.integration.test.ts) get a
// real PostgreSQL from tests/setup/global-postgres.ts, migrated and empty, via DATABASE_URL.
export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // The marker only guards client bundles; under vitest every module is server code.
      "server-only": path.join(root, "tests/setup/server-only.ts"),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["**/*.integration.test.ts", "node_modules/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["**/*.integration.test.ts"],
          exclude: ["node_modules/**", ".next/**"],
          globalSetup: ["tests/setup/global-postgres.ts"],
          // One database, so test files run one after another; each resets the tables it uses.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
