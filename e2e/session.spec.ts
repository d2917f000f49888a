// Sessions are re-checked against the database on every request (lib/auth/session.ts): what an
// admin changes about a user takes effect on that user's next request, without waiting for the
// JWT to expire.
import { DEMO_PASSWORD, DEMO_USERS, NAVIGATION, attemptSignIn, clickAndWaitForAction, expect, mainNavigation, test } from "./fixtures";

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
