// Exercises as a manager records them and a responder reads them: a tabletop planned from the
// scenario library lands on its own page with the scenario's techniques; readers get no edit controls.
import { expect, test } from "./fixtures";

test("a manager plans a tabletop from the scenario library and lands on it", async ({ page, createUser, signInAs }) => {
  const manager = await createUser({ role: "IR_MANAGER" });
  await signInAs(page, manager.email, manager.password);
  await page.goto("/exercises");
  await page.getByRole("link", { name: "New exercise" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New exercise" })).toBeVisible();

  // A refused save keeps what was typed: no facilitator yet.
  const title = `Q1 tabletop ${Date.now()}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Start from the scenario library").selectOption({ label: "Cryptominer in a production namespace" });
  await expect(page.getByLabel("Scenario", { exact: true })).toHaveValue("Cryptominer in a production namespace");
  await expect(page.getByRole("checkbox", { name: /T1496\.001/ })).toBeChecked();
  await page.getByLabel("Facilitator", { exact: true }).fill(" ");
  await page.getByRole("button", { name: "Record exercise" }).click();
  await expect(page.getByText("Name the facilitator")).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue(title);

  await page.getByLabel("Facilitator", { exact: true }).fill("Dana Whitfield");
  await page.getByLabel("Scheduled for").fill("2027-01-14T10:00");
  await page.getByRole("button", { name: "Record exercise" }).click();
  await expect(page).toHaveURL(/\/exercises\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText(/Tabletop · Cryptominer in a production namespace · Planned/)).toBeVisible();
});

test("a responder reads the exercises with no way to record one", async ({ page, createUser, signInAs }) => {
  const responder = await createUser({ role: "RESPONDER" });
  await signInAs(page, responder.email, responder.password);
  await page.goto("/exercises");
  await expect(page.getByRole("heading", { level: 1, name: "Exercises" })).toBeVisible();
  await expect(page.getByRole("link", { name: "New exercise" })).toHaveCount(0);
  expect((await page.goto("/exercises/new"))?.status()).toBe(404);
});
