// Helpers of e2e/playbooks.spec.ts: the steps as a reader meets them, a playbook's versions in the
// database, and a playbook inserted directly for the roles that may not write one.
import type { Page } from "@playwright/test";
import type pg from "pg";
import { uniqueSuffix } from "./fixtures";

/** The steps on the page, in run order, as screen readers name them ("Step 2: Cordon the node"). */
export async function stepLabels(page: Page): Promise<string[]> {
  const items = page.getByRole("listitem", { name: /^Step \d+: / });
  return items.evaluateAll((elements) => elements.map((e) => e.getAttribute("aria-label") ?? ""));
}

export type VersionInDb = { number: number; status: string; changeNote: string | null; steps: number };

/** Every version of the (uniquely titled) playbook, oldest first, with its step count. */
export async function playbookVersionsInDb(db: pg.Pool, title: string): Promise<VersionInDb[]> {
  const { rows } = await db.query<VersionInDb>(
    `SELECT v."number", v."status"::text AS "status", v."changeNote", (SELECT count(*)::int FROM "PlaybookStep" s WHERE s."versionId" = v."id") AS "steps"
     FROM "PlaybookVersion" v JOIN "Playbook" p ON p."id" = v."playbookId" WHERE p."title" = $1 ORDER BY v."number"`,
    [title],
  );
  return rows;
}

export type ReadOnlyPlaybook = { id: string; title: string; published: string[]; draft: string[] };

/** A live playbook with version 1 published and version 2 in draft (one step changed, one added). */
export async function insertReadOnlyPlaybook(db: pg.Pool): Promise<ReadOnlyPlaybook> {
  const suffix = uniqueSuffix();
  const playbook: ReadOnlyPlaybook = {
    id: `e2e-playbook-${suffix}`,
    title: `Cryptominer in the batch namespace ${suffix}`,
    published: ["Confirm the miner from the process list", "Scale {{workload}} to zero"],
    draft: ["Confirm the miner from the process list", "Scale {{workload}} to zero", "Block the pool address at the egress"],
  };
  await db.query(
    `INSERT INTO "Playbook" ("id", "title", "incidentType", "description", "attackTechniques", "updatedAt")
     VALUES ($1, $2, 'CRYPTOMINING', 'xmrig or similar running in a batch pod.', ARRAY['T1496'], now())`,
    [playbook.id, playbook.title],
  );
  for (const [number, status, titles] of [
    [1, "PUBLISHED", playbook.published],
    [2, "DRAFT", playbook.draft],
  ] as const) {
    const versionId = `${playbook.id}-v${number}`;
    await db.query(
      `INSERT INTO "PlaybookVersion" ("id", "playbookId", "number", "status", "changeNote", "publishedAt", "updatedAt")
       VALUES ($1, $2, $3, $4::"PlaybookVersionStatus", CASE WHEN $4 = 'PUBLISHED' THEN 'First version.' END, CASE WHEN $4 = 'PUBLISHED' THEN now() END, now())`,
      [versionId, playbook.id, number, status],
    );
    for (const [i, title] of titles.entries()) {
      await db.query(
        `INSERT INTO "PlaybookStep" ("id", "versionId", "position", "phase", "title", "instructions", "updatedAt")
         VALUES ($1, $2, $3, 'CONTAINMENT', $4, 'kubectl -n {{namespace}} top pod {{pod}}', now())`,
        [`${versionId}-s${i + 1}`, versionId, i + 1, title],
      );
    }
  }
  return playbook;
}
