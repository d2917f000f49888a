// Detection sources, end to end: an IR manager creates a source and is shown its token once (with
// a copy button and a ready-to-paste falcosidekick config), never again; a falcosidekick event
// posted with that token is accepted and the list shows the source as seen; rotating the token
// stops the old one at once, and revoking stops the source for good, the row saying when and by
// whom. A responder reads the same list and is offered no controls and no token.
//
// The manager's journey is one serial story over a source of its own (unique name per run), so
// the spec passes again on the same database.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { APIResponse, Locator, Page } from "@playwright/test";
import type pg from "pg";
import { expect, insertUser, signInWithRequest, test, uniqueSuffix, type TestUser } from "./fixtures";

const INGEST = "/api/ingest/falco";
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** The list's columns as people read them (components/sources/source-cells.tsx). */
type Column = "Source" | "Default cluster" | "Opens incidents at" | "Token" | "Last seen" | "Alerts" | "Last 24 h" | "Status" | "Manage";

const sourcesTable = (page: Page) => page.getByRole("table", { name: "Detection sources" });
const sourceRow = (page: Page, name: string) => page.getByTestId(`source-${name}`).getByRole("row").first();

/** One cell of a source's row, found by its column header, so a reordered table still reads right. */
async function cell(page: Page, name: string, column: Column): Promise<Locator> {
  const headers = (await sourcesTable(page).getByRole("columnheader").allTextContents()).map((h) => h.trim());
  const index = headers.indexOf(column);
  expect(index, `column ${column} in ${headers.join(", ")}`).toBeGreaterThanOrEqual(0);
  return sourceRow(page, name).locator("th, td").nth(index);
}

/**
 * "Terminal shell in container" as falcosidekick forwards it from Falco's json_output: its own
 * uuid, the time re-encoded, output_fields as Falco filled them, tags sorted. `pod` makes the
 * content (and so the ingest dedup key) unique to this run; no cluster field, so the source's
 * default cluster applies.
 */
function falcosidekickShellEvent(pod: string, at: Date): Record<string, unknown> {
  const clock = at.toISOString().slice(11, 23);
  return {
    uuid: randomUUID(),
    output: `${clock}004711: Notice A shell was spawned in a container with an attached terminal (user=root user_loginuid=-1 k8s.ns=shop k8s.pod=${pod} container=3a9c0d41be77 shell=bash parent=runc cmdline=bash terminal=34816 container_id=3a9c0d41be77 image=registry.example.org/shop/checkout)`,
    priority: "Notice",
    rule: "Terminal shell in container",
    time: at.toISOString().replace("Z", "004711Z"),
    output_fields: {
      "container.id": "3a9c0d41be77",
      "container.image.repository": "registry.example.org/shop/checkout",
      "container.image.tag": "1.8.2",
      "container.name": "checkout",
      "evt.time": at.getTime() * 1_000_000 + 4711,
      "k8s.ns.name": "shop",
      "k8s.pod.name": pod,
      "proc.cmdline": "bash",
      "proc.name": "bash",
      "proc.pname": "runc",
      "proc.tty": 34816,
      "user.loginuid": -1,
      "user.name": "root",
    },
    source: "syscall",
    tags: ["T1059", "container", "maturity_stable", "mitre_execution", "shell"],
    hostname: "ip-10-0-3-17.eu-west-1.compute.internal",
  };
}

/** What falcosidekick's webhook output does: POST the event as JSON with the configured custom header. */
function postEvent(page: Page, token: string, event: Record<string, unknown>): Promise<APIResponse> {
  return page.request.post(INGEST, {
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", "User-Agent": "Falcosidekick" },
    data: JSON.stringify(event),
  });
}

const REFUSED = "Unknown or revoked ingest token: use the token shown when the detection source was created or last rotated.";

async function expectRefused(page: Page, token: string, event: Record<string, unknown>) {
  const response = await postEvent(page, token, event);
  expect(response.status(), "a refused token").toBe(401);
  expect(await response.json()).toEqual({ error: REFUSED });
}

async function sourceInDb(db: pg.Pool, name: string) {
  const { rows } = await db.query<{
    id: string;
    tokenHash: string;
    tokenPrefix: string;
    alertCount: number;
    lastSeenAt: Date | null;
    revokedAt: Date | null;
  }>(`SELECT "id", "tokenHash", "tokenPrefix", "alertCount", "lastSeenAt", "revokedAt" FROM "DetectionSource" WHERE "name" = $1`, [name]);
  expect(rows, `detection source ${name}`).toHaveLength(1);
  return rows[0]!;
}

