// The incident board as responders use it: find an incident on the list with the filters, open
// it, move it OPEN → TRIAGED and see the change on its timeline. Auditors read the same incident
// and are offered no controls.
import type pg from "pg";
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

test("a responder filters the list, opens an incident and triages it; the timeline shows the change", async ({ page, db, createUser, signInAs }) => {
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
  await expect(page.getByRole("list", { name: "Timeline" })).toContainText("Open → Triaged: Confirmed with the checkout team: nobody exec'd in.");
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
