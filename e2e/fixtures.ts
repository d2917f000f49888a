// Playwright fixtures: a pg pool on the e2e database (scripts/test.ts creates it, migrates and seeds
// the demo data), fresh users with known passwords, and sign-in over Auth.js's own endpoints so that
// only e2e/login.spec.ts goes through the form (STYLE.md, "Tests").
import { randomBytes } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { test as base, expect, type APIRequestContext, type APIResponse, type Locator, type Page } from "@playwright/test";
import pg from "pg";

export { expect };

export type Role = "ADMIN" | "IR_MANAGER" | "RESPONDER" | "AUDITOR";
export const ROLES: readonly Role[] = ["ADMIN", "IR_MANAGER", "RESPONDER", "AUDITOR"];

/** Seeded by prisma/seed.ts. Specs only sign them in; anything that changes a user uses a fresh one. */
export const DEMO_PASSWORD = "bulkhead-demo";
export const DEMO_USERS: Record<Role, string> = {
  ADMIN: "admin@bulkhead.local",
  IR_MANAGER: "manager@bulkhead.local",
  RESPONDER: "responder@bulkhead.local",
  AUDITOR: "auditor@bulkhead.local",
};

/** The main navigation each role is offered (lib/navigation.ts filtered by lib/domain/roles.ts). */
export const NAVIGATION: Record<Role, string[]> = {
  ADMIN: ["Dashboard", "Plan", "Incidents", "Playbooks", "Runs", "Exercises", "Sources", "Audit", "Users"],
  IR_MANAGER: ["Dashboard", "Plan", "Incidents", "Playbooks", "Runs", "Exercises", "Sources", "Audit"],
  RESPONDER: ["Dashboard", "Plan", "Incidents", "Playbooks", "Runs", "Exercises", "Sources"],
  AUDITOR: ["Dashboard", "Plan", "Incidents", "Playbooks", "Runs", "Exercises", "Sources", "Audit"],
};

/** The links of the portal's main navigation, in order. */
export const mainNavigation = (page: Page) => page.getByRole("navigation", { name: "Main" }).getByRole("link");

export type TestUser = { id: string; email: string; name: string; role: Role; password: string };

export function databaseUrl(): string {
  const url = process.env.BULKHEAD_E2E_DATABASE_URL;
  if (!url) throw new Error("BULKHEAD_E2E_DATABASE_URL is not set: run the e2e suite through `npm test -- --only=e2e`");
  return url;
}

/** Unique across runs on the same database, so repeated runs never collide. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
}

/** The same Argon2id parameters as lib/auth/password.ts, so the app verifies these hashes as its own. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}

/** Inserts an active user with a known password straight into the database. */
export async function insertUser(db: pg.Pool, options: { role: Role; password?: string; name?: string }): Promise<TestUser> {
  const suffix = uniqueSuffix();
  const password = options.password ?? `e2e-password-${suffix}`;
  const user = {
    id: `e2e${suffix}`,
    email: `e2e-${options.role.toLowerCase().replace("_", "-")}-${suffix}@e2e.test`,
    name: options.name ?? `E2E ${options.role} ${suffix}`,
    role: options.role,
    password,
  };
  await db.query(
    `INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "updatedAt") VALUES ($1, $2, $3, $4, $5::"Role", now())`,
    [user.id, user.email, user.name, await hashPassword(password), user.role],
  );
  return user;
}

export type SignInAttempt = { response: APIResponse; location: string };

/**
 * One sign-in over Auth.js's standard endpoints (what a form posting to Auth.js does): the CSRF
 * token, then the credentials callback. Cookies land in `request`'s store, which for `page.request`
 * is the browser context's own.
 */
export async function attemptSignIn(request: APIRequestContext, email: string, password: string): Promise<SignInAttempt> {
  const csrf = await request.get("/api/auth/csrf");
  expect(csrf.status(), "GET /api/auth/csrf").toBe(200);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, callbackUrl: "/" },
    maxRedirects: 0,
  });
  return { response, location: response.headers()["location"] ?? "" };
}

export const isSessionCookie = (cookie: { name: string }) => cookie.name.endsWith("authjs.session-token");

/** Signs in over `request` and asserts that a session cookie was set; returns the cookie header to replay. */
export async function signInWithRequest(request: APIRequestContext, email: string, password: string): Promise<string> {
  const { response, location } = await attemptSignIn(request, email, password);
  expect(response.status(), `sign-in of ${email} redirects`).toBe(302);
  expect(location, `sign-in of ${email} succeeds (Auth.js redirects failures back to /login?error=…)`).not.toContain("error=");
  const { cookies } = await request.storageState();
  expect(cookies.filter(isSessionCookie), `a session cookie for ${email}`).not.toHaveLength(0);
  return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

/**
 * Clicks a submit button of a server-action form and waits for the action's response. Only for
 * forms that show nothing when they succeed: the rows on /users are re-rendered with a new key
 * after a change and lose their confirmation message, so there is nothing visible to wait for.
 */
export async function clickAndWaitForAction(page: Page, button: Locator): Promise<void> {
  const done = page.waitForResponse((r) => r.request().method() === "POST" && r.request().headers()["next-action"] !== undefined);
  await button.click();
  expect((await done).status(), "the server action answered").toBe(200);
}

type TestFixtures = {
  /** Creates a fresh active user (unique email) with a known password. */
  createUser: (options: { role: Role; password?: string; name?: string }) => Promise<TestUser>;
  /** Signs `page`'s browser context in without the form; asserts the session cookie was set. */
  signInAs: (page: Page, email: string, password: string) => Promise<void>;
  /** Keeps the per-address sign-in throttle from leaking between tests (see below). */
  clearAddressThrottle: void;
};

type WorkerFixtures = {
  /** A pg pool on the e2e database, for seeding and inspecting; closed when the worker ends. */
  db: pg.Pool;
};

export const test = base.extend<TestFixtures, WorkerFixtures>({
  db: [
    async ({}, provide) => {
      const pool = new pg.Pool({ connectionString: databaseUrl(), max: 4 });
      await provide(pool);
      await pool.end();
    },
    { scope: "worker" },
  ],

  createUser: async ({ db }, provide) => {
    await provide((options) => insertUser(db, options));
  },

  signInAs: async ({}, provide) => {
    await provide(async (page, email, password) => {
      await signInWithRequest(page.request, email, password);
      expect((await page.context().cookies()).filter(isSessionCookie), "the browser context holds the session").not.toHaveLength(0);
    });
  },

  // Every request of this suite comes from one address, and lib/auth/throttle.ts also slows an
  // address down after BULKHEAD_SIGNIN_FREE_ATTEMPTS_PER_ADDRESS failures across all accounts.
  // The specs make deliberate failures, so without this later sign-ins (demo users included)
  // could be refused. Per-(account, address) counters are left alone: specs use fresh accounts
  // for those, and login.spec.ts asserts that delay holds on its own.
  clearAddressThrottle: [
    async ({ db }, provide) => {
      await db.query(`DELETE FROM "SignInThrottle" WHERE "key" LIKE 'address:%'`);
      await provide();
      await db.query(`DELETE FROM "SignInThrottle" WHERE "key" LIKE 'address:%'`);
    },
    { auto: true },
  ],
});
