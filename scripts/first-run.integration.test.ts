// A database given by DATABASE_URL gets no demo accounts, and its first admin comes from
// `npm run admin:create` with a one-time password. Runs on a fresh database of its own.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { createPrismaClient } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { testDb, testOwnerUrl } from "@/tests/support/db";
import { prepareDatabase, wantsDemo } from "./lib/prepare-database";

const root = path.resolve(import.meta.dirname, "..");
const name = `bulkhead_first_run_${randomBytes(4).toString("hex")}`;
let url: string;
let prisma: PrismaClient;

beforeAll(async () => {
  await testDb().$executeRawUnsafe(`CREATE DATABASE "${name}"`);
  // A single-role deployment, as someone's own PostgreSQL often is: DATABASE_URL owns the schema.
  const u = new URL(testOwnerUrl());
  u.pathname = `/${name}`;
  url = u.toString();
  prisma = createPrismaClient(url, 2);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await testDb().$executeRawUnsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});

/** `npm run admin:create -- …` as a person runs it. */
async function adminCreate(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/admin-create.ts", ...args],
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: url },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("a database given by DATABASE_URL", () => {
  it("gets demo data only on the embedded database or when asked for", () => {
    expect(wantsDemo({ embedded: true, argv: [], demoEnv: undefined })).toBe(true);
    expect(wantsDemo({ embedded: false, argv: [], demoEnv: undefined })).toBe(false);
    expect(wantsDemo({ embedded: false, argv: [], demoEnv: "0" })).toBe(false);
    expect(wantsDemo({ embedded: false, argv: ["--demo"], demoEnv: undefined })).toBe(true);
    expect(wantsDemo({ embedded: false, argv: [], demoEnv: "1" })).toBe(true);
  });

  it("is migrated by npm start's preparation but gets no users when empty", async () => {
    const prepared = await prepareDatabase(url, { demo: wantsDemo({ embedded: false, argv: [], demoEnv: undefined }) });
    expect(prepared.applied.length).toBeGreaterThan(0);
    expect(prepared).toMatchObject({ seed: null, users: 0 });
    expect(await prisma.user.count()).toBe(0);
    expect(await prisma.detectionSource.count()).toBe(0);
    expect(await prisma.user.count({ where: { email: { endsWith: "@bulkhead.local" } } })).toBe(0);
  });

  it("gets its first admin from admin:create, with a one-time password that must be changed", async () => {
    const created = await adminCreate(["--email", "Ops.Lead@Example.com", "--name", "Ops Lead"]);
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    const oneTimePassword = created.stdout.match(/^ {2}(\S{24})$/m)?.[1];
    expect(oneTimePassword, created.stdout).toBeDefined();

    const admin = await prisma.user.findUniqueOrThrow({ where: { email: "ops.lead@example.com" } });
    expect(admin).toMatchObject({ role: "ADMIN", active: true, mustChangePassword: true, name: "Ops Lead" });
    expect(await verifyPassword(admin.passwordHash, oneTimePassword!)).toBe(true);
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { action: "user.create_first_admin" } })).toMatchObject({
      targetId: admin.id,
      actorEmail: "admin:create",
    });
    const audit = await prisma.auditEvent.findMany({ select: { before: true, after: true, userAgent: true } });
    expect(JSON.stringify(audit)).not.toContain(oneTimePassword!);
  });

  it("refuses a second first admin, and bad arguments, with a non-zero exit", async () => {
    const again = await adminCreate(["--email", "someone@example.com", "--name", "Someone"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already has an active admin (ops.lead@example.com)");
    expect((await adminCreate(["--email", "not-an-email", "--name", "X"])).stderr).toContain("email");
    expect((await adminCreate(["--email", "x@example.com"])).stderr).toContain("usage");
    expect(await prisma.user.count()).toBe(1);
  });
});
