// Exercises for the authorization matrix, inserted directly at version 0: an exercise in the
// status the action starts from, a finding of it (category OTHER, so an item closes without a
// linked fix) and an action item of that.
import type pg from "pg";
import { uniqueSuffix } from "../fixtures";

export async function insertExercise(db: pg.Pool, status: "PLANNED" | "IN_PROGRESS" = "PLANNED"): Promise<string> {
  const id = `matrix-exercise-${uniqueSuffix()}`;
  await db.query(
    `INSERT INTO "Exercise" ("id", "kind", "title", "scenario", "facilitator", "attackTechniques", "status", "updatedAt")
     VALUES ($1, 'TABLETOP', 'Matrix tabletop', 'Matrix scenario', 'Matrix', '{}', $2::"ExerciseStatus", now())`,
    [id, status],
  );
  return id;
}

export async function insertFinding(db: pg.Pool): Promise<{ exerciseId: string; findingId: string }> {
  const exerciseId = await insertExercise(db, "IN_PROGRESS");
  const findingId = `matrix-finding-${uniqueSuffix()}`;
  await db.query(
    `INSERT INTO "Finding" ("id", "exerciseId", "title", "category", "severity", "recommendation", "updatedAt")
     VALUES ($1, $2, 'Matrix finding', 'OTHER', 'LOW', 'Do something', now())`,
    [findingId, exerciseId],
  );
  return { exerciseId, findingId };
}

export async function insertActionItem(db: pg.Pool): Promise<{ exerciseId: string; itemId: string }> {
  const { exerciseId, findingId } = await insertFinding(db);
  const itemId = `matrix-action-item-${uniqueSuffix()}`;
  await db.query(`INSERT INTO "ActionItem" ("id", "findingId", "title", "updatedAt") VALUES ($1, $2, 'Matrix item', now())`, [
    itemId,
    findingId,
  ]);
  return { exerciseId, itemId };
}

/** One column of one row, by id (table and column are constants of the matrix, never input). */
export async function columnOf(db: pg.Pool, table: "Exercise" | "Finding" | "ActionItem", column: string, id: string): Promise<unknown> {
  const { rows } = await db.query<Record<string, unknown>>(`SELECT "${column}" AS "value" FROM "${table}" WHERE "id" = $1`, [id]);
  return rows[0]?.value;
}

export async function countWhere(
  db: pg.Pool,
  table: "Finding" | "ActionItem" | "ExerciseLogEntry",
  column: string,
  id: string,
): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS "n" FROM "${table}" WHERE "${column}" = $1`, [id]);
  return rows[0]!.n;
}
