// The authorization matrix's rows for the playbook library (run by matrix.spec.ts).
import { readFileSync } from "node:fs";
import path from "node:path";
import { uniqueSuffix } from "../fixtures";
import { insertPlaybook, playbookRow, stepCount, stepRow, versionRow } from "./playbook-data";
import { type ActionRows, PLAYBOOKS_EDIT, PLAYBOOKS_OPEN, STEP } from "./matrix-support";

export const PLAYBOOK_ACTIONS: ActionRows = {
  "app/(portal)/playbooks/new/actions.ts#createPlaybookAction": {
    expect: PLAYBOOKS_OPEN,
    scenario: async ({ db }) => {
      const title = `Matrix created ${uniqueSuffix()}`;
      return {
        fields: { title, incidentType: "CRYPTOMINING", description: "", attackTechniques: "T1496" },
        happened: async () => (await db.query(`SELECT 1 FROM "Playbook" WHERE "title" = $1`, [title])).rowCount === 1,
      };
    },
  },
  "app/(portal)/playbooks/[id]/actions.ts#updatePlaybookDetailsAction": {
    expect: PLAYBOOKS_EDIT,
    scenario: async ({ db }) => {
      const playbook = await insertPlaybook(db, "PUBLISHED");
      const title = `${playbook.title} renamed`;
      return {
        page: `/playbooks/${playbook.id}`,
        fields: { id: playbook.id, version: "0", title, incidentType: "CRYPTOMINING", description: "", attackTechniques: "T1496" },
        happened: async () => (await playbookRow(db, playbook.id)).title === title,
      };
    },
  },
  "app/(portal)/playbooks/[id]/actions.ts#retirePlaybookAction": {
    expect: PLAYBOOKS_OPEN,
    scenario: async ({ db }) => {
      const playbook = await insertPlaybook(db, "PUBLISHED");
      return {
        page: `/playbooks/${playbook.id}`,
        fields: { id: playbook.id, version: "0" },
        happened: async () => (await playbookRow(db, playbook.id)).retiredAt !== null,
      };
    },
  },
  "app/(portal)/playbooks/[id]/actions.ts#startPlaybookDraftAction": {
    expect: PLAYBOOKS_OPEN,
    scenario: async ({ db }) => {
      const playbook = await insertPlaybook(db, "PUBLISHED");
      return {
        page: `/playbooks/${playbook.id}`,
        fields: { playbookId: playbook.id },
        happened: async () =>
          (await db.query(`SELECT 1 FROM "PlaybookVersion" WHERE "playbookId" = $1 AND "status" = 'DRAFT'`, [playbook.id])).rowCount === 1,
      };
    },
  },
  "app/(portal)/playbooks/[id]/actions.ts#addPlaybookStepAction": {
    expect: PLAYBOOKS_EDIT,
    scenario: async ({ db }) => {
      const playbook = await insertPlaybook(db, "DRAFT");
      return {
        page: `/playbooks/${playbook.id}`,
        fields: { versionId: playbook.versionId, version: "0", ...STEP },
        happened: async () => (await stepCount(db, playbook.versionId)) === 3,
      };
    },
  },
  "app/(portal)/playbooks/[id]/actions.ts#updatePlaybookStepAction": {
    expect: PLAYBOOKS_EDIT,
    scenario: async ({ db }) => {
      const playbook = await insertPlaybook(db, "DRAFT");
      return {
        page: `/playbooks/${playbook.id}`,
        fields: { versionId: playbook.versionId, version: "0", stepId: playbook.stepIds[0]!, ...STEP },
        happened: async () => (await stepRow(db, playbook.stepIds[0]!))?.title === STEP.title,
      };
    },
  },
  "app/(portal)/playbooks/[id]/actions.ts#movePlaybookStepAction": {
    expect: PLAYBOOKS_EDIT,
    scenario: async ({ db }) => {
      const playbook = await insertPlaybook(db, "DRAFT");
      return {
        page: `/playbooks/${playbook.id}`,
        fields: { versionId: playbook.versionId, version: "0", stepId: playbook.stepIds[1]!, direction: "up" },
        happened: async () => (await stepRow(db, playbook.stepIds[1]!))?.position === 1,
      };
    },
  },
  "app/(portal)/playbooks/[id]/actions.ts#removePlaybookStepAction": {
    expect: PLAYBOOKS_EDIT,
    scenario: async ({ db }) => {
      const playbook = await insertPlaybook(db, "DRAFT");
      return {
        page: `/playbooks/${playbook.id}`,
        fields: { versionId: playbook.versionId, version: "0", stepId: playbook.stepIds[0]! },
        happened: async () => (await stepRow(db, playbook.stepIds[0]!)) === undefined,
      };
    },
  },
  "app/(portal)/playbooks/[id]/actions.ts#discardPlaybookDraftAction": {
    expect: PLAYBOOKS_EDIT,
    scenario: async ({ db }) => {
      const playbook = await insertPlaybook(db, "DRAFT");
      return {
        page: `/playbooks/${playbook.id}`,
        fields: { versionId: playbook.versionId, version: "0" },
        happened: async () => (await versionRow(db, playbook.versionId)) === undefined,
      };
    },
  },
  "app/(portal)/playbooks/[id]/actions.ts#publishPlaybookVersionAction": {
    expect: PLAYBOOKS_OPEN,
    scenario: async ({ db }) => {
      const playbook = await insertPlaybook(db, "DRAFT");
      return {
        page: `/playbooks/${playbook.id}`,
        fields: { versionId: playbook.versionId, version: "0", changeNote: "Reviewed in the matrix." },
        happened: async () => (await versionRow(db, playbook.versionId))?.status === "PUBLISHED",
      };
    },
  },
  "app/(portal)/playbooks/import/actions.ts#importCacaoPlaybookAction": {
    expect: PLAYBOOKS_EDIT,
    scenario: async ({ db }) => {
      const document = JSON.parse(
        readFileSync(path.resolve(import.meta.dirname, "../../lib/cacao/fixtures/manual-triage.json"), "utf8"),
      ) as { name: string };
      document.name = `Matrix import ${uniqueSuffix()}`;
      return {
        fields: { document: JSON.stringify(document), incidentType: "MALICIOUS_IMAGE" },
        happened: async () => (await db.query(`SELECT 1 FROM "Playbook" WHERE "title" = $1`, [document.name])).rowCount === 1,
      };
    },
  },
};
