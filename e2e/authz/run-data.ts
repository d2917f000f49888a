// Playbook runs for the authorization matrix, inserted directly: an active run on an incident
// with one step in the state the action under test starts from.
import type pg from "pg";
import { uniqueSuffix } from "../fixtures";
import { insertPlaybook } from "./playbook-data";

export type InsertedRun = { id: string; stepId: string; versionId: string };

export async function insertRun(db: pg.Pool, incidentId: string, stepStatus: "TODO" | "DONE" = "TODO"): Promise<InsertedRun> {
  const playbook = await insertPlaybook(db, "PUBLISHED", 1);
  const {
    rows: [starter],
  } = await db.query<{ id: string }>(`SELECT "id" FROM "User" WHERE "email" = 'manager@bulkhead.local'`);
  const run = { id: `matrix-run-${uniqueSuffix()}`, stepId: `matrix-run-step-${uniqueSuffix()}`, versionId: playbook.versionId };
  await db.query(
    `INSERT INTO "PlaybookRun" ("id", "playbookVersionId", "incidentId", "context", "startedById", "updatedAt") VALUES ($1, $2, $3, '{}', $4, now())`,
    [run.id, playbook.versionId, incidentId, starter!.id],
  );
  await db.query(
    `INSERT INTO "RunStep" ("id", "runId", "playbookStepId", "position", "phase", "title", "instructions", "status", "updatedAt")
     VALUES ($1, $2, $3, 1, 'CONTAINMENT', 'Isolate the pod', 'Apply a deny-all NetworkPolicy.', $4::"RunStepStatus", now())`,
    [run.stepId, run.id, playbook.stepIds[0], stepStatus],
  );
  return run;
}

export async function runStepRow(
  db: pg.Pool,
  stepId: string,
): Promise<{ status: string; assigneeId: string | null; notes: string | null }> {
  const { rows } = await db.query(`SELECT "status", "assigneeId", "notes" FROM "RunStep" WHERE "id" = $1`, [stepId]);
  return rows[0] as { status: string; assigneeId: string | null; notes: string | null };
}

export async function runStatus(db: pg.Pool, runId: string): Promise<string> {
  const { rows } = await db.query(`SELECT "status" FROM "PlaybookRun" WHERE "id" = $1`, [runId]);
  return (rows[0] as { status: string }).status;
}
