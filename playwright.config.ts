import { existsSync } from "node:fs";
import { chromium, defineConfig, devices } from "@playwright/test";

// `npm test` (scripts/test.ts) starts the production build against its own PostgreSQL and
// passes the address here; run that rather than `playwright test` on its own.
const baseURL = process.env.BULKHEAD_E2E_BASE_URL ?? "http://localhost:3000";

/** Playwright's own Chromium where it is installed, else Debian's (browsers cannot be downloaded here). */
function browserExecutable(): string | undefined {
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    // no bundled browser registered
  }
  return "/usr/bin/chromium";
}

export default defineConfig({
  testDir: "e2e",
  // One worker: specs share one database and the sign-in throttle; the suite is small.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: process.env.BULKHEAD_E2E_JSON ?? "test-results/e2e.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: browserExecutable(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
});
