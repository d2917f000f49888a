// `npm start` itself (scripts/start.ts), run the way a person or a supervisor runs it, on a
// throwaway data directory or database, against the production build the suite already made:
// - when the app process dies (here: killed with SIGKILL), the start script stops PostgreSQL and
//   exits non-zero instead of waiting forever, so a supervisor restarts it;
// - a database given by DATABASE_URL gets no demo accounts, and no secrets are printed.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { databaseUrl, expect, test } from "./fixtures";

const root = path.resolve(import.meta.dirname, "..");

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Whether anything accepts connections on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

/** The direct children of a process, from /proc (no procps needed). */
function childrenOf(pid: number): { pid: number; cmdline: string }[] {
  return readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .flatMap((d) => {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, "utf8");
        const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        return ppid === pid ? [{ pid: Number(d), cmdline: readFileSync(`/proc/${d}/cmdline`, "utf8").replaceAll("\0", " ") }] : [];
      } catch {
        return [];
      }
    });
}

type Started = { child: ChildProcess; output: () => string; exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }> };

/** Runs `npm start`'s script and resolves once it prints that Bulkhead is ready. */
async function startScript(env: Record<string, string | undefined>): Promise<Started> {
  // Nothing inherited decides the database or the demo: only what the test passes.
  const base = { ...process.env };
  delete base.DATABASE_URL;
  delete base.BULKHEAD_DEMO;
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"], {
    cwd: root,
    env: { ...base, BULKHEAD_LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  child.stdout!.on("data", (d: Buffer) => (text += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (text += d.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  await expect
    .poll(() => (child.exitCode === null ? text : `exited early:\n${text}`), { timeout: 90_000, intervals: [250] })
    .toMatch(/Bulkhead is ready at|exited early/);
  expect(text).toContain("Bulkhead is ready at");
  return { child, output: () => text, exit };
}

test.describe("npm start", () => {
  test.describe.configure({ timeout: 180_000 });

  test("exits non-zero and stops its PostgreSQL when the app process is killed", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "bulkhead-start-"));
    const [port, pgPort] = [await freePort(), await freePort()];
    let started: Started | undefined;
    try {
      started = await startScript({ BULKHEAD_DATA_DIR: dataDir, PORT: String(port), BULKHEAD_PG_PORT: String(pgPort) });
      // The embedded demo: its sign-ins and ingest token are printed (it lives on this machine).
      expect(started.output()).toContain("Demo sign-ins (password: bulkhead-demo)");
      expect(started.output()).toMatch(/Demo ingest token \(falcosidekick-prod-eu\): bh_/);
      const postgresPort = JSON.parse(readFileSync(path.join(dataDir, "pg-credentials.json"), "utf8")).port as number;
      expect(await listening(postgresPort)).toBe(true);

      const app = childrenOf(started.child.pid!).find((c) => c.cmdline.includes("scripts/serve.ts"));
      expect(app, "the app is a child of the start script").toBeDefined();
      process.kill(app!.pid, "SIGKILL");

      const { code } = await started.exit;
      expect(code, started.output()).not.toBe(0);
      expect(code).not.toBeNull();
      expect(started.output()).toContain("the app stopped (killed by SIGKILL)");
      expect(started.output()).toContain("Stopped.");
      expect(existsSync(path.join(dataDir, "pg", "postmaster.pid")), "PostgreSQL was shut down").toBe(false);
      expect(await listening(postgresPort)).toBe(false);
      expect(await listening(port)).toBe(false);
    } finally {
      if (started?.child.exitCode === null && started.child.signalCode === null) started.child.kill("SIGKILL");
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test("creates no demo accounts on an empty database given by DATABASE_URL, and prints no secrets", async () => {
    const name = `bulkhead_start_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: databaseUrl() });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(databaseUrl());
    url.pathname = `/${name}`;
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "bulkhead-start-"));
    let started: Started | undefined;
    const port = await freePort();
    try {
      started = await startScript({
        DATABASE_URL: url.toString(),
        AUTH_SECRET: randomBytes(33).toString("base64"),
        BULKHEAD_DATA_DIR: dataDir,
        PORT: String(port),
      });
      const output = started.output();
      expect(output).toContain("This database has no users yet. Create the first admin");
      expect(output).toContain("npm run admin:create -- --email");
      expect(output).not.toContain("Demo sign-ins");
      expect(output).not.toContain("bulkhead-demo");
      expect(output).not.toMatch(/ingest token/i);
      if (url.password) expect(output).not.toContain(decodeURIComponent(url.password));

      const db = new pg.Client({ connectionString: url.toString() });
      await db.connect();
      try {
        expect((await db.query(`SELECT count(*)::int AS n FROM "User"`)).rows[0].n).toBe(0);
        expect((await db.query(`SELECT count(*)::int AS n FROM "DetectionSource"`)).rows[0].n).toBe(0);
      } finally {
        await db.end();
      }

      // A supervisor's SIGTERM stops the app too (nothing left listening) and exits 0.
      started.child.kill("SIGTERM");
      expect((await started.exit).code, started.output()).toBe(0);
      expect(started.output()).toContain("Stopped.");
      expect(await listening(port)).toBe(false);
    } finally {
      if (started?.child.exitCode === null && started.child.signalCode === null) started.child.kill("SIGKILL");
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
