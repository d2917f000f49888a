// The order of practice, in the browser: a manager runs a tabletop that finds a high playbook gap,
// is refused the purple team of the same scenario, closes the gap by publishing the playbook's next
// version and linking it, and then starts the purple team; an auditor reads it all with no edits.
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { expect, test, uniqueSuffix } from "./fixtures";
import { insertReadOnlyPlaybook } from "./playbook-helpers";

test("a tabletop's high finding gates the purple team until a published playbook version closes it", async ({
  page,
  db,
  createUser,
  signInAs,
}) => {
  test.setTimeout(120_000);
  const playbook = await insertReadOnlyPlaybook(db);
  const scenario = `Miner in the batch namespace ${uniqueSuffix()}`;
  const manager = await createUser({ role: "IR_MANAGER" });
  await signInAs(page, manager.email, manager.password);

  const record = async (kind: string, title: string) => {
    await page.goto("/exercises/new");
    await page.getByLabel("Type").selectOption({ label: kind });
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Scenario", { exact: true }).fill(scenario);
    await page.getByLabel("Facilitator", { exact: true }).fill("Dana Whitfield");
    await page.getByRole("button", { name: "Record exercise" }).click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    return page.url();
  };
  const moveTo = async (status: string) => {
    const form = page.getByRole("form", { name: "Change status" });
    await form.getByLabel("Move to").selectOption({ label: status });
    await form.getByRole("button", { name: /Change status|Start with this override/ }).click();
  };

  const tabletopUrl = await record("Tabletop", `Tabletop ${scenario}`);
  await moveTo("In progress");
  await expect(page.getByText(/Tabletop · .* · In progress/)).toBeVisible();

  // Two findings: a high one about the playbook, a low one about tooling, each with an action item.
  const findings = [
    { title: "No step isolates the pod", category: "Playbook", severity: "High", playbook: playbook.title, item: "Add an isolation step" },
    { title: "Pool address not in the egress logs", category: "Tooling", severity: "Low", playbook: null, item: "Log egress DNS" },
  ];
  for (const f of findings) {
    const summary = page.getByText("Record a finding", { exact: true });
    if (!(await page.getByRole("form", { name: "Record a finding" }).isVisible())) await summary.click();
    const form = page.getByRole("form", { name: "Record a finding" });
    await form.getByLabel("Finding").fill(f.title);
    await form.getByLabel("Category").selectOption({ label: f.category });
    await form.getByLabel("Severity").selectOption({ label: f.severity });
    await form.getByLabel("Recommendation").fill("Fix it before the purple team.");
    if (f.playbook) await form.getByLabel("Playbook", { exact: true }).selectOption({ label: f.playbook });
    await form.getByRole("button", { name: "Record finding" }).click();
    const card = page.locator("li", { has: page.getByRole("heading", { level: 3, name: f.title }) });
    await expect(card).toBeVisible();
    await card.getByRole("link", { name: "Add an action item" }).click();
    const itemForm = card.getByRole("form", { name: "Add an action item" });
    await itemForm.getByLabel("What is to be done").fill(f.item);
    await itemForm.getByLabel("Due").fill("2027-06-30");
    await itemForm.getByRole("button", { name: "Add item" }).click();
    await expect(card.getByTestId("action-item").filter({ hasText: f.item })).toBeVisible();
  }
  // One editor at a time: editing the low finding closes the item form that was open.
  const low = page.locator("li", { has: page.getByRole("heading", { level: 3, name: findings[1]!.title }) });
  await low.getByRole("link", { name: "Edit finding" }).click();
  await expect(page.getByRole("form", { name: "Add an action item" })).toHaveCount(0);
  const editLow = low.getByRole("form", { name: `Edit finding ${findings[1]!.title}` });
  await editLow.getByLabel("Recommendation").fill("Log egress DNS queries from batch pods.");
  await editLow.getByRole("button", { name: "Save finding" }).click();
  await expect(low.getByText("Log egress DNS queries from batch pods.", { exact: false }).first()).toBeVisible();
  await low.getByRole("link", { name: "Close" }).click();
  await expect(page.getByRole("form", { name: `Edit finding ${findings[1]!.title}` })).toHaveCount(0);
  await moveTo("Completed");
  await expect(page.getByText(/Tabletop · .* · Completed/)).toBeVisible();

  // The purple team of the same scenario is refused while the high finding is open.
  const purpleUrl = await record("Purple team", `Purple team ${scenario}`);
  await moveTo("In progress");
  await expect(page.getByLabel(/Override: why go ahead anyway/)).toBeVisible();
  await expect(page.getByText(/Purple team · .* · Planned/)).toBeVisible();

  // The playbook's page shows the open item about it; publishing its next version and linking it closes the item.
  await page.goto(`/playbooks/${playbook.id}?version=2`);
  const pending = page.getByRole("list", { name: "Open action items about this playbook" });
  await expect(pending.getByRole("link", { name: "Add an isolation step" })).toHaveAttribute("href", /^\/exercises\/[^/]+#action-item-/);
  await page.getByRole("button", { name: "Publish version 2…" }).click();
  const publish = page.getByRole("form", { name: "Publish version 2?" });
  await publish.getByLabel("Change note").fill("Isolate the pod first, from the tabletop.");
  await publish.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByRole("form", { name: "Publish version 2?" })).toHaveCount(0);

  await page.goto(tabletopUrl);
  const statusForm = page.getByRole("form", { name: "Change the status of Add an isolation step" });
  await statusForm.getByLabel("Move to").selectOption({ label: "Done" });
  await statusForm.getByLabel(/Fixed by playbook version/).selectOption({ label: `${playbook.title} v2` });
  await statusForm.getByRole("button", { name: "Change status" }).click();
  await expect(page.getByTestId("action-item").filter({ hasText: "Add an isolation step" })).toContainText(`fixed by ${playbook.title} v2`);

  await page.goto(purpleUrl);
  await moveTo("In progress");
  await expect(page.getByText(/Purple team · .* · In progress/)).toBeVisible();
  await expect(page.getByRole("link", { name: `Tabletop: Tabletop ${scenario}` })).toBeVisible();
  await expect(page.getByRole("list", { name: "Change history" })).toContainText("exercise.status.in_progress");

  // An auditor filters the history to the scenario, reads the record and its debrief, and can change nothing.
  const auditor = await createUser({ role: "AUDITOR" });
  await page.context().clearCookies();
  await signInAs(page, auditor.email, auditor.password);
  await page.goto("/exercises");
  const filters = page.getByRole("form", { name: "Filter exercises" });
  await filters.getByLabel("Scenario").selectOption({ label: scenario });
  await filters.getByLabel("Type").selectOption({ label: "Tabletop" });
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("link", { name: `Tabletop ${scenario}` })).toBeVisible();
  await expect(page.getByRole("link", { name: `Purple team ${scenario}` })).toHaveCount(0);
  await page.getByRole("link", { name: `Tabletop ${scenario}` }).click();
  await expect(page.getByRole("form")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Edit exercise" })).toHaveCount(0);
  await page.getByRole("link", { name: "Debrief" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Tabletop ${scenario}` })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: /No step isolates the pod — High/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Print" })).toBeVisible();

  // The auditor downloads the history: the findings as CSV (read back with a CSV parser) and everything as JSON.
  await page.goto("/exercises");
  const exports = page.getByRole("region", { name: "Export the whole history" });
  const [csvDownload] = await Promise.all([page.waitForEvent("download"), exports.getByRole("link", { name: "Findings (CSV)" }).click()]);
  expect(csvDownload.suggestedFilename()).toMatch(/^bulkhead-exercises-findings-\d{8}T\d{6}Z-audit-\d+\.csv$/);
  const findingRows = parse(await readFile(await csvDownload.path(), "utf8"), { columns: true }) as Record<string, string>[];
  expect(findingRows.filter((r) => r.exercise_title === `Tabletop ${scenario}`).map((r) => [r.severity, r.status])).toEqual(
    expect.arrayContaining([
      ["HIGH", "RESOLVED"],
      ["LOW", "OPEN"],
    ]),
  );
  const [jsonDownload] = await Promise.all([
    page.waitForEvent("download"),
    exports.getByRole("link", { name: "Everything (JSON)" }).click(),
  ]);
  const exported = JSON.parse(await readFile(await jsonDownload.path(), "utf8")) as {
    auditHead: { seq: string; hash: string };
    exercises: { title: string; overrideReason: string | null; prerequisite: { title: string } | null }[];
  };
  expect(exported.auditHead.hash).toMatch(/^[0-9a-f]{64}$/);
  expect(exported.exercises.find((e) => e.title === `Purple team ${scenario}`)).toMatchObject({
    overrideReason: null,
    prerequisite: { title: `Tabletop ${scenario}` },
  });
});
