// Playbook runs stepped through live by two responders on two app instances (same database):
// what one does, the other sees without reloading; a conflicting edit is refused with who changed
// what; a manager publishing a new playbook version does not move a run off the version it pinned.
import type { Browser, BrowserContext, Page } from "@playwright/test";
import type pg from "pg";
import { expect, test, uniqueSuffix, type TestUser } from "./fixtures";

const SECOND_URL = process.env.BULKHEAD_E2E_SECOND_URL;

type Story = { incidentKey: string; playbookId: string };

/** An open incident whose suggested playbook is one of this spec's own (published, three steps). */
async function insertStory(db: pg.Pool): Promise<Story> {
  const suffix = uniqueSuffix();
  const playbookId = `e2e-live-playbook-${suffix}`;
  const versionId = `e2e-live-version-${suffix}`;
  await db.query(
    `INSERT INTO "Playbook" ("id", "title", "incidentType", "attackTechniques", "updatedAt") VALUES ($1, $2, 'SHELL_IN_CONTAINER', ARRAY['T1059'], now())`,
    [playbookId, `Live shell ${suffix}`],
  );
  await db.query(
    `INSERT INTO "PlaybookVersion" ("id", "playbookId", "number", "status", "publishedAt", "updatedAt") VALUES ($1, $2, 1, 'PUBLISHED', now(), now())`,
    [versionId, playbookId],
  );
  const steps = [
    ["DETECTION_ANALYSIS", "Preserve the pod", "Save `kubectl -n {{namespace}} get pod {{pod}} -o yaml`."],
    ["CONTAINMENT", "Isolate the pod", "Apply a deny-all NetworkPolicy in {{namespace}}."],
    ["ERADICATION", "Rebuild from a trusted image", "Redeploy {{workload}} from the image by digest."],
  ];
  for (const [i, [phase, title, instructions]] of steps.entries()) {
    await db.query(
      `INSERT INTO "PlaybookStep" ("id", "versionId", "position", "phase", "title", "instructions", "expectedMinutes", "updatedAt")
       VALUES ($1, $2, $3, $4::"PlaybookPhase", $5, $6, 10, now())`,
      [`${versionId}-step-${i}`, versionId, i + 1, phase, title, instructions],
    );
  }
  const { rows } = await db.query<{ number: number }>(
    `INSERT INTO "Incident" ("id", "title", "type", "severity", "status", "cluster", "namespace", "workload", "suggestedPlaybookId", "updatedAt")
     VALUES ($1, 'Terminal shell in container — ledger in prod-eu/payments', 'SHELL_IN_CONTAINER', 'SEV2', 'OPEN', 'prod-eu', 'payments', 'ledger', $2, now())
     RETURNING "number"`,
    [`e2e-live-incident-${suffix}`, playbookId],
  );
  return { incidentKey: `INC-${String(rows[0]!.number).padStart(4, "0")}`, playbookId };
}

/** A browser context on the second instance, signed in there. */
async function onSecondInstance(
  browser: Browser,
  user: TestUser,
  signInAs: (page: Page, email: string, password: string) => Promise<void>,
) {
  expect(SECOND_URL, "npm test starts a second instance and passes BULKHEAD_E2E_SECOND_URL").toBeTruthy();
  const context: BrowserContext = await browser.newContext({ baseURL: SECOND_URL });
  const page = await context.newPage();
  await signInAs(page, user.email, user.password);
  return { context, page };
}

/** Starts a run from the incident page (the suggested playbook is preselected) and returns its URL path. */
async function startRun(page: Page, incidentKey: string): Promise<string> {
  await page.goto(`/incidents/${incidentKey}`);
  await page.getByRole("form", { name: "Start a run" }).getByRole("button", { name: "Start a run" }).click();
  await expect(page).toHaveURL(/\/runs\/[^/]+$/);
  return new URL(page.url()).pathname;
}

