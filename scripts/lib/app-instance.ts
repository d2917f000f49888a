// Starts the production app through `npm start`'s own start script against a given database, as
// tests and benchmarks need it: one or several instances sharing one PostgreSQL and one secret.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { freePort } from "./postgres";

const root = path.resolve(import.meta.dirname, "../..");

export type AppInstance = {
  url: string;
  port: number;
  /** The start script's process; the server is its child (benchmarks sample the tree's memory). */
  pid: number;
  exited: () => boolean;
  stop: () => Promise<void>;
};

export type AppInstanceOptions = {
  databaseUrl: string;
  /** The owner's URL for migrations when `databaseUrl` is the app's own role (BULKHEAD_MIGRATION_DATABASE_URL). */
  migrationDatabaseUrl?: string;
  /** Shared by every instance, so a session from one is accepted by the others. */
  authSecret: string;
  dataDir: string;
  env?: Record<string, string>;
  stdio?: "inherit" | "ignore-stdout";
  /** How long a first start may take (it builds when sources changed). */
  timeoutMs?: number;
};

export async function waitForHealth(url: string, timeoutMs: number, exited: () => boolean): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !exited()) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return true;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

async function stopChild(child: ChildProcess, isExited: () => boolean): Promise<void> {
  if (isExited()) return;
  const done = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await done;
}

/** Starts one instance and waits until it is healthy; throws (after stopping it) if it is not. */
export async function startAppInstance(options: AppInstanceOptions): Promise<AppInstance> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"], {
    cwd: root,
    stdio: options.stdio === "ignore-stdout" ? ["ignore", "ignore", "inherit"] : "inherit",
    env: {
      ...process.env,
      BULKHEAD_LOG_LEVEL: "warn",
      // Tests and benchmarks sign in as the demo users: seed them into the empty database given.
      BULKHEAD_DEMO: "1",
      ...options.env,
      DATABASE_URL: options.databaseUrl,
      ...(options.migrationDatabaseUrl ? { BULKHEAD_MIGRATION_DATABASE_URL: options.migrationDatabaseUrl } : {}),
      AUTH_SECRET: options.authSecret,
      BULKHEAD_DATA_DIR: options.dataDir,
      PORT: String(port),
    },
  });
  let exited = false;
  child.on("exit", () => (exited = true));
  const instance: AppInstance = { url, port, pid: child.pid ?? 0, exited: () => exited, stop: () => stopChild(child, () => exited) };
  if (!(await waitForHealth(url, options.timeoutMs ?? 300_000, () => exited))) {
    await instance.stop();
    throw new Error(`the app did not start on port ${port}`);
  }
  return instance;
}