/** Audit rows (before/after) that carry `secret` anywhere: the token must never be written down. */
async function auditRowsContaining(db: pg.Pool, secret: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS "n" FROM "AuditEvent" WHERE strpos(coalesce("before"::text, '') || coalesce("after"::text, ''), $1) > 0`,
    [secret],
  );
  return rows[0]!.n;
}

test.describe.serial("an IR manager", () => {
  const run = uniqueSuffix();
  const name = `falcosidekick-e2e-${run}`;
  const cluster = `e2e-${run}`;
  const pod = `checkout-6b8d9c7f4d-${run.slice(-5)}`;
  let manager: TestUser;
  let token: string;

  test.beforeAll(async ({ db }) => {
    manager = await insertUser(db, { role: "IR_MANAGER", name: `Morgan Manager ${run}` });
  });

  test.beforeEach(async ({ page }) => {
    await signInWithRequest(page.request, manager.email, manager.password);
  });

  test("creates a source and is shown its token once, with a copy button and a falcosidekick config", async ({ page, db }) => {
    await page.goto("/sources");
    await expect(page.getByRole("heading", { level: 1, name: "Detection sources" })).toBeVisible();
    const origin = new URL(page.url()).origin;
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin });

    const form = page.getByRole("form", { name: "Create detection source" });
    await form.getByLabel("Name", { exact: true }).fill(name);
    await form.getByLabel("Default cluster (optional)").fill(cluster);
    await expect(form.getByLabel("Opens an incident at")).toHaveValue("WARNING");
    await form.getByLabel("Sent by").selectOption({ label: "falcosidekick (webhook output)" });
    await form.getByRole("button", { name: "Create source" }).click();
    await expect(form.getByTestId("form-message")).toHaveText(`Created ${name}. Copy its token now: it is shown only once.`);

    const issued = page.getByRole("region", { name: `Token for ${name}` });
    await expect(issued.getByRole("heading", { name: `Token for ${name}: copy it now` })).toBeVisible();
    const field = issued.getByLabel("Ingest token");
    await expect(field).toHaveValue(/^bh_[\w-]{32}$/);
    token = await field.inputValue();

    await issued.getByRole("button", { name: "Copy token" }).click();
    await expect(issued.getByText("Copied", { exact: true })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText()), "the clipboard holds the token").toBe(token);

    // The example config is falcosidekick's webhook output pointed at this portal with the token.
    const config = issued.getByRole("heading", { name: "falcosidekick config.yaml" }).locator("xpath=../..").locator("pre");
    await expect(config).toHaveText(
      ["webhook:", `  address: "${origin}${INGEST}"`, "  customHeaders:", `    Authorization: "Bearer ${token}"`].join("\n"),
    );
    await expect(issued.getByRole("button", { name: "Copy falcosidekick config.yaml" })).toBeVisible();

    // The new source is listed with the token's prefix only.
    await expect(sourceRow(page, name)).toBeVisible();
    await expect(await cell(page, name, "Token")).toHaveText(`${token.slice(0, 8)}…`);
    await expect(await cell(page, name, "Default cluster")).toHaveText(cluster);
    await expect(await cell(page, name, "Last seen")).toHaveText("never");
    await expect(await cell(page, name, "Status")).toHaveText("active");

    // Dismissed, and after a reload: the token is nowhere on the page.
    await issued.getByRole("button", { name: "I have stored the token" }).click();
    await expect(issued).toHaveCount(0);
    await page.reload();
    await expect(sourceRow(page, name)).toBeVisible();
    await expect(page.getByLabel("Ingest token")).toHaveCount(0);
    expect(await page.content(), "the reloaded page does not hold the token").not.toContain(token);

    // Bulkhead keeps only its hash, and the audit trail never the token.
    const stored = await sourceInDb(db, name);
    expect(stored.tokenHash).toBe(sha256(token));
    expect(stored.tokenPrefix).toBe(token.slice(0, 8));
    expect(await auditRowsContaining(db, token)).toBe(0);
    expect(await page.content(), "nor does it show the hash").not.toContain(stored.tokenHash);
  });

  test("a falcosidekick event posted with the token is accepted and the list shows the source as seen", async ({ page, db }) => {
    const at = new Date();
    const event = falcosidekickShellEvent(pod, at);
    const response = await postEvent(page, token, event);
    expect(response.status(), await response.text()).toBe(202);
    // A Notice is below the source's Warning threshold: kept as an alert, no incident opened.
    expect(await response.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [], incidents: [] });

    const { id } = await sourceInDb(db, name);
    const { rows: alerts } = await db.query<{
      rule: string;
      priority: string;
      cluster: string;
      namespace: string;
      podName: string;
      containerId: string;
    }>(`SELECT "rule", "priority"::text, "cluster", "namespace", "podName", "containerId" FROM "Alert" WHERE "sourceId" = $1`, [id]);
    expect(alerts).toEqual([
      { rule: "Terminal shell in container", priority: "NOTICE", cluster, namespace: "shop", podName: pod, containerId: "3a9c0d41be77" },
    ]);

    // falcosidekick retrying the same event (a new uuid per hop) is a duplicate, not a second alert.
    const retry = await postEvent(page, token, { ...event, uuid: randomUUID() });
    expect(retry.status()).toBe(202);
    expect(await retry.json()).toEqual({ accepted: 0, duplicates: 1, rejected: [], incidents: [] });

    await page.goto("/sources");
    const lastSeen = (await cell(page, name, "Last seen")).locator("time");
    await expect(lastSeen).toBeVisible();
    const seenAt = new Date((await lastSeen.getAttribute("datetime"))!);
    expect(Math.abs(seenAt.getTime() - Date.now()), "last seen is the post just made").toBeLessThan(5 * 60_000);
    await expect(await cell(page, name, "Alerts")).toHaveText("1");
    await expect(await cell(page, name, "Last 24 h")).toHaveText("1");
  });

  test("rotates the token: the old one is refused at once, the new one accepted; then revokes the source", async ({ page, db }) => {
    const oldToken = token;
    await page.goto("/sources");
    const row = sourceRow(page, name);

    await row.getByRole("button", { name: `Rotate token ${name}` }).click();
    const confirmRotate = page.getByRole("form", { name: `Rotate token of ${name}` });
    await expect(confirmRotate).toContainText(`The current token (${oldToken.slice(0, 8)}…) stops working immediately`);
    await confirmRotate.getByRole("button", { name: "Yes, rotate token" }).click();

    const issued = page.getByRole("region", { name: `Token for ${name}` });
    await expect(issued.getByRole("heading", { name: `New token for ${name}: copy it now` })).toBeVisible();
    await expect(issued).toContainText("The previous token has stopped working");
    const newToken = await issued.getByLabel("Ingest token").inputValue();
    expect(newToken).toMatch(/^bh_/);
    expect(newToken).not.toBe(oldToken);
    await expect(confirmRotate).toHaveCount(0);
    await expect(await cell(page, name, "Token")).toHaveText(`${newToken.slice(0, 8)}…`);

    await expectRefused(page, oldToken, falcosidekickShellEvent(`${pod}-old`, new Date()));
    const accepted = await postEvent(page, newToken, falcosidekickShellEvent(`${pod}-new`, new Date()));
    expect(accepted.status(), await accepted.text()).toBe(202);
    expect(await accepted.json()).toMatchObject({ accepted: 1, duplicates: 0 });
    expect((await sourceInDb(db, name)).tokenHash).toBe(sha256(newToken));
    expect(await auditRowsContaining(db, newToken)).toBe(0);

    // Revoke, confirmed: refused from then on, and the row says when and by whom.
    await page.reload();
    await expect(page.getByLabel("Ingest token")).toHaveCount(0);
    await expect(await cell(page, name, "Alerts")).toHaveText("2");
    await row.getByRole("button", { name: `Revoke ${name}` }).click();
    const confirmRevoke = page.getByRole("form", { name: `Revoke ${name}` });
    await expect(confirmRevoke).toContainText("a revoked source cannot be brought back");
    await confirmRevoke.getByRole("button", { name: "Yes, revoke" }).click();

    const status = await cell(page, name, "Status");
    await expect(status).toContainText("revoked");
    await expect(status).toContainText(`by ${manager.name}`);
    const revokedAt = new Date((await status.locator("time").getAttribute("datetime"))!);
    expect((await sourceInDb(db, name)).revokedAt?.toISOString()).toBe(revokedAt.toISOString());
    await expect(await cell(page, name, "Manage")).toHaveText("Revoked for good; create a new source to replace it.");
    await expect(row.getByRole("button")).toHaveCount(0);

    await expectRefused(page, newToken, falcosidekickShellEvent(`${pod}-revoked`, new Date()));
    // The refusal stored nothing and counted nothing.
    expect((await sourceInDb(db, name)).alertCount).toBe(2);
  });
});

test("a responder reads the sources, with no controls and no token anywhere", async ({ page, db, createUser, signInAs }) => {
  // A source of its own with a known token, so the page can be searched for it.
  const source = { name: `falco-readonly-${uniqueSuffix()}`, token: `bh_${randomBytes(24).toString("base64url")}` };
  await db.query(
    `INSERT INTO "DetectionSource" ("id", "name", "kind", "tokenHash", "tokenPrefix", "defaultCluster", "alertCount", "lastSeenAt", "updatedAt")
     VALUES ($1, $2, 'FALCO', $3, $4, 'staging', 7, now(), now())`,
    [`e2e-${uniqueSuffix()}`, source.name, sha256(source.token), source.token.slice(0, 8)],
  );
  const responder = await createUser({ role: "RESPONDER" });
  await signInAs(page, responder.email, responder.password);

  await page.goto("/sources");
  await expect(page.getByRole("heading", { level: 1, name: "Detection sources" })).toBeVisible();
  await expect(sourceRow(page, source.name)).toBeVisible();
  await expect(await cell(page, source.name, "Token")).toHaveText(`${source.token.slice(0, 8)}…`);
  await expect(await cell(page, source.name, "Alerts")).toHaveText("7");
  await expect(await cell(page, source.name, "Default cluster")).toHaveText("staging");
  await expect(sourceRow(page, "falcosidekick-prod-eu")).toBeVisible();

  await expect(page.getByRole("form", { name: "Create detection source" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "New detection source" })).toHaveCount(0);
  await expect(sourcesTable(page).getByRole("columnheader", { name: "Manage" })).toHaveCount(0);
  await expect(page.getByRole("main").getByRole("button")).toHaveCount(0);
  await expect(page.getByLabel("Ingest token")).toHaveCount(0);
  const html = await page.content();
  expect(html, "no token").not.toContain(source.token);
  expect(html, "no token hash").not.toContain(sha256(source.token));
});
