// The incident response plan, end to end (issue: "a manager adds a cluster by pasting a
// `kubectl get ns -o json` document, assigns primary/secondary owners, sees the readiness score
// change, publishes a revision, prints the plan; a responder and an auditor can read but are
// offered no edit and are refused if they post anyway").
//
// The manager's journey is one serial story over a cluster of its own (unique per run): each step
// builds on the one before. Names carry a unique suffix and the seeded gap and the draft are put
// back where the journey expects them, so the spec passes again on the same database.
import { expect, insertUser, test, uniqueSuffix, type TestUser } from "./fixtures";
import {
  SOFIA,
  checkOf,
  contactId,
  exactScore,
  kubectlNamespaceList,
  kubectlPodList,
  latestRevisionNumber,
  namespaceOwnership,
  namespacesOf,
  podList,
  readinessOf,
  removeDrafts,
  restoreSeededOwnershipGap,
} from "./plan-helpers";
import { ownershipRow, owners, scoreRegion, gapsRegion, checkRow, signIn } from "./plan-locators";

/** Demo contacts as the owner pickers list them (`name — team`). */
const PRIYA = "Priya Raman — Platform SRE";
const TOMAS = "Tomás Oliveira — Platform SRE";
const HELEN = "Helen Okafor — Security Operations";
const SOFIA_OPTION = "Sofia Lindqvist — Data Platform";

// Each test walks several pages of a plan that, by the time this spec runs, also holds the
// authorization matrix's hundred-odd clusters: more than the default 30 s is no sign of a fault.
test.describe.configure({ timeout: 60_000 });

