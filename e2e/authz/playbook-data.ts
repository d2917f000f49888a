// Playbooks for the authorization matrix, inserted directly: a draft with steps to edit, or a
// published version to start a draft from or run.
import type pg from "pg";
import { uniqueSuffix } from "../fixtures";

export type InsertedPlaybook = { id: string; title: string; versionId: string; stepIds: string[] };

export async function insertPlaybook(db: pg.Pool, status: "DRAFT" | "PUBLISHED", steps = 2): Promise<InsertedPlaybook> {
  const suffix = uniqueSuffix();
  const playbook = {
    id: `matrix-playbook-${suffix}`,
    title: `Matrix playbook ${suffix}`,
    versionId: `matrix-version-${suffix}`,
    stepIds: [] as string[],
  };
  await db.query(
    `INSERT INTO "Playbook" ("id", "title", "incidentType", "attackTechniques", "updatedAt") VALUES ($1, $2, 'CRYPTOMINING', ARRAY['T1496'], now())`,
    [playbook.id, playbook.title],
  );
  await db.query(
    `INSERT INTO "PlaybookVersion" ("id", "playbookId", "number", "status", "publishedAt", "updatedAt")
     VALUES ($1, $2, 1, $3::"PlaybookVersionStatus", CASE WHEN $3 = 'PUBLISHED' THEN now() END, now())`,
    [playbook.versionId, playbook.id, status],
  );
  for (let i = 1; i <= steps; i++) {
    const stepId = `matrix-step-${suffix}-${i}`;
    await db.query(
      `INSERT INTO "PlaybookStep" ("id", "versionId", "position", "phase", "title", "instructions", "updatedAt")
       VALUES ($1, $2, $3, 'CONTAINMENT', $4, 'Isolate {{pod}} in {{namespace}}.', now())`,
      [stepId, playbook.versionId, i, `Step ${i}`],
    );
    playbook.stepIds.push(stepId);
  }
  return playbook;
}

export async function playbookRow(db: pg.Pool, id: string): Promise<{ title: string; retiredAt: Date | null }> {
  const { rows } = await db.query(`SELECT "title", "retiredAt" FROM "Playbook" WHERE "id" = $1`, [id]);
  return rows[0] as { title: string; retiredAt: Date | null };
}

export async function versionRow(db: pg.Pool, versionId: string): Promise<{ status: string } | undefined> {
  const { rows } = await db.query(`SELECT "status" FROM "PlaybookVersion" WHERE "id" = $1`, [versionId]);
  return rows[0] as { status: string } | undefined;
}

export async function stepRow(db: pg.Pool, stepId: string): Promise<{ title: string; position: number } | undefined> {
  const { rows } = await db.query(`SELECT "title", "position" FROM "PlaybookStep" WHERE "id" = $1`, [stepId]);
  return rows[0] as { title: string; position: number } | undefined;
}

export async function stepCount(db: pg.Pool, versionId: string): Promise<number> {
  const { rows } = await db.query(`SELECT count(*)::int AS n FROM "PlaybookStep" WHERE "versionId" = $1`, [versionId]);
  return (rows[0] as { n: number }).n;
}