// Two browser contexts on two instances do a lot per test; give them room on a loaded machine.
test.describe.configure({ timeout: 90_000 });

const step = (page: Page, title: string) => page.getByRole("article", { name: new RegExp(title) });
const markNoReload = (page: Page) => page.evaluate(() => Object.assign(window, { bulkheadNoReload: true }));
const stillSamePage = (page: Page) => page.evaluate(() => (window as { bulkheadNoReload?: boolean }).bulkheadNoReload === true);

test("a step completed on instance 1 appears on instance 2 without reload, with who is viewing", async ({
  page,
  browser,
  db,
  createUser,
  signInAs,
}) => {
  const story = await insertStory(db);
  const alice = await createUser({ role: "RESPONDER", name: "Alice Live" });
  const bob = await createUser({ role: "RESPONDER", name: "Bob Live" });
  await signInAs(page, alice.email, alice.password);
  const runPath = await startRun(page, story.incidentKey);
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();

  const second = await onSecondInstance(browser, bob, signInAs);
  try {
    const pageB = second.page;
    await pageB.goto(runPath);
    await expect(pageB.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
    await expect(pageB.getByTestId("run-viewers")).toHaveText("Also viewing: Alice Live");
    await expect(page.getByTestId("run-viewers")).toHaveText("Also viewing: Bob Live");
    await markNoReload(pageB);

    const preserveA = step(page, "Preserve the pod");
    await preserveA.getByRole("button", { name: "Start" }).click();
    await expect(step(pageB, "Preserve the pod")).toHaveAttribute("data-step-status", "IN_PROGRESS");
    await expect(step(pageB, "Preserve the pod").getByTestId("step-assignee")).toHaveText("Alice Live");
    await preserveA.getByRole("button", { name: "Complete" }).click();
    await expect(step(pageB, "Preserve the pod")).toHaveAttribute("data-step-status", "DONE");
    await expect(pageB.getByTestId("run-counts")).toContainText("1");
    expect(await stillSamePage(pageB), "instance 2's page was never reloaded").toBe(true);

    // And the other way round: Bob skips a step on instance 2, Alice sees it on instance 1.
    await markNoReload(page);
    const rebuildB = step(pageB, "Rebuild from a trusted image");
    await rebuildB.getByRole("button", { name: "Skip…" }).click();
    await rebuildB.getByLabel("Why skip this step? (required)").fill("The workload is being decommissioned.");
    await rebuildB.getByRole("button", { name: "Skip step" }).click();
    await expect(step(page, "Rebuild from a trusted image")).toHaveAttribute("data-step-status", "SKIPPED");
    await expect(step(page, "Rebuild from a trusted image").getByTestId("step-reason")).toHaveText(
      "Skipped: The workload is being decommissioned.",
    );
    expect(await stillSamePage(page)).toBe(true);

    // Bob leaves: Alice's presence line follows.
    await second.context.close();
    // The server notices the closed stream when the connection drops, at the latest on its next
    // heartbeat (15 s).
    await expect(page.getByTestId("run-viewers")).toHaveText("Nobody else is viewing this run.", { timeout: 20_000 });
  } finally {
    await second.context.close();
  }
});

test("a conflicting edit is refused with who changed the step, and nothing is overwritten", async ({
  page,
  browser,
  db,
  createUser,
  signInAs,
}) => {
  const story = await insertStory(db);
  const alice = await createUser({ role: "RESPONDER", name: "Alice Conflict" });
  const bob = await createUser({ role: "RESPONDER", name: "Bob Conflict" });
  await signInAs(page, alice.email, alice.password);
  const runPath = await startRun(page, story.incidentKey);
  const second = await onSecondInstance(browser, bob, signInAs);
  try {
    const pageB = second.page;
    await pageB.goto(runPath);
    await expect(pageB.getByRole("status").filter({ hasText: "Live" })).toBeVisible();

    // Both open the notes of the same step.
    const isolateA = step(page, "Isolate the pod");
    const isolateB = step(pageB, "Isolate the pod");
    await isolateA.getByRole("button", { name: "Edit notes" }).click();
    await isolateB.getByRole("button", { name: "Edit notes" }).click();
    await isolateB.getByRole("textbox", { name: /^Notes/ }).fill("Bob: NetworkPolicy deny-all applied at 10:02.");
    await isolateA.getByRole("textbox", { name: /^Notes/ }).fill("Alice: node cordoned, pod kept for forensics.");
    await isolateA.getByRole("button", { name: "Save notes" }).click();
    await expect(isolateA.getByTestId("step-notes")).toHaveText("Alice: node cordoned, pod kept for forensics.");

    // Bob's open form learns live that the step moved on; saving anyway is refused by the server.
    await expect(isolateB.getByRole("alert")).toContainText("Changed by Alice Conflict while you were editing");
    await isolateB.getByRole("button", { name: "Save notes" }).click();
    await expect(isolateB.getByTestId("form-message")).toContainText("was changed by Alice Conflict");
    await expect(isolateB.getByTestId("form-message")).toContainText("your change was not applied");
    // When, in the viewer's own time zone, with UTC on hover.
    await expect(isolateB.getByTestId("form-message").locator("time")).toHaveAttribute(
      "title",
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/,
    );
    await expect(isolateB.getByRole("textbox", { name: /^Notes/ })).toHaveValue("Bob: NetworkPolicy deny-all applied at 10:02.");
    const { rows } = await db.query<{ notes: string }>(
      `SELECT s."notes" FROM "RunStep" s JOIN "PlaybookRun" r ON r."id" = s."runId" WHERE r."id" = $1 AND s."title" = 'Isolate the pod'`,
      [runPath.split("/").pop()],
    );
    expect(rows[0]!.notes).toBe("Alice: node cordoned, pod kept for forensics.");
  } finally {
    await second.context.close();
  }
});

test("a manager publishes a new version while a run continues on the version it pinned", async ({
  page,
  browser,
  db,
  createUser,
  signInAs,
}) => {
  const story = await insertStory(db);
  const responder = await createUser({ role: "RESPONDER" });
  const manager = await createUser({ role: "IR_MANAGER" });
  await signInAs(page, responder.email, responder.password);
  const runPath = await startRun(page, story.incidentKey);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("v1");

  const second = await onSecondInstance(browser, manager, signInAs);
  try {
    const pageM = second.page;
    await pageM.goto(`/playbooks/${story.playbookId}`);
    await pageM.getByRole("button", { name: "Start draft version 2" }).click();
    await expect(pageM).toHaveURL(/version=2/);
    await pageM.getByRole("button", { name: "Edit step: Isolate the pod" }).click();
    const form = pageM.getByRole("form", { name: "Edit step Isolate the pod" });
    await form.getByLabel("Title").fill("Isolate the pod with a deny-all NetworkPolicy");
    await form.getByRole("button", { name: "Save step" }).click();
    await expect(pageM.getByRole("heading", { name: /Isolate the pod with a deny-all NetworkPolicy/ })).toBeVisible();
    await pageM.getByRole("button", { name: "Publish version 2…" }).click();
    await pageM.getByLabel("Change note").fill("Name the isolation method in the step title.");
    await pageM.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(pageM.getByRole("status").filter({ hasText: "Published version 2." })).toBeVisible();
    await expect(pageM.getByRole("button", { name: "Start draft version 3" })).toBeVisible();
  } finally {
    await second.context.close();
  }

  // The run keeps version 1's steps and still accepts work.
  await page.goto(runPath);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("v1");
  await expect(step(page, "Isolate the pod")).toBeVisible();
  await expect(page.getByRole("article", { name: /deny-all NetworkPolicy/ })).toHaveCount(0);
  await step(page, "Isolate the pod").getByRole("button", { name: "Complete" }).click();
  await expect(step(page, "Isolate the pod")).toHaveAttribute("data-step-status", "DONE");
});
