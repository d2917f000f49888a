// The authorization matrix's rows for exercises, findings and action items (run by matrix.spec.ts).
import { uniqueSuffix } from "../fixtures";
import { columnOf, countWhere, insertActionItem, insertExercise, insertFinding } from "./exercise-data";
import { type ActionRows, EXERCISES_EDIT, EXERCISES_OPEN } from "./matrix-support";

export const EXERCISE_ACTIONS: ActionRows = {
  // ── exercises (issue 12): managers edit, everyone else reads ──
  "app/(portal)/exercises/new/actions.ts#createExerciseAction": {
    expect: EXERCISES_OPEN,
    scenario: async ({ db }) => {
      const title = `Matrix exercise ${uniqueSuffix()}`;
      return {
        fields: { kind: "TABLETOP", title, scenario: "Matrix scenario", facilitator: "Matrix" },
        happened: async () => (await db.query(`SELECT 1 FROM "Exercise" WHERE "title" = $1`, [title])).rowCount === 1,
      };
    },
  },
  "app/(portal)/exercises/[id]/actions.ts#changeExerciseStatusAction": {
    expect: EXERCISES_EDIT,
    scenario: async ({ db }) => {
      const id = await insertExercise(db);
      return {
        page: `/exercises/${id}`,
        fields: { id, version: "0", to: "IN_PROGRESS" },
        happened: async () => (await columnOf(db, "Exercise", "status", id)) === "IN_PROGRESS",
      };
    },
  },
  "app/(portal)/exercises/[id]/actions.ts#updateExerciseAction": {
    // Saved from its own edit page, it goes back to the exercise.
    expect: EXERCISES_OPEN,
    scenario: async ({ db }) => {
      const id = await insertExercise(db);
      return {
        page: `/exercises/${id}`,
        fields: { id, version: "0", kind: "TABLETOP", title: "Renamed by the matrix", scenario: "Matrix scenario", facilitator: "Matrix" },
        happened: async () => (await columnOf(db, "Exercise", "title", id)) === "Renamed by the matrix",
      };
    },
  },
  "app/(portal)/exercises/[id]/actions.ts#addExerciseLogEntryAction": {
    expect: EXERCISES_EDIT,
    scenario: async ({ db }) => {
      const id = await insertExercise(db, "IN_PROGRESS");
      return {
        page: `/exercises/${id}`,
        fields: { exerciseId: id, at: "2026-12-01T10:00", text: "Inject 1 read out" },
        happened: async () => (await countWhere(db, "ExerciseLogEntry", "exerciseId", id)) === 1,
      };
    },
  },
  "app/(portal)/exercises/[id]/actions.ts#createFindingAction": {
    expect: EXERCISES_EDIT,
    scenario: async ({ db }) => {
      const id = await insertExercise(db, "IN_PROGRESS");
      return {
        page: `/exercises/${id}`,
        fields: { exerciseId: id, title: "Found by the matrix", category: "OTHER", severity: "LOW", recommendation: "Fix it" },
        happened: async () => (await countWhere(db, "Finding", "exerciseId", id)) === 1,
      };
    },
  },
  "app/(portal)/exercises/[id]/actions.ts#updateFindingAction": {
    expect: EXERCISES_EDIT,
    scenario: async ({ db }) => {
      const { exerciseId, findingId } = await insertFinding(db);
      return {
        page: `/exercises/${exerciseId}`,
        fields: {
          id: findingId,
          version: "0",
          title: "Edited by the matrix",
          category: "OTHER",
          severity: "LOW",
          recommendation: "Fix it",
        },
        happened: async () => (await columnOf(db, "Finding", "title", findingId)) === "Edited by the matrix",
      };
    },
  },
  "app/(portal)/exercises/[id]/actions.ts#createActionItemAction": {
    expect: EXERCISES_EDIT,
    scenario: async ({ db }) => {
      const { exerciseId, findingId } = await insertFinding(db);
      return {
        page: `/exercises/${exerciseId}`,
        fields: { findingId, title: "Item from the matrix" },
        happened: async () => (await countWhere(db, "ActionItem", "findingId", findingId)) === 1,
      };
    },
  },
  "app/(portal)/exercises/[id]/actions.ts#updateActionItemAction": {
    expect: EXERCISES_EDIT,
    scenario: async ({ db }) => {
      const { exerciseId, itemId } = await insertActionItem(db);
      return {
        page: `/exercises/${exerciseId}`,
        fields: { id: itemId, version: "0", title: "Item edited by the matrix" },
        happened: async () => (await columnOf(db, "ActionItem", "title", itemId)) === "Item edited by the matrix",
      };
    },
  },
  "app/(portal)/exercises/[id]/actions.ts#changeActionItemStatusAction": {
    expect: EXERCISES_EDIT,
    scenario: async ({ db }) => {
      const { exerciseId, itemId } = await insertActionItem(db);
      return {
        page: `/exercises/${exerciseId}`,
        fields: { id: itemId, version: "0", to: "IN_PROGRESS" },
        happened: async () => (await columnOf(db, "ActionItem", "status", itemId)) === "IN_PROGRESS",
      };
    },
  },
};
