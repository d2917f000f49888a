// What specs that start from a posted Falco alert share: a detection source of their own (its
// token), and a published playbook of their own made the incident's suggested one.
import { createHash, randomBytes } from "node:crypto";
import type pg from "pg";
import { uniqueSuffix } from "./fixtures";

/** A falcosidekick source; returns its bearer token. */
export async function insertSource(db: pg.Pool, name: string): Promise<string> {
  const token = `bh_e2e_${randomBytes(16).toString("hex")}`;
  await db.query(
    `INSERT INTO "DetectionSource" ("id", "name", "kind", "tokenHash", "tokenPrefix", "minIncidentPriority", "updatedAt")
     VALUES ($1, $2, 'FALCOSIDEKICK', $3, $4, 'WARNING', now())`,
    [`e2e-source-${uniqueSuffix()}`, `e2e-${name}-${uniqueSuffix()}`, createHash("sha256").update(token).digest("hex"), token.slice(0, 8)],
  );
  return token;
}

export type PlaybookStepSeed = { title: string; instructions: string; evidenceExpected?: string };

/** A published one-step playbook (detection and analysis, 10 minutes), suggested on the incident. */
export async function suggestPlaybook(db: pg.Pool, incidentKey: string, name: string, step: PlaybookStepSeed): Promise<void> {
  const suffix = uniqueSuffix();
  const playbookId = `e2e-${name}-playbook-${suffix}`;
  const versionId = `e2e-${name}-version-${suffix}`;
  await db.query(`INSERT INTO "Playbook" ("id", "title", "incidentType", "updatedAt") VALUES ($1, $2, 'SHELL_IN_CONTAINER', now())`, [
    playbookId,
    `${name} ${suffix}`,
  ]);
  await db.query(
    `INSERT INTO "PlaybookVersion" ("id", "playbookId", "number", "status", "publishedAt", "updatedAt") VALUES ($1, $2, 1, 'PUBLISHED', now(), now())`,
    [versionId, playbookId],
  );
  await db.query(
    `INSERT INTO "PlaybookStep" ("id", "versionId", "position", "phase", "title", "instructions", "evidenceExpected", "expectedMinutes", "updatedAt")
     VALUES ($1, $2, 1, 'DETECTION_ANALYSIS', $3, $4, $5, 10, now())`,
    [`${versionId}-step-1`, versionId, step.title, step.instructions, step.evidenceExpected ?? null],
  );
  await db.query(`UPDATE "Incident" SET "suggestedPlaybookId" = $1 WHERE "number" = $2`, [playbookId, Number(incidentKey.slice(4))]);
}
