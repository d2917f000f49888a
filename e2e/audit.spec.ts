// The audit log as an auditor reads it: sign-ins (and failed ones) are recorded, the filters narrow
// the list, and the hash chain verifies up to its latest signed checkpoint, whose key is shown; a
// receipt downloaded earlier is proved still held. Roles without audit.read neither see nor reach it.
import { DEMO_PASSWORD, DEMO_USERS, NAVIGATION, attemptSignIn, expect, mainNavigation, signInWithRequest, test } from "./fixtures";

test("an auditor finds sign-ins and failed sign-ins, filters by outcome and verifies the chain", async ({
  page,
  playwright,
  baseURL,
  createUser,
  signInAs,
}) => {
  // A fresh user signs in once with a wrong password and once with the right one.
  const user = await createUser({ role: "RESPONDER" });
  const elsewhere = await playwright.request.newContext({ baseURL });
  const failed = await attemptSignIn(elsewhere, user.email, "definitely-not-the-password");
  expect(failed.location).toContain("error=CredentialsSignin");
  await signInWithRequest(elsewhere, user.email, user.password);
  await elsewhere.dispose();

  await signInAs(page, DEMO_USERS.AUDITOR, DEMO_PASSWORD);
  await page.goto("/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();

  const filters = page.getByRole("form", { name: "Filter audit events" });
  await filters.getByLabel("Actor").fill(user.email);
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]actor=/);
  const rows = page.getByRole("table").getByRole("row").filter({ hasText: user.email });
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "auth.sign_in" }).filter({ hasText: "success" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "auth.sign_in" }).filter({ hasText: "failure" })).toHaveCount(1);

  await filters.getByLabel("Outcome").selectOption("FAILURE");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]outcome=FAILURE/);
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText("auth.sign_in");
  await expect(rows).toContainText("failure");

  await page.getByRole("button", { name: "Verify hash chain" }).click();
  await expect(page.getByTestId("chain-verdict")).toHaveText(CHAIN_INTACT);
});

/** Other specs sign in meanwhile, so a few events may be newer than the checkpoint just signed. */
const CHAIN_INTACT =
  /^Chain intact: all \d+ events verified; it reaches the latest signed checkpoint, #\d+( \(\d+ newer events not yet signed\))?\.$/;

test("an auditor sees the signing key and the latest checkpoint, and proves a receipt still holds", async ({
  page,
  createUser,
  signInAs,
}) => {
  const auditor = await createUser({ role: "AUDITOR" });
  await signInAs(page, auditor.email, auditor.password);

  // A receipt signs the head now (the page's "Download signed receipt" link).
  const download = await page.request.get("/api/audit/receipt");
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toMatch(/^attachment; filename="bulkhead-audit-receipt-\d+\.json"$/);
  const receipt = (await download.json()) as { seq: string; keyId: string; publicKey: string; signature: string };

  await page.goto("/audit");
  await expect(page.getByTestId("audit-public-key")).toHaveText(
    /^-----BEGIN PUBLIC KEY-----\s+[A-Za-z0-9+/=]+\s+-----END PUBLIC KEY-----$/,
  );
  expect((await page.getByTestId("audit-public-key").textContent())?.trim()).toBe(receipt.publicKey);
  await expect(page.getByTestId("audit-key-id")).toHaveText(receipt.keyId);
  const latest = page.getByTestId("audit-latest-checkpoint");
  await expect(latest).toContainText(/Event#\d+/);
  expect(Number((await latest.locator("dd").first().textContent())!.slice(1))).toBeGreaterThanOrEqual(Number(receipt.seq));

  await page.getByRole("button", { name: "Verify hash chain" }).click();
  await expect(page.getByTestId("chain-verdict")).toHaveText(CHAIN_INTACT);

  const form = page.getByRole("form", { name: "Verify a receipt" });
  await form.getByLabel("Receipt", { exact: true }).fill(JSON.stringify(receipt));
  await form.getByRole("button", { name: "Verify receipt" }).click();
  await expect(page.getByTestId("receipt-verdict")).toHaveText(
    new RegExp(`^Receipt for #${receipt.seq} holds\\. Chain intact: all \\d+ events verified`),
  );

  // A receipt altered by one digit of its signature is refused.
  const forged = { ...receipt, signature: `${receipt.signature.startsWith("A") ? "B" : "A"}${receipt.signature.slice(1)}` };
  await form.getByLabel("Receipt", { exact: true }).fill(JSON.stringify(forged));
  await form.getByRole("button", { name: "Verify receipt" }).click();
  await expect(page.getByTestId("receipt-verdict")).toHaveText(
    "The receipt's signature does not verify: it was altered, or not issued by this deployment.",
  );
});

test("a page of the log past the largest event number is refused with 400 and a message, not an error", async ({
  page,
  createUser,
  signInAs,
}) => {
  const auditor = await createUser({ role: "AUDITOR" });
  await signInAs(page, auditor.email, auditor.password);
  const response = await page.goto("/audit?before=9999999999999999999");
  expect(response?.status()).toBe(400);
  await expect(page.getByTestId("audit-refused-before")).toHaveText(/^“before” must be an event number from 1 to 9223372036854775807/);
  await expect(page.getByRole("table").getByRole("row").nth(1)).toBeVisible();
});

test("a responder is offered no audit link and gets 404 for /audit", async ({ page, signInAs }) => {
  await signInAs(page, DEMO_USERS.RESPONDER, DEMO_PASSWORD);
  await page.goto("/");
  await expect(mainNavigation(page)).toHaveText(NAVIGATION.RESPONDER);
  await expect(mainNavigation(page).getByText("Audit", { exact: true })).toHaveCount(0);

  const response = await page.goto("/audit");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toHaveCount(0);
  await expect(page.getByText("Chain intact")).toHaveCount(0);
});
