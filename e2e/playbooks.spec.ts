// The playbook library, end to end: an IR manager writes a playbook's first version step by step,
// is refused publishing while a step uses a placeholder the portal does not know (the refusal names
// the step and the placeholder), fixes it, reorders steps from the keyboard, removes one, and
// publishes; version 1 is then read-only. A second version changes a step, the diff page shows the
// change, and retiring hides the playbook from the library until retired ones are asked for.
// Responders and auditors read the library and a playbook, drafts included, with no controls.
//
// The manager's journey is one serial story over a playbook of its own (unique title per run).
import type { Locator, Page } from "@playwright/test";
import { expect, insertUser, signInWithRequest, test, uniqueSuffix, type Role, type TestUser } from "./fixtures";
import { insertReadOnlyPlaybook, playbookVersionsInDb, stepLabels } from "./playbook-helpers";

type StepText = { title: string; instructions: string; role?: string; evidence?: string; minutes?: string };

const SNAPSHOT: StepText = {
  title: "Snapshot the pod before anything changes",
  instructions: "kubectl get pod {{pod}} -n {{namespace}} -o yaml > {{incident_key}}-pod.yaml",
  role: "Security lead",
  evidence: "The pod manifest as it ran",
  minutes: "10",
};
const CORDON: StepText = {
  title: "Cordon the node",
  instructions: "kubectl cordon {{nonsense}}",
  role: "DevOps primary owner",
  minutes: "5",
};
const QUARANTINE: StepText = {
  title: "Cut the pod off the network",
  instructions: "kubectl label pod {{pod}} -n {{namespace}} bulkhead.io/quarantine=true",
  minutes: "5",
};
const SCRATCH: StepText = { title: "Scratch step to remove", instructions: "Nothing to do here." };

/** The controls a manager has on a draft (and on a live playbook); readers must see none of them. */
const EDIT_CONTROLS =
  /^(Publish version|Add step|Edit step|Move step|Remove step|Remove…|Discard draft|Start draft version|Retire playbook|Edit details|Yes, )/;

const manageSection = (page: Page) => page.getByRole("region", { name: "Manage playbook" });
const versionHeading = (page: Page, n: number) => page.getByRole("heading", { level: 2, name: `Version ${n}` });
const historyRow = (page: Page, n: number) =>
  page
    .getByRole("table", { name: "Versions" })
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: `Version ${n}`, exact: true }) });

