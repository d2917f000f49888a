// User administration as an admin does it on /users: create (with validation), change the role,
// and the new user signs in with the role they were given — after replacing the initial
// password the admin chose, which is all the portal lets them do until then.
import { DEMO_PASSWORD, DEMO_USERS, NAVIGATION, clickAndWaitForAction, expect, mainNavigation, test, uniqueSuffix } from "./fixtures";

test("an admin creates a user, changes their role, and the user signs in with it", async ({ page, browser, signInAs }) => {
  const suffix = uniqueSuffix();
  const newUser = { name: `Priya Natarajan ${suffix}`, email: `priya-${suffix}@e2e.test`, password: `correct-horse-${suffix}` };

  await signInAs(page, DEMO_USERS.ADMIN, DEMO_PASSWORD);
  // Searched for the new address, as an admin would on a long list (the page lists every user).
  await page.goto(`/users?q=${encodeURIComponent(newUser.email)}`);
  await expect(page.getByText("No users match")).toBeVisible();
  const form = page.getByRole("form", { name: "Create user" });

  // Too short a password: the message sits by the field (and is its accessible description).
  await form.getByLabel("Name").fill(newUser.name);
  await form.getByLabel("Email").fill(newUser.email);
  await form.getByLabel("Role").selectOption("RESPONDER");
  await form.getByLabel("Initial password").fill("short");
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.getByLabel("Initial password")).toHaveAccessibleDescription("Use at least 12 characters");
  await expect(form.getByLabel("Initial password")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByTestId("form-message")).toHaveText("Please correct the highlighted fields.");
  await expect(page.getByTestId(`user-${newUser.email}`)).toHaveCount(0);

  // The form comes back empty after the refusal (React resets a form after its action), so fill it again.
  await form.getByLabel("Name").fill(newUser.name);
  await form.getByLabel("Email").fill(newUser.email);
  await form.getByLabel("Role").selectOption("RESPONDER");
  await form.getByLabel("Initial password").fill(newUser.password);
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.getByTestId("form-message")).toHaveText(
    `Created ${newUser.email}. Share the password with them through a separate channel; they choose their own at first sign-in.`,
  );
  await expect(form.getByLabel("Initial password")).not.toHaveAttribute("aria-invalid", "true");

  const row = page.getByTestId(`user-${newUser.email}`);
  await expect(row).toContainText(newUser.name);
  await expect(row.getByLabel(`Role of ${newUser.email}`)).toHaveValue("RESPONDER");
  await expect(row).toContainText("never");

  await row.getByLabel(`Role of ${newUser.email}`).selectOption("AUDITOR");
  await clickAndWaitForAction(page, row.getByRole("button", { name: "Change" }));
  await page.reload();
  await expect(page.getByTestId(`user-${newUser.email}`).getByLabel(`Role of ${newUser.email}`)).toHaveValue("AUDITOR");

  const theirContext = await browser.newContext();
  const theirPage = await theirContext.newPage();
  await signInAs(theirPage, newUser.email, newUser.password);
  // Every portal page sends them to the password change; nothing else answers to that session.
  for (const path of ["/", "/incidents", "/account"]) {
    await theirPage.goto(path);
    await expect(theirPage).toHaveURL("/change-password");
  }
  expect((await theirPage.request.get("/api/incidents")).status()).toBe(401);
  await expect(theirPage.getByRole("heading", { level: 1 })).toHaveText("Change your password");

  const change = theirPage.getByRole("form", { name: "Change password" });
  const newPassword = change.getByLabel("New password", { exact: true });
  // A common password is refused by the field, and what was typed stays.
  await change.getByLabel("Current password").fill(newUser.password);
  await newPassword.fill("Password2024!");
  await change.getByLabel("New password again").fill("Password2024!");
  await change.getByRole("button", { name: "Change password" }).click();
  await expect(newPassword).toHaveAccessibleDescription("This password is too common or too easy to guess; choose another");
  await expect(change.getByLabel("Current password")).toHaveValue(newUser.password);

  const chosen = `their-own-passphrase-${suffix}`;
  await newPassword.fill(chosen);
  await change.getByLabel("New password again").fill(chosen);
  await change.getByRole("button", { name: "Change password" }).click();
  await expect(theirPage).toHaveURL("/account?changed=1");
  await expect(theirPage.getByText("Your password was changed.")).toBeVisible();

  await theirPage.goto("/");
  await expect(theirPage.getByRole("heading", { level: 1 })).toHaveText(`Welcome, ${newUser.name}`);
  await expect(mainNavigation(theirPage)).toHaveText(NAVIGATION.AUDITOR);
  await theirContext.close();
});
