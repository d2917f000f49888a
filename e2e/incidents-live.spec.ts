// The incident board live: an alert posted to the ingest endpoint opens an incident that appears on
// a responder's open incident list without a reload, a further alert shows up on the incident's
// own page the same way, and the responder moves the incident through every state to closed.
import { createHash, randomBytes } from "node:crypto";
import type pg from "pg";
import { expect, test, uniqueSuffix } from "./fixtures";

/** A detection source of the test's own, so its token is known here. */
async function insertSource(db: pg.Pool): Promise<string> {
  const token = `bh_e2e_${randomBytes(16).toString("hex")}`;
  await db.query(
    `INSERT INTO "DetectionSource" ("id", "name", "kind", "tokenHash", "tokenPrefix", "minIncidentPriority", "updatedAt")
     VALUES ($1, $2, 'FALCOSIDEKICK', $3, $4, 'WARNING', now())`,
    [`e2e-source-${uniqueSuffix()}`, `e2e-${uniqueSuffix()}`, createHash("sha256").update(token).digest("hex"), token.slice(0, 8)],
  );
  return token;
}

/** A falcosidekick-forwarded "Terminal shell in container" event in the given cluster. */
function shellEvent(cluster: string, seconds: number): Record<string, unknown> {
  const container = randomBytes(6).toString("hex");
  const time = new Date(Date.now() - 60_000 + seconds * 1000).toISOString();
  return {
    uuid: crypto.randomUUID(),
    output: `Warning A shell was spawned in a container with an attached terminal (user=root k8s.ns=payments k8s.pod=ledger-5f7c9d8b6-x2x9q container=${container})`,
    priority: "Warning",
    rule: "Terminal shell in container",
    time,
    source: "syscall",
    tags: ["container", "mitre_execution", "shell", "T1059"],
    hostname: "node-e2e",
    output_fields: {
      cluster,
      "container.id": container,
      "container.image.repository": "registry.example.com/payments/ledger",
      "k8s.ns.name": "payments",
      "k8s.pod.name": "ledger-5f7c9d8b6-x2x9q",
      "proc.name": "bash",
      "proc.cmdline": `bash -i ${seconds}`,
      "user.name": "root",
    },
  };
}

test("a posted alert appears on the open incident list without reload; the responder works it to closed", async ({
  page,
  db,
  createUser,
  signInAs,
}) => {
  const token = await insertSource(db);
  const cluster = `live-${uniqueSuffix()}`;
  const responder = await createUser({ role: "RESPONDER" });
  await signInAs(page, responder.email, responder.password);

  await page.goto(`/incidents?cluster=${cluster}&status=OPEN`);
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
  await expect(page.getByText(/No incidents/i)).toBeVisible();
  // A marker on the window: it survives only if the page is never reloaded.
  await page.evaluate(() => Object.assign(window, { bulkheadNoReload: true }));

  const post = (body: unknown) => page.request.post("/api/ingest/falco", { headers: { Authorization: `Bearer ${token}` }, data: body });
  const first = await post(shellEvent(cluster, 1));
  expect(first.status()).toBe(202);
  const { incidents } = (await first.json()) as { incidents: string[] };
  expect(incidents).toHaveLength(1);
  const key = incidents[0]!;

  const row = page.getByRole("table").getByRole("row").filter({ hasText: key });
  await expect(row).toBeVisible();
  await expect(row).toContainText(cluster);
  expect(await page.evaluate(() => (window as { bulkheadNoReload?: boolean }).bulkheadNoReload)).toBe(true);

  await row.getByRole("link", { name: key }).click();
  await expect(page.getByRole("heading", { name: "Alerts (1)" })).toBeVisible();
  await page.evaluate(() => Object.assign(window, { bulkheadNoReload: true }));
  expect((await post(shellEvent(cluster, 2))).status()).toBe(202);
  await expect(page.getByRole("heading", { name: "Alerts (2)" })).toBeVisible();
  expect(await page.evaluate(() => (window as { bulkheadNoReload?: boolean }).bulkheadNoReload)).toBe(true);

  const status = page.getByRole("form", { name: "Change status" });
  for (const next of ["triaged", "contained", "eradicated", "recovered"]) {
    await status.getByRole("button", { name: `Move to ${next}` }).click();
    await expect(status.getByTestId("form-message")).toHaveText(`${key} is now ${next}.`);
  }
  await status.getByRole("button", { name: "Close incident…" }).click();
  await status.getByRole("button", { name: "Yes, close it" }).click();
  await expect(status).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Timeline" })).toContainText("Recovered → Closed");
});