async function addStep(page: Page, step: StepText) {
  const form = page.getByRole("form", { name: "Add a step" });
  if (!(await form.isVisible())) await page.getByRole("button", { name: "Add step", exact: true }).click();
  await expect(form.getByLabel("Phase")).toHaveValue("CONTAINMENT");
  if (step.role) await form.getByLabel("Responsible role").selectOption({ label: step.role });
  await form.getByLabel("Title", { exact: true }).fill(step.title);
  await form.getByLabel("Instructions (Markdown)").fill(step.instructions);
  if (step.evidence) await form.getByLabel("Evidence expected (optional)").fill(step.evidence);
  if (step.minutes) await form.getByLabel("Expected minutes").fill(step.minutes);
  await form.getByRole("button", { name: "Add step", exact: true }).click();
  await expect(form.getByTestId("form-message")).toHaveText(`Added "${step.title}".`);
  await expect(page.getByRole("listitem", { name: new RegExp(`^Step \\d+: ${escape(step.title)}$`) })).toBeVisible();
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Opens a step's edit form, sets its instructions (and minutes), saves. */
async function editStep(page: Page, title: string, change: { instructions: string; minutes?: string }) {
  await page.getByRole("button", { name: `Edit step: ${title}` }).click();
  const form = page.getByRole("form", { name: `Edit step ${title}` });
  await form.getByLabel("Instructions (Markdown)").fill(change.instructions);
  if (change.minutes) await form.getByLabel("Expected minutes").fill(change.minutes);
  await form.getByRole("button", { name: "Save step" }).click();
  await expect(form).toHaveCount(0);
}

async function openPublish(page: Page, n: number): Promise<Locator> {
  await page.getByRole("button", { name: `Publish version ${n}…` }).click();
  return page.getByRole("form", { name: `Publish version ${n}?` });
}

async function expectNoEditControls(page: Page) {
  await expect(manageSection(page)).toHaveCount(0);
  await expect(page.getByRole("button", { name: EDIT_CONTROLS })).toHaveCount(0);
  await expect(page.getByRole("form", { name: /Add a step|Edit step|Publish version|Retire playbook|Discard draft/ })).toHaveCount(0);
}

test.describe.configure({ timeout: 90_000 });

test.describe.serial("an IR manager", () => {
  const run = uniqueSuffix();
  const title = `Shell in the checkout pod ${run}`;
  let manager: TestUser;
  let playbookUrl: string;

  test.beforeAll(async ({ db }) => {
    manager = await insertUser(db, { role: "IR_MANAGER", name: `Mina Manager ${run}` });
  });

  test.beforeEach(async ({ page }) => {
    await signInWithRequest(page.request, manager.email, manager.password);
  });

  test("writes version 1: refused while a step uses an unknown placeholder, reorders from the keyboard, removes a step, publishes", async ({
    page,
    db,
  }) => {
    await page.goto("/playbooks");
    await page.getByRole("link", { name: "New playbook" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "New playbook" })).toBeVisible();
    const details = page.getByRole("form", { name: "New playbook" });
    await details.getByLabel("Title").fill(title);
    await details.getByLabel("Incident type").selectOption({ label: "Shell in a container" });
    await details.getByLabel("Description").fill("Someone opened an interactive shell in a production container.");
    await details.getByRole("checkbox", { name: "T1609 Container Administration Command" }).check();
    await details.getByRole("button", { name: "Create playbook" }).click();

    await expect(page).toHaveURL(/\/playbooks\/[^/?]+\?version=1$/);
    playbookUrl = new URL(page.url()).pathname;
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(versionHeading(page, 1)).toBeVisible();
    await expect(historyRow(page, 1)).toContainText("Draft");
    await expect(page.getByText("This version has no steps yet")).toBeVisible();

    for (const step of [SNAPSHOT, CORDON, QUARANTINE, SCRATCH]) await addStep(page, step);
    expect(await stepLabels(page)).toEqual([
      `Step 1: ${SNAPSHOT.title}`,
      `Step 2: ${CORDON.title}`,
      `Step 3: ${QUARANTINE.title}`,
      `Step 4: ${SCRATCH.title}`,
    ]);

    // {{nonsense}} is not in the vocabulary: publishing is refused, naming the step and the placeholder.
    let publish = await openPublish(page, 1);
    await publish.getByLabel("Change note").fill("First version, from the March tabletop.");
    await publish.getByRole("button", { name: "Publish", exact: true }).click();
    const refusal = publish.getByTestId("form-message");
    await expect(refusal).toContainText(`Unknown placeholders — "${CORDON.title}": {{nonsense}}.`);
    await expect(refusal).toContainText("Use only {{cluster}}, {{namespace}}, {{pod}}");
    await expect(refusal).not.toContainText(SNAPSHOT.title);
    expect((await playbookVersionsInDb(db, title)).map((v) => v.status)).toEqual(["DRAFT"]);
    await publish.getByRole("button", { name: "Cancel" }).click();

    await editStep(page, CORDON.title, { instructions: "kubectl cordon {{node}}" });
    await expect(page.getByRole("listitem", { name: `Step 2: ${CORDON.title}` })).toContainText("kubectl cordon {{node}}");

    // Reorder from the keyboard: focus the move button, press Enter; focus stays on the step's
    // buttons after the list re-renders, so Enter again keeps moving it.
    const up = page.getByRole("button", { name: `Move step up: ${QUARANTINE.title}` });
    await up.focus();
    await page.keyboard.press("Enter");
    await expect
      .poll(() => stepLabels(page))
      .toEqual([`Step 1: ${SNAPSHOT.title}`, `Step 2: ${QUARANTINE.title}`, `Step 3: ${CORDON.title}`, `Step 4: ${SCRATCH.title}`]);
    await expect(up).toBeFocused();
    await page.keyboard.press("Enter");
    await expect
      .poll(() => stepLabels(page))
      .toEqual([`Step 1: ${QUARANTINE.title}`, `Step 2: ${SNAPSHOT.title}`, `Step 3: ${CORDON.title}`, `Step 4: ${SCRATCH.title}`]);
    // At the top its Up is disabled, so focus moved to its Down.
    await expect(up).toBeDisabled();
    await expect(page.getByRole("button", { name: `Move step down: ${QUARANTINE.title}` })).toBeFocused();

    // Remove, confirmed.
    await page.getByRole("button", { name: `Remove step: ${SCRATCH.title}` }).click();
    const confirmRemove = page.getByRole("form", { name: `Confirm removing ${SCRATCH.title}` });
    await expect(confirmRemove).toContainText(`Remove “${SCRATCH.title}” from this draft?`);
    await confirmRemove.getByRole("button", { name: "Yes, remove step" }).click();
    await expect
      .poll(() => stepLabels(page))
      .toEqual([`Step 1: ${QUARANTINE.title}`, `Step 2: ${SNAPSHOT.title}`, `Step 3: ${CORDON.title}`]);

    publish = await openPublish(page, 1);
    await publish.getByLabel("Change note").fill("First version, from the March tabletop.");
    await publish.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(historyRow(page, 1)).toContainText("Published");
    await expect(historyRow(page, 1)).toContainText(`by ${manager.name}`);
    await expect(historyRow(page, 1)).toContainText("First version, from the March tabletop.");
    await expect(versionHeading(page, 1).locator("xpath=..")).toContainText("Published");

    // A published version is read-only: no step controls, no publish, no add; a new draft is offered.
    await expect(
      page.getByRole("button", { name: /^(Publish version|Add step|Edit step|Move step|Remove step|Discard draft)/ }),
    ).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Start draft version 2" })).toBeVisible();
    expect(await stepLabels(page)).toEqual([`Step 1: ${QUARANTINE.title}`, `Step 2: ${SNAPSHOT.title}`, `Step 3: ${CORDON.title}`]);
    expect(await playbookVersionsInDb(db, title)).toEqual([
      { number: 1, status: "PUBLISHED", changeNote: "First version, from the March tabletop.", steps: 3 },
    ]);
  });

  test("publishes version 2 with a changed step; the diff between 1 and 2 shows the change", async ({ page, db }) => {
    await page.goto(playbookUrl);
    await page.getByRole("button", { name: "Start draft version 2" }).click();
    await expect(page).toHaveURL(`${playbookUrl}?version=2`);
    await expect(versionHeading(page, 2)).toBeVisible();
    await expect(historyRow(page, 2)).toContainText("Draft");
    expect(await stepLabels(page)).toEqual([`Step 1: ${QUARANTINE.title}`, `Step 2: ${SNAPSHOT.title}`, `Step 3: ${CORDON.title}`]);

    const added = "kubectl logs {{pod}} -n {{namespace}} --all-containers > {{incident_key}}-logs.txt";
    await editStep(page, SNAPSHOT.title, { instructions: `${SNAPSHOT.instructions}\n${added}`, minutes: "15" });
    await expect(page.getByRole("listitem", { name: `Step 2: ${SNAPSHOT.title}` })).toContainText("--all-containers");

    const publish = await openPublish(page, 2);
    await publish.getByLabel("Change note").fill("Keep the container logs too.");
    await publish.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(historyRow(page, 2)).toContainText("Published");
    await expect(historyRow(page, 2)).toContainText("Keep the container logs too.");
    // Version 1 stays as it was published.
    await expect(historyRow(page, 1)).toContainText("First version, from the March tabletop.");

    await historyRow(page, 2).getByRole("link", { name: "Changes since 1" }).click();
    await expect(page).toHaveURL(new RegExp(`${escape(playbookUrl)}/diff\\?from=1&to=2$`));
    await expect(page.getByRole("heading", { level: 1, name: `Changes to ${title}` })).toBeVisible();
    const diff = page.getByTestId("playbook-diff");
    await expect(diff).toContainText("From version 1 to version 2: 0 added, 0 removed, 1 changed, 2 unchanged.");
    const changed = diff.getByRole("listitem", { name: `Changed: ${SNAPSHOT.title}` });
    await expect(changed.getByRole("row", { name: /Expected minutes/ })).toContainText(/was\s*10.*now\s*15/);
    const lines = changed.getByRole("list", { name: "Instructions, line by line" });
    // Each line reads "+ added: …" (the marker is hidden from screen readers, the word is for them).
    await expect(lines.locator('[data-kind="added"]')).toHaveCount(1);
    await expect(lines.locator('[data-kind="added"]')).toContainText(`added: ${added}`);
    await expect(lines.locator('[data-kind="unchanged"]')).toHaveCount(1);
    await expect(lines.locator('[data-kind="unchanged"]')).toContainText(SNAPSHOT.instructions);
    await expect(lines.locator('[data-kind="removed"]')).toHaveCount(0);
    for (const same of [QUARANTINE.title, CORDON.title])
      await expect(diff.getByRole("listitem", { name: `Unchanged: ${same}` })).toBeVisible();
    expect((await playbookVersionsInDb(db, title)).map((v) => `${v.number}:${v.status}`)).toEqual(["1:PUBLISHED", "2:PUBLISHED"]);
  });

  test("retires the playbook: gone from the library until retired ones are shown", async ({ page, db }) => {
    await page.goto(playbookUrl);
    await manageSection(page).getByRole("button", { name: "Retire playbook…" }).click();
    const confirm = page.getByRole("form", { name: "Retire playbook" });
    await expect(confirm).toContainText(`Retire "${title}"?`);
    await confirm.getByRole("button", { name: "Yes, retire it" }).click();
    await expect(page.getByText(/Retired\s*since/)).toBeVisible();
    await expect(manageSection(page)).toHaveCount(0);
    await expectNoEditControls(page);
    const { rows } = await db.query<{ retired: boolean }>(
      `SELECT "retiredAt" IS NOT NULL AS "retired" FROM "Playbook" WHERE "title" = $1`,
      [title],
    );
    expect(rows).toEqual([{ retired: true }]);

    await page.goto("/playbooks");
    await expect(page.getByRole("heading", { level: 1, name: "Playbooks" })).toBeVisible();
    await expect(page.getByRole("link", { name: title })).toHaveCount(0);
    const filters = page.getByRole("form", { name: "Filter playbooks" });
    await filters.getByLabel("Show retired playbooks").check();
    await filters.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/retired=1/);
    const row = page
      .getByRole("table", { name: "Playbooks" })
      .getByRole("row")
      .filter({ has: page.getByRole("link", { name: title }) });
    await expect(row).toContainText("Retired");
    await expect(row).toContainText("Version 2");
  });
});

