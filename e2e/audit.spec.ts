// The audit log as an auditor reads it: sign-ins (and failed ones) are recorded, the filters narrow
// the list, and the hash chain verifies. Roles without audit.read neither see nor reach it.
import { DEMO_PASSWORD, DEMO_USERS, NAVIGATION, attemptSignIn, expect, mainNavigation, signInWithRequest, test } from "./fixtures";

test("an auditor finds sign-ins and failed sign-ins, filters by outcome and verifies the chain", async ({ page, playwright, baseURL, createUser, signInAs }) => {
  // A fresh user signs in once with a wrong password and once with the right one.
  const user = await createUser({ role: "RESPONDER" });
  const elsewhere = await playwright.request.newContext({ baseURL });
  const failed = await attemptSignIn(elsewhere, user.email, "definitely-not-the-password");
  expect(failed.location).toContain("error=CredentialsSignin");
  await signInWithRequest(elsewhere, user.email, user.password);
  await elsewhere.dispose();

  await signInAs(page, DEMO_USERS.AUDITOR, DEMO_PASSWORD);
  await page.goto("/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();

  const filters = page.getByRole("form", { name: "Filter audit events" });
  await filters.getByLabel("Actor").fill(user.email);
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]actor=/);
  const rows = page.getByRole("table").getByRole("row").filter({ hasText: user.email });
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "auth.sign_in" }).filter({ hasText: "success" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "auth.sign_in" }).filter({ hasText: "failure" })).toHaveCount(1);

  await filters.getByLabel("Outcome").selectOption("FAILURE");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]outcome=FAILURE/);
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText("auth.sign_in");
  await expect(rows).toContainText("failure");

  await page.getByRole("button", { name: "Verify hash chain" }).click();
  await expect(page.getByTestId("chain-verdict")).toHaveText(/^Chain intact: all \d+ events verified\.$/);
});

test("a responder is offered no audit link and gets 404 for /audit", async ({ page, signInAs }) => {
  await signInAs(page, DEMO_USERS.RESPONDER, DEMO_PASSWORD);
  await page.goto("/");
  await expect(mainNavigation(page)).toHaveText(NAVIGATION.RESPONDER);
  await expect(mainNavigation(page).getByText("Audit", { exact: true })).toHaveCount(0);

  const response = await page.goto("/audit");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toHaveCount(0);
  await expect(page.getByText("Chain intact")).toHaveCount(0);
});
