// The incident board as responders use it: find an incident on the list with the filters, open
// it, move it OPEN → TRIAGED and see the change on its timeline. Auditors read the same incident
// and are offered no controls. A large incident's page stays usable: its alerts in pages, the
// timeline summarising them, the raw event one click away.
import type pg from "pg";
import { insertAlerts, refreshIncidentCounters, rewriteAlertOutput, sqlOf } from "../scripts/lib/scale-data";
import { expect, test, uniqueSuffix } from "./fixtures";

/** A fresh OPEN incident in a cluster of its own, so the filters find exactly it. */
async function insertIncident(db: pg.Pool): Promise<{ key: string; cluster: string; title: string }> {
  const suffix = uniqueSuffix();
  const cluster = `e2e-${suffix}`;
  const title = `Terminal shell in container — checkout-api in ${cluster}/checkout`;
  const { rows } = await db.query<{ number: number }>(
    `INSERT INTO "Incident" ("id", "title", "type", "severity", "status", "cluster", "namespace", "workload", "alertCount", "lastAlertAt", "updatedAt")
     VALUES ($1, $2, 'SHELL_IN_CONTAINER', 'SEV2', 'OPEN', $3, 'checkout', 'checkout-api', 0, now(), now()) RETURNING "number"`,
    [`e2e-incident-${suffix}`, title, cluster],
  );
  return { key: `INC-${String(rows[0]!.number).padStart(4, "0")}`, cluster, title };
}

test("a responder filters the list, opens an incident and triages it; the timeline shows the change", async ({
  page,
  db,
  createUser,
  signInAs,
}) => {
  const incident = await insertIncident(db);
  const responder = await createUser({ role: "RESPONDER" });
  await signInAs(page, responder.email, responder.password);

  await page.goto("/incidents");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Incidents");
  const filters = page.getByRole("form", { name: "Filter incidents" });
  await filters.getByLabel("Cluster").fill(incident.cluster);
  await filters.getByLabel("Open", { exact: true }).check();
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`cluster=${incident.cluster}`));
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(2); // the header and the one incident
  await expect(rows.nth(1)).toContainText(incident.title);

  await rows.nth(1).getByRole("link", { name: incident.key }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${incident.key} · ${incident.title}`);
  const status = page.getByRole("form", { name: "Change status" });
  await expect(status.getByLabel("Move to")).toHaveValue("TRIAGED");
  await status.getByLabel("Note (optional)").fill("Confirmed with the checkout team: nobody exec'd in.");
  await status.getByRole("button", { name: "Move to triaged" }).click();
  await expect(status.getByTestId("form-message")).toHaveText(`${incident.key} is now triaged.`);
  await expect(page.getByRole("list", { name: "Timeline" })).toContainText(
    "Open → Triaged: Confirmed with the checkout team: nobody exec'd in.",
  );
  await expect(page.getByRole("list", { name: "Timeline" })).toContainText(responder.name);
  // The next step is offered now, and the page shows the new status.
  await expect(status.getByLabel("Move to")).toHaveValue("CONTAINED");

  await page.goto(`/incidents?cluster=${incident.cluster}&status=TRIAGED`);
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(2);
});

test("an auditor reads an incident and is offered no controls", async ({ page, db, createUser, signInAs }) => {
  const incident = await insertIncident(db);
  const auditor = await createUser({ role: "AUDITOR" });
  await signInAs(page, auditor.email, auditor.password);
  await page.goto(`/incidents/${incident.key}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${incident.key} · ${incident.title}`);
  await expect(page.getByRole("heading", { name: "Timeline" })).toBeVisible();
  await expect(page.getByRole("form", { name: "Change status" })).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Assign commander" })).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Add note" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Move to|Close incident|Assign|Add note/ })).toHaveCount(0);
});

test("a large incident's page pages its alerts, summarises them on the timeline and opens a raw event in one click", async ({
  page,
  db,
  createUser,
  signInAs,
}) => {
  const incident = await insertIncident(db);
  const suffix = uniqueSuffix();
  const {
    rows: [source],
  } = await db.query<{ id: string }>(
    `INSERT INTO "DetectionSource" ("id", "name", "kind", "tokenHash", "tokenPrefix", "updatedAt")
     VALUES ($1, $1, 'FALCOSIDEKICK', $1, 'bh_e2e', now()) RETURNING "id"`,
    [`e2e-page-source-${suffix}`],
  );
  const number = Number(incident.key.slice(4));
  await insertAlerts(sqlOf(db), {
    prefix: `e2e-page-${suffix}-`,
    sourceId: source!.id,
    from: 1,
    to: 120,
    incidentOf: String(number),
    start: new Date(Date.now() - 3_600_000),
    stepMs: 1000,
    timeline: "per-alert",
  });
  await refreshIncidentCounters(sqlOf(db), number);
  // Alert text is hostile: markup in it is shown as text, never rendered.
  const newest = `e2e-page-${suffix}-120`;
  await rewriteAlertOutput(sqlOf(db), newest, `<img src=x onerror="document.title='pwned'"> shell in ${"x".repeat(3000)}`);
  const responder = await createUser({ role: "RESPONDER" });
  await signInAs(page, responder.email, responder.password);

  await page.goto(`/incidents/${incident.key}`);
  await expect(page.getByRole("heading", { name: "Alerts (120)" })).toBeVisible();
  await expect(page.getByTestId("alert-summary")).toHaveCount(1);
  await expect(page.getByTestId("alert-summary")).toContainText("120 alerts");
  await expect(page.getByTestId("alert-summary")).toContainText("Terminal shell in container");

  const rows = page.getByRole("table", { name: "Alerts" }).getByRole("row");
  await expect(rows).toHaveCount(26); // the header and 25 alerts
  const firstPage = await rows.nth(1).textContent();
  const alerts = page.getByRole("navigation", { name: "Pages of alerts" });
  await expect(alerts.getByRole("link", { name: "Newer alerts" })).toHaveCount(0);
  // 120 = 4 × 25 + 20
  for (let i = 0; i < 4; i++) {
    // Wait for this page's own cursor in the address, so the next click is on the new page.
    const link = alerts.getByRole("link", { name: "Older alerts" });
    const search = new URL((await link.getAttribute("href"))!, page.url()).search;
    await link.click();
    await page.waitForURL((url) => url.search === search);
    await expect(rows).toHaveCount(i < 3 ? 26 : 21);
  }
  await expect(alerts.getByRole("link", { name: "Older alerts" })).toHaveCount(0);
  await alerts.getByRole("link", { name: "Newer alerts" }).click();
  await expect(page).toHaveURL(/newer=/);
  await expect(rows).toHaveCount(26);
  await alerts.getByRole("link", { name: "Newest alerts" }).click();
  await expect(page).not.toHaveURL(/older=|newer=/);
  await expect(rows.nth(1)).toHaveText(firstPage ?? "");

  await rows.nth(1).getByRole("link", { name: "Raw event" }).click();
  await expect(page).toHaveURL(new RegExp(`/incidents/${incident.key}/alerts/${newest}$`));
  const raw = page.getByTestId("raw-event");
  await expect(raw).toContainText('"rule": "');
  await expect(raw).toContainText(`<img src=x onerror=\\"document.title='pwned'\\">`);
  await expect(page.locator("img[src=x]")).toHaveCount(0);
  expect(await page.title()).not.toBe("pwned");
  await page.getByRole("link", { name: `← ${incident.key}` }).click();
  await expect(page.getByRole("heading", { name: "Alerts (120)" })).toBeVisible();
});