for (const [role, who] of [
  ["RESPONDER", "a responder"],
  ["AUDITOR", "an auditor"],
] as const satisfies readonly (readonly [Role, string])[]) {
  test(`${who} reads the library and a playbook, its draft too, with no edit controls`, async ({ page, db, createUser, signInAs }) => {
    const playbook = await insertReadOnlyPlaybook(db);
    const reader = await createUser({ role });
    await signInAs(page, reader.email, reader.password);

    await page.goto("/playbooks");
    await expect(page.getByRole("heading", { level: 1, name: "Playbooks" })).toBeVisible();
    await expect(page.getByRole("link", { name: "New playbook" })).toHaveCount(0);
    const row = page
      .getByRole("table", { name: "Playbooks" })
      .getByRole("row")
      .filter({ has: page.getByRole("link", { name: playbook.title }) });
    await expect(row).toContainText("Version 1");
    await expect(row).toContainText("Version 2 in draft");

    await row.getByRole("link", { name: playbook.title }).click();
    await expect(page.getByRole("heading", { level: 1, name: playbook.title })).toBeVisible();
    await expect(versionHeading(page, 1)).toBeVisible();
    expect(await stepLabels(page)).toEqual(playbook.published.map((t, i) => `Step ${i + 1}: ${t}`));
    await expectNoEditControls(page);
    await expect(page.getByRole("main").getByRole("button")).toHaveCount(0);

    await page.getByRole("table", { name: "Versions" }).getByRole("link", { name: "Version 2", exact: true }).click();
    await expect(versionHeading(page, 2)).toBeVisible();
    expect(await stepLabels(page)).toEqual(playbook.draft.map((t, i) => `Step ${i + 1}: ${t}`));
    await expectNoEditControls(page);
    await expect(page.getByRole("main").getByRole("button")).toHaveCount(0);

    // The editor's page does not exist for them.
    const response = await page.goto("/playbooks/new");
    expect(response?.status()).toBe(404);
  });
}
