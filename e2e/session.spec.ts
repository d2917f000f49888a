// Sessions are re-checked against the database on every request (lib/auth/session.ts): what an
// admin changes about a user takes effect on that user's next request, without waiting for the
// JWT to expire.
import {
  DEMO_PASSWORD,
  DEMO_USERS,
  NAVIGATION,
  attemptSignIn,
  clickAndWaitForAction,
  expect,
  isSessionCookie,
  mainNavigation,
  test,
} from "./fixtures";

test("a user deactivated by an admin is signed out on their next navigation", async ({ page, browser, request, createUser, signInAs }) => {
  const user = await createUser({ role: "RESPONDER" });
  await signInAs(page, user.email, user.password);
  await page.goto("/incidents");
  await expect(page.getByRole("heading", { level: 1, name: "Incidents" })).toBeVisible();

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAs(admin, DEMO_USERS.ADMIN, DEMO_PASSWORD);
  await admin.goto(`/users?q=${encodeURIComponent(user.email)}`);
  const row = admin.getByTestId(`user-${user.email}`);
  await row.getByRole("button", { name: "Deactivate…" }).click();
  await expect(row).toContainText("Deactivate and sign them out?");
  await row.getByRole("button", { name: "Yes, deactivate" }).click();
  await expect(row.getByText("deactivated", { exact: true })).toBeVisible();
  await adminContext.close();

  // The user's page is still open; their next click goes to sign-in.
  await mainNavigation(page).getByText("Plan", { exact: true }).click();
  await expect(page).toHaveURL(/\/login(\?|$)/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await page.goto("/incidents");
  await expect(page).toHaveURL(/\/login(\?|$)/);

  // And the right password no longer lets them back in.
  const { location } = await attemptSignIn(request, user.email, user.password);
  expect(location).toContain("error=CredentialsSignin");
});

test("a role change takes effect on the user's next request, without signing out", async ({ page, browser, createUser, signInAs }) => {
  const user = await createUser({ role: "RESPONDER" });
  await signInAs(page, user.email, user.password);
  await page.goto("/");
  await expect(mainNavigation(page)).toHaveText(NAVIGATION.RESPONDER);
  expect((await page.request.get("/audit", { maxRedirects: 0 })).status()).toBe(404);

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAs(admin, DEMO_USERS.ADMIN, DEMO_PASSWORD);
  await admin.goto(`/users?q=${encodeURIComponent(user.email)}`);
  const row = admin.getByTestId(`user-${user.email}`);
  await row.getByLabel(`Role of ${user.email}`).selectOption("IR_MANAGER");
  await clickAndWaitForAction(admin, row.getByRole("button", { name: "Change" }));
  await admin.reload();
  await expect(admin.getByTestId(`user-${user.email}`).getByLabel(`Role of ${user.email}`)).toHaveValue("IR_MANAGER");
  await adminContext.close();

  await page.reload();
  await expect(mainNavigation(page)).toHaveText(NAVIGATION.IR_MANAGER);
  await mainNavigation(page).getByText("Audit", { exact: true }).click();
  await expect(page).toHaveURL("/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
});

test("Auth.js's own sign-out endpoint ends the session on the server: a copied cookie stops working, and it is audited", async ({
  page,
  db,
  baseURL,
  createUser,
  signInAs,
}) => {
  const user = await createUser({ role: "RESPONDER" });
  await signInAs(page, user.email, user.password);
  const copied = (await page.context().cookies())
    .filter(isSessionCookie)
    .map((c) => `${c.name}=${c.value}`)
    .join("; ");
  const asCopy = (path: string) => fetch(new URL(path, baseURL), { redirect: "manual", headers: { Cookie: copied } });
  expect((await asCopy("/api/incidents")).status).toBe(200);

  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signedOut = await page.request.post("/api/auth/signout", { form: { csrfToken, callbackUrl: "/login" }, maxRedirects: 0 });
  expect(signedOut.status()).toBe(302);

  // The cookie copied before the sign-out, replayed from elsewhere, is no session any more.
  expect((await asCopy("/api/incidents")).status).toBe(401);
  const portal = await asCopy("/incidents");
  expect(portal.status).toBe(307);
  expect(portal.headers.get("location")).toMatch(/\/login(\?|$)/);
  const { rows } = await db.query(`SELECT "outcome" FROM "AuditEvent" WHERE "actorId" = $1 AND "action" = 'auth.sign_out'`, [user.id]);
  expect(rows).toEqual([{ outcome: "SUCCESS" }]);
});

test("an admin ends a user's sessions without changing the account", async ({ page, browser, request, createUser, signInAs }) => {
  const user = await createUser({ role: "RESPONDER" });
  await signInAs(page, user.email, user.password);
  await page.goto("/incidents");
  await expect(page.getByRole("heading", { level: 1, name: "Incidents" })).toBeVisible();

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAs(admin, DEMO_USERS.ADMIN, DEMO_PASSWORD);
  await admin.goto(`/users?q=${encodeURIComponent(user.email)}`);
  await clickAndWaitForAction(admin, admin.getByTestId(`user-${user.email}`).getByRole("button", { name: "End sessions" }));
  await adminContext.close();

  await page.goto("/incidents");
  await expect(page).toHaveURL(/\/login(\?|$)/);
  // The account itself is as it was: the same password signs in again.
  expect((await attemptSignIn(request, user.email, user.password)).location).not.toContain("error=");
});
