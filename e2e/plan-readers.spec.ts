// The plan as the roles that only read it see it: every plan page and its print copy with no
// edit offered, edits posted by hand refused with nothing changed, and a manager offered each
// control the readers are checked for (so that their absence means something).
import type { Locator, Page } from "@playwright/test";
import { expect, test, uniqueSuffix, type Role } from "./fixtures";
import {
  PERMISSION_DENIED,
  contactId,
  draftOf,
  insertDraft,
  latestRevisionNumber,
  namespaceOwnership,
  postServerAction,
  removeDrafts,
} from "./plan-helpers";
import { ownershipRow, owners, scoreRegion, checkRow, signIn } from "./plan-locators";

// Each test walks several pages of a plan that, by the time this spec runs, also holds the
// authorization matrix's hundred-odd clusters: more than the default 30 s is no sign of a fault.
test.describe.configure({ timeout: 60_000 });

// ───────────────────────────── the roles that only read ─────────────────────────────

/**
 * Every control that changes the plan, as a manager sees it labelled. None may show for a reader;
 * the last test checks that a manager is offered each one, so their absence means something.
 */
function editControls(page: Page): Record<string, Locator> {
  const button = (name: string | RegExp) => page.getByRole("button", { name });
  return {
    "Edit… buttons": button(/^Edit/),
    "Add… buttons": button(/^Add /),
    "Add contact": button("Add contact"),
    "Save… buttons": button(/^Save/),
    "Clear… buttons": button(/^Clear/),
    "Mark reviewed": button("Mark reviewed"),
    "Deactivate… / Reactivate…": button(/^(Deactivate|Reactivate)/),
    "Start a draft": button("Start a draft"),
    "Publish revision…": button("Publish revision…"),
    "Discard draft…": button("Discard draft…"),
    "Import namespaces from kubectl": page.getByRole("link", { name: "Import namespaces from kubectl" }),
    "the create-cluster form": page.getByRole("form", { name: "Add a cluster" }),
    "add-namespace / add-workload forms": page.getByRole("form", { name: /^Add a (namespace|workload) to/ }),
    "the draft editor": page.getByRole("form", { name: "Draft plan text" }),
    "text areas": page.locator("textarea"),
  };
}

