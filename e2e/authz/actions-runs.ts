// The authorization matrix's rows for playbook runs (run by matrix.spec.ts).
import { insertPlaybook } from "./playbook-data";
import { insertRun, runStatus, runStepRow } from "./run-data";
import { type ActionRows, insertIncident, one, RUNS_ACT, RUNS_OPEN } from "./matrix-support";

export const RUN_ACTIONS: ActionRows = {
  "app/(portal)/runs/actions.ts#startRunAction": {
    expect: RUNS_OPEN,
    scenario: async ({ db }) => {
      const incident = await insertIncident(db);
      const playbook = await insertPlaybook(db, "PUBLISHED");
      return {
        page: `/incidents/${incident.key}`,
        fields: { incidentKey: incident.key, playbookVersionId: playbook.versionId },
        happened: async () => (await db.query(`SELECT 1 FROM "PlaybookRun" WHERE "incidentId" = $1`, [incident.id])).rowCount === 1,
      };
    },
  },
  "app/(portal)/runs/actions.ts#startRunStepAction": {
    expect: RUNS_ACT,
    scenario: async ({ db }) => {
      const run = await insertRun(db, (await insertIncident(db)).id, "TODO");
      return {
        page: `/runs/${run.id}`,
        fields: { stepId: run.stepId, version: "0" },
        happened: async () => (await runStepRow(db, run.stepId)).status === "IN_PROGRESS",
      };
    },
  },
  "app/(portal)/runs/actions.ts#completeRunStepAction": {
    expect: RUNS_ACT,
    scenario: async ({ db }) => {
      const run = await insertRun(db, (await insertIncident(db)).id, "TODO");
      return {
        page: `/runs/${run.id}`,
        fields: { stepId: run.stepId, version: "0" },
        happened: async () => (await runStepRow(db, run.stepId)).status === "DONE",
      };
    },
  },
  "app/(portal)/runs/actions.ts#assignRunStepAction": {
    expect: RUNS_ACT,
    scenario: async ({ db }) => {
      const run = await insertRun(db, (await insertIncident(db)).id, "TODO");
      return {
        page: `/runs/${run.id}`,
        fields: {
          stepId: run.stepId,
          version: "0",
          assigneeId: (await one(db, `SELECT "id" FROM "User" WHERE "email" = 'responder@bulkhead.local'`, [])).id,
        },
        happened: async () => (await runStepRow(db, run.stepId)).assigneeId !== null,
      };
    },
  },
  "app/(portal)/runs/actions.ts#skipRunStepAction": {
    expect: RUNS_ACT,
    scenario: async ({ db }) => {
      const run = await insertRun(db, (await insertIncident(db)).id, "TODO");
      return {
        page: `/runs/${run.id}`,
        fields: { stepId: run.stepId, version: "0", reason: "Not applicable: no persistent volume." },
        happened: async () => (await runStepRow(db, run.stepId)).status === "SKIPPED",
      };
    },
  },
  "app/(portal)/runs/actions.ts#blockRunStepAction": {
    expect: RUNS_ACT,
    scenario: async ({ db }) => {
      const run = await insertRun(db, (await insertIncident(db)).id, "TODO");
      return {
        page: `/runs/${run.id}`,
        fields: { stepId: run.stepId, version: "0", reason: "Waiting for the cloud provider." },
        happened: async () => (await runStepRow(db, run.stepId)).status === "BLOCKED",
      };
    },
  },
  "app/(portal)/runs/actions.ts#reopenRunStepAction": {
    expect: RUNS_ACT,
    scenario: async ({ db }) => {
      const run = await insertRun(db, (await insertIncident(db)).id, "DONE");
      return {
        page: `/runs/${run.id}`,
        fields: { stepId: run.stepId, version: "0", to: "TODO" },
        happened: async () => (await runStepRow(db, run.stepId)).status === "TODO",
      };
    },
  },
  "app/(portal)/runs/actions.ts#editRunStepNotesAction": {
    expect: RUNS_ACT,
    scenario: async ({ db }) => {
      const run = await insertRun(db, (await insertIncident(db)).id, "TODO");
      return {
        page: `/runs/${run.id}`,
        fields: { stepId: run.stepId, version: "0", notes: "Pod manifest saved." },
        happened: async () => (await runStepRow(db, run.stepId)).notes === "Pod manifest saved.",
      };
    },
  },
  "app/(portal)/runs/actions.ts#completeRunAction": {
    expect: RUNS_ACT,
    scenario: async ({ db }) => {
      const run = await insertRun(db, (await insertIncident(db)).id, "DONE");
      return {
        page: `/runs/${run.id}`,
        fields: { runId: run.id, version: "0", acceptOpenSteps: "on" },
        happened: async () => (await runStatus(db, run.id)) === "COMPLETED",
      };
    },
  },
  "app/(portal)/runs/actions.ts#abandonRunAction": {
    expect: RUNS_ACT,
    scenario: async ({ db }) => {
      const run = await insertRun(db, (await insertIncident(db)).id);
      return {
        page: `/runs/${run.id}`,
        fields: { runId: run.id, version: "0", reason: "Started on the wrong incident." },
        happened: async () => (await runStatus(db, run.id)) === "ABANDONED",
      };
    },
  },
};
