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
  // Participants are added one by one from a single list, each with a plan role and attendance.
  const participants = page.getByRole("table", { name: "Participants" });
  await page.getByLabel("Add a participant").selectOption({ label: "Priya Raman (Platform SRE)" });
  await page.getByRole("button", { name: "Add participant" }).click();
  await page.getByLabel("Add a participant").selectOption({ label: "Owen Gallagher (Communications)" });
  await page.getByRole("button", { name: "Add participant" }).click();
  await expect(page.getByLabel("Add a participant").getByRole("option", { name: "Priya Raman (Platform SRE)" })).toHaveCount(0);
  await participants.getByLabel("Plan role of Priya Raman (Platform SRE)").selectOption({ label: "DevOps primary owner" });
  await participants.getByLabel("Attendance of Priya Raman (Platform SRE)").selectOption({ label: "Attended" });
  await participants.getByRole("button", { name: "Remove Owen Gallagher (Communications)" }).click();
  await expect(participants.getByRole("row")).toHaveCount(2);
  await page.getByLabel("Facilitator", { exact: true }).fill(" ");
  await page.getByRole("button", { name: "Record exercise" }).click();
  await expect(page.getByText("Name the facilitator")).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await expect(participants.getByLabel("Plan role of Priya Raman (Platform SRE)")).toHaveValue("DEVOPS_PRIMARY");

  await page.getByLabel("Facilitator", { exact: true }).fill("Dana Whitfield");
  await page.getByLabel("Scheduled for").fill("2027-01-14T10:00");
  await page.getByRole("button", { name: "Record exercise" }).click();
  await expect(page).toHaveURL(/\/exercises\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText(/Tabletop · Cryptominer in a production namespace · Planned/)).toBeVisible();
  const listed = page.getByRole("region", { name: "Participants" }).getByRole("listitem");
  await expect(listed).toHaveText([/^Priya Raman — DevOps primary owner\s*Attended$/]);
});

test("a responder reads the exercises with no way to record one", async ({ page, createUser, signInAs }) => {
  const responder = await createUser({ role: "RESPONDER" });
  await signInAs(page, responder.email, responder.password);
  await page.goto("/exercises");
  await expect(page.getByRole("heading", { level: 1, name: "Exercises" })).toBeVisible();
  await expect(page.getByRole("link", { name: "New exercise" })).toHaveCount(0);
  expect((await page.goto("/exercises/new"))?.status()).toBe(404);
});