test.describe.serial("an IR manager", () => {
  const run = uniqueSuffix();
  const cluster = `e2e-${run}`;
  const NAMESPACES = ["payments-api", "ledger", "batch-reports"] as const;
  let manager: TestUser;
  let revision: number;

  test.beforeAll(async ({ db }) => {
    manager = await insertUser(db, { role: "IR_MANAGER", name: `Erin Manager ${run}` });
  });

  test.beforeEach(async ({ page }) => {
    await signIn(page, manager);
  });

  test("adds a cluster with its owners and imports its namespaces from kubectl get namespaces -o json", async ({ page, db }) => {
    await page.goto("/plan/platform");
    await expect(page.getByRole("heading", { level: 1, name: "Clusters & owners" })).toBeVisible();

    const form = page.getByRole("form", { name: "Add a cluster" });
    await form.getByLabel("Cluster name").fill(cluster);
    await form.getByLabel("Provider").selectOption({ label: "Google GKE" });
    await form.getByLabel("Environment").selectOption({ label: "Production" });
    await form.getByLabel("Criticality").selectOption({ label: "High" });
    await form.getByLabel("Primary owner").selectOption({ label: PRIYA });
    await form.getByLabel("Secondary owners").selectOption([{ label: TOMAS }]);
    await form.getByLabel("Security contacts").selectOption([{ label: HELEN }]);
    await form.getByLabel("Description").fill("GKE in europe-west4 for the e2e journey.");
    await form.getByRole("button", { name: "Add cluster" }).click();
    await expect(form.getByTestId("form-message")).toHaveText(
      `Added cluster ${cluster}. Its namespaces inherit its owners until you set their own.`,
    );

    const clusterRow = ownershipRow(page, cluster);
    await expect(clusterRow.getByTestId("primary")).toHaveText("Priya Raman");
    await expect(clusterRow.getByTestId("secondary")).toHaveText("Tomás Oliveira");
    await expect(clusterRow.getByTestId("security")).toHaveText("Helen Okafor");

    await page.getByRole("link", { name: "Import namespaces from kubectl" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Import namespaces from the cluster" })).toBeVisible();
    await page.getByLabel("Cluster", { exact: true }).selectOption({ label: cluster });
    const pasted = page.getByLabel("kubectl get namespaces -o json output");
    const previewButton = page.getByRole("button", { name: "Preview changes" });
    const applyButton = page.getByRole("button", { name: "Apply import" });

    // Something else than namespaces: refused with what it is, no preview, nothing to apply.
    for (const [foreign, message] of [
      [podList(), "This is a PodList, expected the output of kubectl get namespaces -o json."],
      [kubectlPodList(), "This is a List of Pod objects, expected the output of kubectl get namespaces -o json."],
    ] as const) {
      await pasted.fill(foreign);
      await previewButton.click();
      await expect(page.getByTestId("form-message")).toHaveText(message);
      await expect(pasted).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByTestId("import-preview")).toHaveCount(0);
      await expect(applyButton).toHaveCount(0);
    }
    expect(await namespacesOf(db, cluster), "nothing was imported").toEqual([]);

    // The real thing. One namespace names its owners in labels: they are pre-filled.
    await pasted.fill(
      kubectlNamespaceList([
        { name: "payments-api", labels: { team: "payments", "pci-dss": "in-scope", "pod-security.kubernetes.io/enforce": "restricted" } },
        { name: "ledger", labels: { team: "data-platform", owner: "sofia.lindqvist", "bulkhead.io/secondary-owner": "priya.raman" } },
        { name: "batch-reports", labels: { team: "platform" } },
      ]),
    );
    await previewButton.click();
    const preview = page.getByTestId("import-preview");
    await expect(preview.getByRole("heading", { name: `Changes to ${cluster}` })).toBeVisible();
    await expect(page.getByTestId("form-message")).toHaveText("3 to add, 0 to update, 0 unchanged, 0 in the plan but not in the list.");
    for (const heading of ["To add 3", "To update 0", "Unchanged 0", "In the plan but not in this list 0"]) {
      await expect(preview.getByRole("heading", { level: 3, name: heading })).toBeVisible();
    }
    await expect(preview.locator('[data-testid^="import-add-"]')).toHaveCount(3);
    for (const name of NAMESPACES) await expect(preview.getByTestId(`import-add-${name}`)).toBeVisible();
    await expect(preview.getByTestId("import-add-payments-api")).toContainText(
      "team=payments, pci-dss=in-scope, pod-security.kubernetes.io/enforce=restricted",
    );
    await expect(preview.getByTestId("import-add-ledger")).toContainText(
      "Owners from labels: primary Sofia Lindqvist (owner), secondary Priya Raman (bulkhead.io/secondary-owner).",
    );
    expect(await namespacesOf(db, cluster), "a preview writes nothing").toEqual([]);

    await applyButton.click();
    await expect(
      page.getByText(`Imported into ${cluster}: 3 added, 0 updated, owners pre-filled for 1. 0 namespaces not in the list were kept.`),
    ).toBeVisible();
    await expect(applyButton).toHaveCount(0);
    expect(await namespacesOf(db, cluster)).toEqual([...NAMESPACES].sort());

    await page.getByRole("form", { name: "Import namespaces" }).getByRole("link", { name: "Back to clusters & owners" }).click();
    await expect(page).toHaveURL("/plan/platform");
    const ledger = ownershipRow(page, `${cluster}/ledger`);
    await expect(ledger.getByTestId("primary")).toHaveText("Sofia Lindqvist");
    await expect(ledger.getByTestId("secondary")).toHaveText("Priya Raman");
    for (const name of ["payments-api", "batch-reports"]) {
      const row = ownershipRow(page, `${cluster}/${name}`);
      await expect(owners(row, "primary")).toHaveText(["Priya Raman"]);
      await expect(owners(row, "secondary")).toHaveText(["Tomás Oliveira"]);
      await expect(row.getByTestId("primary")).toContainText(`inherited from cluster ${cluster}`);
      await expect(row.getByTestId("secondary")).toContainText(`inherited from cluster ${cluster}`);
    }
  });

  test("closes the seeded ownership gap by replacing an inactive secondary owner, and readiness rises", async ({ page, db }) => {
    await restoreSeededOwnershipGap(db);
    const gap = "prod-eu/data-pipeline: secondary owner Kenji Watanabe is inactive";

    await page.goto("/plan");
    await expect(page.getByRole("heading", { level: 1, name: "Plan readiness" })).toBeVisible();
    const before = await readinessOf(page);
    const currencyBefore = checkOf(before, "owner-currency");
    expect(before.gaps.map((g) => g.message)).toContain(gap);
    await expect(scoreRegion(page).getByText(String(before.score), { exact: true })).toBeVisible();
    await expect(gapsRegion(page).getByRole("link", { name: gap })).toHaveAttribute("href", "/plan/platform#prod-eu/data-pipeline");
    await expect(checkRow(page, currencyBefore.label)).toContainText(`${currencyBefore.passed} of ${currencyBefore.total}`);

    // The gap's link leads to the row where it is fixed.
    await gapsRegion(page).getByRole("link", { name: gap }).click();
    await expect(page).toHaveURL("/plan/platform#prod-eu/data-pipeline");
    const row = ownershipRow(page, "prod-eu/data-pipeline");
    await expect(owners(row, "secondary")).toHaveText([/^Kenji Watanabe\s*inactive$/]);
    await expect(row.getByTestId("inactive-owner")).toHaveText("inactive");

    await row.getByRole("button", { name: "Edit owners of prod-eu/data-pipeline" }).click();
    const primary = row.getByLabel("Primary owner of prod-eu/data-pipeline");
    const secondaries = row.getByLabel("Secondary owners of prod-eu/data-pipeline");
    await expect(primary).toHaveValue(await contactId(db, SOFIA));
    await expect(secondaries.getByRole("option", { name: "Kenji Watanabe — Data Platform (inactive)" })).toBeAttached();

    // The same person as primary and secondary: the server's rule, on this row, and nothing saved.
    const ownersBefore = await namespaceOwnership(db, "prod-eu", "data-pipeline");
    await primary.selectOption({ label: PRIYA });
    await secondaries.selectOption([{ label: PRIYA }]);
    await row.getByRole("button", { name: "Save owners" }).click();
    const rule = "Priya Raman cannot be both the primary and a secondary owner: the secondary must be a different person.";
    await expect(row.getByTestId("form-message")).toHaveText(rule);
    await expect(secondaries).toHaveAttribute("aria-invalid", "true");
    await expect(secondaries).toHaveAccessibleDescription(rule);
    expect(await namespaceOwnership(db, "prod-eu", "data-pipeline")).toEqual(ownersBefore);

    // Sofia stays primary, Priya replaces Kenji as secondary.
    await primary.selectOption({ label: SOFIA_OPTION });
    await row.getByRole("button", { name: "Save owners" }).click();
    await expect(row.getByTestId("primary")).toHaveText("Sofia Lindqvist");
    await expect(row.getByTestId("secondary")).toHaveText("Priya Raman");
    await expect(row.getByTestId("inactive-owner")).toHaveCount(0);
    expect((await namespaceOwnership(db, "prod-eu", "data-pipeline")).owners).toEqual([
      `PRIMARY:${SOFIA}`,
      "SECONDARY:priya.raman@example.com",
    ]);

    // Readiness: the gap is gone, and the namespace and its two workloads are current again.
    await page.getByRole("navigation", { name: "Plan" }).getByRole("link", { name: "Readiness" }).click();
    await expect(page).toHaveURL("/plan");
    await expect(gapsRegion(page).getByRole("link", { name: gap })).toHaveCount(0);
    const after = await readinessOf(page);
    const currencyAfter = checkOf(after, "owner-currency");
    expect(after.gaps.map((g) => g.message)).not.toContain(gap);
    expect(currencyAfter.total).toBe(currencyBefore.total);
    expect(currencyAfter.passed).toBe(currencyBefore.passed + 3);
    expect(checkOf(after, "owner-coverage")).toEqual(checkOf(before, "owner-coverage"));
    // The score rises by exactly those three scopes' share of the currency check (it is a share of
    // every scope in use, so with the other specs' clusters the rounded score may move by a point or
    // by none; the exact score always moves).
    const predicted = {
      ...before,
      checks: before.checks.map((c) =>
        c.kind === "owner-currency" ? { ...c, passed: c.passed + 3, fraction: (c.passed + 3) / c.total } : c,
      ),
    };
    expect(exactScore(after)).toBeGreaterThan(exactScore(before));
    expect(exactScore(after)).toBeCloseTo(exactScore(predicted), 9);
    expect(after.score).toBe(Math.round(exactScore(predicted)));
    expect(after.score).toBeGreaterThanOrEqual(before.score);
    test.info().annotations.push({
      type: "readiness",
      description: `score ${before.score} → ${after.score} (${exactScore(before).toFixed(2)} → ${exactScore(after).toFixed(2)}); owner currency ${currencyBefore.passed} → ${currencyAfter.passed} of ${currencyAfter.total} scopes`,
    });
    await expect(checkRow(page, currencyAfter.label)).toContainText(`${currencyAfter.passed} of ${currencyAfter.total}`);
    await expect(scoreRegion(page).getByText(String(after.score), { exact: true })).toBeVisible();
  });

  test("publishes a revision of the plan text and prints the plan", async ({ page, db }) => {
    await removeDrafts(db);
    const published = await latestRevisionNumber(db);
    revision = published + 1;
    const line = `E2E drill ${run}: page the namespace's secondary owner if the primary has not acknowledged within 10 minutes.`;
    const note = `Communication: escalate to the secondary owner after 10 minutes (${run}).`;

    await page.goto("/plan/revisions");
    await expect(page.getByRole("heading", { level: 2, name: `Plan in force: revision ${published}` })).toBeVisible();
    await page.getByRole("button", { name: "Start a draft" }).click();
    await expect(page.getByTestId("form-message").first()).toHaveText(
      "Draft started from the published plan. Edit the sections below and save; nothing changes for readers until you publish.",
    );

    const communication = page.getByLabel("Communication", { exact: true });
    await expect(communication).toHaveValue(/\*\*Channels\.\*\*/);
    await communication.fill(`${await communication.inputValue()}\n\n${line}`);
    await expect(page.getByText("unsaved changes")).toBeVisible();
    await expect(page.getByRole("button", { name: "Publish revision…" })).toBeDisabled();
    await page.getByRole("button", { name: "Save draft" }).click();
    const editor = page.getByRole("form", { name: "Draft plan text" });
    await expect(editor.getByTestId("form-message")).toHaveText("Draft saved (Communication).");

    await expect(page.getByRole("heading", { level: 3, name: `Changes against revision ${published}` })).toBeVisible();
    const diff = page.getByTestId("plan-diff");
    await expect(diff.getByRole("heading", { name: "Communication" })).toContainText("+2");
    await expect(diff.locator('[data-kind="added"]').filter({ hasText: line })).toHaveCount(1);
    await expect(diff.locator('[data-kind="removed"]')).toHaveCount(0);
    await expect(diff).toContainText("Unchanged: Scope, Severity definitions, Evidence handling, Containment authority.");

    await page.getByRole("button", { name: "Publish revision…" }).click();
    const dialog = page.getByRole("dialog", { name: `Publish as revision ${revision}?` });
    await dialog.getByLabel("Change note").fill(note);
    await dialog.getByRole("button", { name: "Publish" }).click();
    await expect(page.getByTestId("form-message").first()).toHaveText(`Revision ${revision} is published and now in force.`);
    await expect(page.getByRole("heading", { level: 2, name: `Plan in force: revision ${revision}` })).toBeVisible();
    await expect(page.getByRole("button", { name: "Start a draft" })).toBeVisible();
    const history = page.getByRole("region", { name: "Revision history" }).getByRole("row");
    await expect(history.nth(1)).toContainText(`Revision ${revision} in force`);
    await expect(history.nth(1)).toContainText(note);
    await expect(history.nth(1)).toContainText(manager.name);

    // The print copy: the new revision, the ownership matrix with the new cluster, no portal around it.
    await page.getByRole("link", { name: "Print / offline copy" }).click();
    await expect(page).toHaveURL("/print/plan");
    await expect(page.getByTestId("plan-stamp")).toHaveText(
      new RegExp(`^Plan revision ${revision}, published .+ by ${manager.name}; exported .+ by ${manager.name}$`),
    );
    await expect(page.getByText(`Change note: ${note}`)).toBeVisible();
    await expect(page.getByText(line)).toBeVisible();
    await expect(page.locator('nav[aria-label="Main"]')).toHaveCount(0);
    await expect(page.getByRole("navigation")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
    const matrix = page.getByRole("table", { name: "Ownership matrix" });
    await expect(matrix.getByRole("row", { name: `cluster ${cluster} Priya Raman Tomás Oliveira Helen Okafor` })).toBeVisible();
    await expect(matrix.getByRole("row", { name: `namespace ${cluster}/ledger Sofia Lindqvist Priya Raman` })).toBeVisible();
    await expect(matrix.getByRole("row", { name: `namespace prod-eu/data-pipeline Sofia Lindqvist Priya Raman` })).toBeVisible();
    await expect(
      page.getByRole("table", { name: "Clusters" }).getByRole("row", { name: `${cluster} GKE CONTAINERD PRODUCTION HIGH` }),
    ).toBeVisible();

    // The offline Markdown copy says the same.
    const markdown = await page.request.get("/api/plan/export?format=md");
    expect(markdown.status()).toBe(200);
    expect(markdown.headers()["content-type"]).toBe("text/markdown; charset=utf-8");
    expect(markdown.headers()["content-disposition"]).toMatch(
      new RegExp(`^attachment; filename="bulkhead-plan-rev-${revision}-\\d{8}\\.md"$`),
    );
    const text = await markdown.text();
    expect(text).toMatch(
      new RegExp(`^# Incident response plan\\n\\n\\*\\*Plan revision ${revision}, published .+ by ${manager.name}; exported .+\\*\\*`),
    );
    expect(text).toContain(`Change note: ${note}`);
    expect(text).toContain(line);
    expect(text).toContain(`cluster ${cluster}`);
    expect(text).toContain(`namespace ${cluster}/ledger`);

    // "Print" opens the browser's print dialog (stubbed here); on paper only the document shows.
    await page.evaluate(() => {
      const w = window as typeof window & { printed?: number };
      w.printed = 0;
      w.print = () => void (w.printed! += 1);
    });
    const printButton = page.getByRole("button", { name: "Print" });
    await printButton.click();
    await expect.poll(() => page.evaluate(() => (window as typeof window & { printed?: number }).printed)).toBe(1);
    await page.emulateMedia({ media: "print" });
    await expect(printButton).toBeHidden();
    await expect(page.getByRole("link", { name: "Back to the plan" })).toBeHidden();
    await expect(page.getByTestId("plan-stamp")).toBeVisible();
  });
});