/** The pages of the plan, in order, each opened the way a person gets there and showing its data. */
const PLAN_PAGES: { name: string; open: (page: Page) => Promise<void> }[] = [
  {
    name: "/plan",
    open: async (page) => {
      await gotoOk(page, "/plan", "Plan readiness");
      await expect(scoreRegion(page).getByText(/^\d{1,3}$/)).toBeVisible();
      await expect(checkRow(page, "Every scope in use has one primary and a different secondary owner")).toContainText(/\d of \d/);
    },
  },
  {
    name: "/plan/contacts",
    open: async (page) => {
      await gotoOk(page, "/plan/contacts", "Contacts");
      // The list is paged; search it as anyone would.
      await page.getByLabel("Search contacts").fill("priya");
      await page.getByRole("button", { name: "Filter" }).click();
      await expect(page).toHaveURL(/\/plan\/contacts\?q=priya/);
      await expect(page.getByTestId("contact-priya.raman@example.com")).toContainText("+44 20 7946 0233");
    },
  },
  {
    name: "/plan/contacts/[id]",
    open: async (page) => {
      await page.getByTestId("contact-priya.raman@example.com").getByRole("link", { name: "Priya Raman" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Priya Raman" })).toBeVisible();
      await expect(page.getByRole("heading", { name: "Where the plan names Priya Raman" })).toBeVisible();
      await expect(page.getByText("DevOps primary owner").first()).toBeVisible();
    },
  },
  {
    name: "/plan/platform",
    open: async (page) => {
      await gotoOk(page, "/plan/platform", "Clusters & owners");
      await expect(owners(ownershipRow(page, "prod-eu/payments"), "primary")).toHaveText(["Aisha Bello"]);
      await expect(owners(ownershipRow(page, "prod-eu/payments"), "secondary")).toHaveText(["Jonas Becker"]);
    },
  },
  {
    name: "/plan/roles",
    open: async (page) => {
      await gotoOk(page, "/plan/roles", "Roles & escalation");
      await expect(page.getByRole("row", { name: /^Incident commander/ })).toContainText("Dana Whitfield");
      await expect(page.getByRole("heading", { name: "SEV1 — active compromise of production" })).toBeVisible();
    },
  },
  {
    name: "/plan/revisions",
    open: async (page) => {
      await gotoOk(page, "/plan/revisions", "Plan text & revisions");
      await expect(page.getByRole("heading", { level: 2, name: /^Plan in force: revision \d+$/ })).toBeVisible();
      await expect(
        page.getByRole("region", { name: "Revision history" }).getByRole("link", { name: "Revision 1", exact: true }),
      ).toBeVisible();
    },
  },
  {
    name: "/print/plan",
    open: async (page) => {
      await page.getByRole("link", { name: "Print / offline copy" }).click();
      await expect(page).toHaveURL("/print/plan");
      await expect(page.getByTestId("plan-stamp")).toHaveText(/^Plan revision \d+, published /);
      const matrix = page.getByRole("table", { name: "Ownership matrix" });
      await expect(matrix.getByRole("row", { name: /^namespace prod-eu\/payments Aisha Bello Jonas Becker/ })).toBeVisible();
      await expect(page.locator('nav[aria-label="Main"]')).toHaveCount(0);
    },
  },
];

async function gotoOk(page: Page, path: string, heading: string) {
  const response = await page.goto(path);
  expect(response?.status(), `GET ${path}`).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
}

/** The edit controls the page on screen offers, by name. */
async function offeredControls(page: Page): Promise<string[]> {
  const offered: string[] = [];
  for (const [name, control] of Object.entries(editControls(page))) if ((await control.count()) > 0) offered.push(name);
  return offered;
}

const READERS = ["RESPONDER", "AUDITOR"] as const satisfies readonly Role[];

for (const role of READERS) {
  const who = role === "AUDITOR" ? "an auditor" : "a responder";

  test(`${who} reads every part of the plan and its print copy, offered no edit`, async ({ page, db, createUser }) => {
    // A draft is open, as it often is: readers learn that it exists, and get no editor for it.
    await insertDraft(db);
    try {
      await signIn(page, await createUser({ role }));
      for (const { name, open } of PLAN_PAGES) {
        await test.step(name, async () => {
          await open(page);
          // Server-rendered: what is not there now will not appear later.
          expect(await offeredControls(page), `edit controls on ${name}`).toEqual([]);
          if (name === "/plan/platform")
            await expect(page.getByText("Only IR managers change clusters and owners; you see the plan as it stands.")).toBeVisible();
          if (name === "/plan/revisions") await expect(page.getByText(/An IR manager is preparing a new revision/)).toBeVisible();
        });
      }

      await test.step("/plan/platform/import is not there for them", async () => {
        const response = await page.goto("/plan/platform/import");
        expect(response?.status()).toBe(404);
        await expect(page.getByText("This page could not be found.")).toBeVisible();
      });
    } finally {
      await removeDrafts(db);
    }
  });

  test(`${who} who posts plan edits anyway is refused and nothing changes`, async ({ page, db, createUser }) => {
    await signIn(page, await createUser({ role }));
    await gotoOk(page, "/plan/platform", "Clusters & owners");

    const before = await namespaceOwnership(db, "prod-eu", "payments");
    const [priya, tomas, helen] = await Promise.all(
      ["priya.raman", "tomas.oliveira", "helen.okafor"].map((p) => contactId(db, `${p}@example.com`)),
    );
    const setOwners = await postServerAction(
      page,
      "/plan/platform",
      { filename: "app/(portal)/plan/platform/actions.ts", exportedName: "setScopeOwnersAction" },
      {
        scopeType: "namespace",
        scopeId: before.id,
        version: String(before.version),
        primary: priya!,
        secondary: tomas!,
        security: helen!,
      },
    );
    expect(setOwners.status).toBe(200);
    expect(setOwners.body).toContain(PERMISSION_DENIED);
    expect(await namespaceOwnership(db, "prod-eu", "payments"), "the owners of prod-eu/payments are unchanged").toEqual(before);

    const draft = await insertDraft(db);
    try {
      const saved = await draftOf(db, draft.id);
      const revisions = "app/(portal)/plan/revisions/actions.ts";
      const save = await postServerAction(
        page,
        "/plan/revisions",
        { filename: revisions, exportedName: "saveDraftAction" },
        {
          id: draft.id,
          version: "0",
          scope: `Rewritten by ${who} ${uniqueSuffix()}`,
        },
      );
      expect(save.status).toBe(200);
      expect(save.body).toContain(PERMISSION_DENIED);
      expect(await draftOf(db, draft.id), "the draft is unchanged").toEqual(saved);

      const published = await latestRevisionNumber(db);
      const publish = await postServerAction(
        page,
        "/plan/revisions",
        { filename: revisions, exportedName: "publishDraftAction" },
        {
          id: draft.id,
          version: "0",
          changeNote: `Published by ${who}`,
        },
      );
      expect(publish.status).toBe(200);
      expect(publish.body).toContain(PERMISSION_DENIED);
      expect(await latestRevisionNumber(db), "no revision was published").toBe(published);
      expect(await draftOf(db, draft.id), "the draft is still the same draft").toEqual(saved);
    } finally {
      await removeDrafts(db);
    }

    // The page they are on still shows the owners as they were.
    await page.reload();
    await expect(owners(ownershipRow(page, "prod-eu/payments"), "primary")).toHaveText(["Aisha Bello"]);
  });
}

test("a manager is offered every edit control the readers are checked for", async ({ page, db, createUser }) => {
  await signIn(page, await createUser({ role: "IR_MANAGER" }));
  const offered = new Set<string>();
  const note = async () => {
    for (const control of await offeredControls(page)) offered.add(control);
  };
  // With a draft open, its editor; with none, "Start a draft". Readiness and the print copy offer
  // no edit to anyone, so they are left out here.
  await insertDraft(db);
  try {
    for (const { name, open } of PLAN_PAGES.filter((p) => p.name !== "/plan" && p.name !== "/print/plan")) {
      await test.step(name, async () => {
        await open(page);
        await note();
      });
    }
  } finally {
    await removeDrafts(db);
  }
  await PLAN_PAGES.find((p) => p.name === "/plan/revisions")!.open(page);
  await note();
  expect([...offered].sort()).toEqual(Object.keys(editControls(page)).sort());
});
