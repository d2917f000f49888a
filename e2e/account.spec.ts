// A user's own account page: reached from the name in the header, where they change their own
// password (the current one required). The change signs the account out everywhere else.
import { attemptSignIn, expect, test } from "./fixtures";

test("a user changes their own password on the account page, and their other sessions end", async ({
  page,
  browser,
  request,
  createUser,
  signInAs,
}) => {
  const user = await createUser({ role: "RESPONDER" });
  const otherContext = await browser.newContext();
  const otherPage = await otherContext.newPage();
  await signInAs(otherPage, user.email, user.password);
  await signInAs(page, user.email, user.password);

  await page.goto("/");
  await page.getByRole("banner").getByRole("link", { name: user.name }).click();
  await expect(page).toHaveURL("/account");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account");

  const form = page.getByRole("form", { name: "Change password" });
  const chosen = `${user.password}-but-longer`;
  await form.getByLabel("Current password").fill("not my password at all");
  await form.getByLabel("New password", { exact: true }).fill(chosen);
  await form.getByLabel("New password again").fill(chosen);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByLabel("Current password")).toHaveAccessibleDescription("That is not your current password");

  await form.getByLabel("Current password").fill(user.password);
  await form.getByLabel("New password again").fill(`${chosen}-typo`);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByLabel("New password again")).toHaveAccessibleDescription("Does not match the new password");

  await form.getByLabel("New password again").fill(chosen);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL("/account?changed=1");
  await expect(page.getByText("Your password was changed.")).toBeVisible();

  // This browser stays signed in; the other one is out at its next request.
  await page.goto("/incidents");
  await expect(page.getByRole("heading", { level: 1, name: "Incidents" })).toBeVisible();
  await otherPage.goto("/incidents");
  await expect(otherPage).toHaveURL(/\/login(\?|$)/);
  await otherContext.close();

  expect((await attemptSignIn(request, user.email, user.password)).location).toContain("error=CredentialsSignin");
  expect((await attemptSignIn(request, user.email, chosen)).location).not.toContain("error=");
});
