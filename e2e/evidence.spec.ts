// Forensics as a responder and an auditor do it: a run step that expects evidence links to the
// register; the file is uploaded with progress (and a cancelled upload keeps nothing), downloaded
// as an attachment with the same sha256, and its chain of custody shows who collected and who
// opened it; the alert record is sealed; an auditor re-hashes the item but cannot add anything.
import { createHash, randomBytes } from "node:crypto";
import { insertSource, suggestPlaybook } from "./alert-helpers";
import { expect, test, uniqueSuffix } from "./fixtures";

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

// Uploads, a throttled upload and two users: room on a loaded machine.
test.describe.configure({ timeout: 120_000 });

test("a responder attaches evidence from a run step, downloads it intact, seals the alert record; an auditor verifies it", async ({
  page,
  browser,
  db,
  createUser,
  signInAs,
}) => {
  const token = await insertSource(db, "evidence");
  const container = randomBytes(6).toString("hex");
  const response = await page.request.post("/api/ingest/falco", {
    headers: { Authorization: `Bearer ${token}` },
    data: {
      uuid: crypto.randomUUID(),
      output: `Warning A shell was spawned in a container with an attached terminal (user=root container_id=${container})`,
      priority: "Warning",
      rule: "Terminal shell in container",
      time: new Date(Date.now() - 30_000).toISOString(),
      source: "syscall",
      tags: ["container", "mitre_execution", "shell", "T1059"],
      hostname: "ip-10-0-1-12",
      output_fields: {
        cluster: `evidence-${uniqueSuffix()}`,
        "container.id": container,
        "container.name": "api",
        "container.image.repository": "ghcr.io/acme/payments-api",
        "container.image.tag": "1.4.2",
        "k8s.ns.name": "payments",
        "k8s.pod.name": "payments-api-7d9f8b6c5d-x2x9q",
        "k8s.node.name": "ip-10-0-1-12",
        "proc.name": "bash",
      },
    },
  });
  expect(response.status()).toBe(202);
  const key = ((await response.json()) as { incidents: string[] }).incidents[0]!;
  await suggestPlaybook(db, key, "evidence", {
    title: "Preserve the pod",
    instructions: "Save the pod manifest.",
    evidenceExpected: "The pod manifest of {{pod}}",
  });

  const responder = await createUser({ role: "RESPONDER" });
  await signInAs(page, responder.email, responder.password);
  await page.goto(`/incidents/${key}`);
  await page.getByRole("form", { name: "Start a run" }).getByRole("button", { name: "Start a run" }).click();
  await expect(page).toHaveURL(/\/runs\/[^/]+$/);
  const runPath = new URL(page.url()).pathname;
  const step = page.getByRole("article", { name: /Preserve the pod/ });
  const expected = step.getByRole("region", { name: /Evidence expected/ });
  await expect(expected).toContainText("The pod manifest of payments-api-7d9f8b6c5d-x2x9q");
  await expect(expected.getByTestId("step-evidence-count")).toHaveText("None attached yet.");
  // With nothing attached, completing asks why.
  await expect(step.getByRole("button", { name: "Complete", exact: true })).toHaveCount(0);
  await expect(step.getByRole("button", { name: "Complete without evidence…" })).toBeVisible();

  await expected.getByRole("link", { name: "Attach evidence" }).click();
  await expect(page).toHaveURL(new RegExp(`/incidents/${key}/evidence\\?step=`));
  const form = page.getByRole("form", { name: "Upload evidence" });
  await expect(form.getByLabel("Description")).toHaveValue(/Evidence for step 1, “Preserve the pod”/);
  await expect(form).toContainText("Attached to the run step it was opened from");

  // The collection commands for this container are on the same page (open while the register is empty).
  await expect(page.getByTestId("collection-command").filter({ hasText: "Pod manifest of" }).locator("pre").first()).toHaveText(
    `kubectl get pod payments-api-7d9f8b6c5d-x2x9q --namespace payments --output yaml > ${key}-pod.yaml`,
  );

  // A throttled upload shows its progress and can be cancelled; nothing is kept.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 512 * 1024 });
  await form.getByLabel("Kind").selectOption("MANIFEST");
  await form
    .getByLabel("File")
    .setInputFiles({ name: "big.bin", mimeType: "application/octet-stream", buffer: randomBytes(8 * 1024 * 1024) });
  await form.getByRole("button", { name: "Upload" }).click();
  await expect(form.getByRole("progressbar", { name: "Upload progress" })).toBeVisible();
  await expect(form.getByText(/^\d+% — /)).toBeVisible();
  await form.getByRole("button", { name: "Cancel upload" }).click();
  await expect(form.getByText("Upload cancelled; nothing was kept.")).toBeVisible();
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await expect(page.getByTestId("evidence-item")).toHaveCount(0);

  // The real upload.
  const manifest = Buffer.from(
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: payments-api-7d9f8b6c5d-x2x9q\n  uid: ${randomBytes(8).toString("hex")}\n`,
  );
  const hash = sha256(manifest);
  await form.getByLabel("File").setInputFiles({ name: "pod.yaml", mimeType: "application/yaml", buffer: manifest });
  await form.getByRole("button", { name: "Upload" }).click();
  await expect(form.getByText(`Uploaded as E1, sha256 ${hash}.`)).toBeVisible();
  const item = page.getByTestId("evidence-item").filter({ hasText: "E1 · " });
  await expect(item).toContainText(hash);
  await expect(item).toContainText(`held by ${responder.name}`);

  // Downloaded as an attachment, byte for byte, and the download is on the chain of custody.
  const [download] = await Promise.all([page.waitForEvent("download"), item.getByRole("link", { name: "Download" }).click()]);
  // Named for the register (incident, item) with the uploaded name after it.
  expect(download.suggestedFilename()).toBe(`${key}-E1-pod.yaml`);
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  expect(sha256(Buffer.concat(chunks))).toBe(hash);
  await page.reload();
  await item.getByText(/Chain of custody/).click();
  const custody = item.getByRole("list", { name: "Chain of custody of E1" });
  await expect(custody.getByRole("listitem")).toHaveCount(2);
  await expect(custody.getByRole("listitem").nth(0)).toContainText(`Collected`);
  await expect(custody.getByRole("listitem").nth(1)).toContainText(`Accessed`);
  await expect(custody.getByRole("listitem").nth(1)).toContainText(responder.name);

  // The alert record: the container's alerts, kept as evidence of their own.
  await page.getByRole("form", { name: "Seal the alert record" }).getByRole("button").click();
  await expect(page.getByText(/The alert record is sealed as E2, sha256 [0-9a-f]{64}\./)).toBeVisible();
  await expect(page.getByTestId("evidence-item").filter({ hasText: "E2 · Alert record" })).toBeVisible();

  // Back on the run, the step counts its evidence and completes without a reason.
  await page.goto(runPath);
  await expect(expected.getByTestId("step-evidence-count")).toHaveText("1 item attached.");
  await step.getByRole("button", { name: "Complete", exact: true }).click();
  await expect(step).toHaveAttribute("data-step-status", "DONE");

  // An auditor reads the custody and re-hashes, but registers nothing.
  const auditor = await createUser({ role: "AUDITOR" });
  const context = await browser.newContext();
  const auditorPage = await context.newPage();
  await signInAs(auditorPage, auditor.email, auditor.password);
  await auditorPage.goto(`/incidents/${key}/evidence`);
  await expect(auditorPage.getByRole("form", { name: "Upload evidence" })).toHaveCount(0);
  await expect(auditorPage.getByRole("form", { name: "Seal the alert record" })).toHaveCount(0);
  await expect(auditorPage.getByText("Record a hand-over, release or disposal")).toHaveCount(0);
  const audited = auditorPage.getByTestId("evidence-item").filter({ hasText: "E1 · " });
  const verify = audited.getByRole("form", { name: "Verify E1" });
  await verify.getByRole("button").click();
  await expect(verify.getByText("E1: the stored bytes still hash to the registered sha256.")).toBeVisible();
  await audited.getByText(/Chain of custody/).click();
  const chain = audited.getByRole("list", { name: "Chain of custody of E1" });
  await expect(chain.getByRole("listitem").last()).toContainText("Verified");
  await expect(chain.getByRole("listitem").last()).toContainText(auditor.name);
  await context.close();
});
