// Sign-in, sign-out and the sign-in throttle, through the form a person uses. The only spec that
// signs in through the form; the others use the fixtures' Auth.js endpoint sign-in.
import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS, NAVIGATION, ROLES, expect, isSessionCookie, mainNavigation, test } from "./fixtures";

const ROLE_LABELS = { ADMIN: "Admin", IR_MANAGER: "IR manager", RESPONDER: "Responder", AUDITOR: "Auditor" } as const;

async function submitSignInForm(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

const formMessage = (page: Page) => page.getByTestId("form-message");

for (const role of ROLES) {
  test(`${role} signs in through the form and is offered exactly its navigation`, async ({ page }) => {
    await page.goto("/login");
    await submitSignInForm(page, DEMO_USERS[role], DEMO_PASSWORD);

    await expect(page).toHaveURL("/");
    await expect(mainNavigation(page)).toHaveText(NAVIGATION[role]);
    await expect(page.getByRole("banner")).toContainText(`· ${ROLE_LABELS[role]}`);
  });
}

test("a wrong password is refused with a message and no session", async ({ page, createUser }) => {
  const user = await createUser({ role: "RESPONDER" });
  await page.goto("/login");
  await submitSignInForm(page, user.email, `${user.password}-wrong`);

  await expect(formMessage(page)).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL("/login");
  expect((await page.context().cookies()).filter(isSessionCookie)).toHaveLength(0);

  await page.goto("/incidents");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fincidents$/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
});

test("an anonymous visit to /incidents goes to sign-in, and signing in there comes back to it", async ({ page, createUser }) => {
  const response = await page.request.get("/incidents", { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers()["location"]).toMatch(/\/login\?callbackUrl=%2Fincidents$/);

  const user = await createUser({ role: "RESPONDER" });
  await page.goto("/incidents");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fincidents$/);
  await submitSignInForm(page, user.email, user.password);

  await expect(page).toHaveURL("/incidents");
  await expect(page.getByRole("heading", { level: 1, name: "Incidents" })).toBeVisible();
});

test("signing out returns to sign-in, and the portal then asks to sign in again", async ({ page, createUser, signInAs }) => {
  const user = await createUser({ role: "IR_MANAGER" });
  await signInAs(page, user.email, user.password);
  await page.goto("/");
  await expect(mainNavigation(page)).toHaveText(NAVIGATION.IR_MANAGER);

  await page.getByRole("button", { name: "Sign out" }).click();

  await expect(page).toHaveURL("/login");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  expect((await page.context().cookies()).filter(isSessionCookie)).toHaveLength(0);
  await page.goto("/");
  await expect(page).toHaveURL("/login");
});

test("after five wrong passwords from one address, that address waits before its next try, right password or not", async ({
  page,
  db,
  createUser,
}) => {
  const user = await createUser({ role: "RESPONDER" });
  const failuresOfPair = async () => {
    const { rows } = await db.query<{ failures: number }>(`SELECT "failures" FROM "SignInThrottle" WHERE "key" LIKE $1`, [
      `pair:${user.email}|%`,
    ]);
    return rows[0]?.failures ?? 0;
  };

  await page.goto("/login");
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await submitSignInForm(page, user.email, `not-the-password-${attempt}`);
    // The message reads the same every time; the counter says this attempt has been handled.
    await expect.poll(failuresOfPair).toBe(attempt);
    await expect(formMessage(page)).toHaveText("Wrong email or password.");
  }

  await submitSignInForm(page, user.email, user.password);
  await expect(formMessage(page)).toHaveText(
    /^Too many failed attempts from here\. Wait a little before the next one: each further failure doubles the wait, up to \d+ minutes\.$/,
  );
  expect((await page.context().cookies()).filter(isSessionCookie)).toHaveLength(0);
  // The refused attempt was not counted: waiting is enough, and guessing faster gains nothing.
  expect(await failuresOfPair()).toBe(5);

  // Once the wait is over, the right password works (moved into the past instead of waiting 30 s).
  await db.query(`UPDATE "SignInThrottle" SET "lockedUntil" = now() - interval '1 day' WHERE "key" LIKE $1`, [`pair:${user.email}|%`]);
  await submitSignInForm(page, user.email, user.password);
  await expect(page).toHaveURL("/");
});
