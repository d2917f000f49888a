// The authorization matrix's rows for incidents and detection sources (run by matrix.spec.ts).
import { insertUser, uniqueSuffix } from "../fixtures";
import { insertSource, sourceOf } from "./detection-data";
import { type ActionRows, incidentOf, INCIDENTS_ACT, insertIncident, SOURCES_MANAGE } from "./matrix-support";

export const DETECTION_ACTIONS: ActionRows = {
  "app/(portal)/sources/actions.ts#createDetectionSourceAction": {
    expect: SOURCES_MANAGE,
    scenario: async ({ db }) => {
      const name = `matrix-created-${uniqueSuffix()}`;
      return {
        fields: { name, kind: "FALCOSIDEKICK", defaultCluster: "prod-eu", minIncidentPriority: "WARNING" },
        happened: async () => (await db.query(`SELECT 1 FROM "DetectionSource" WHERE "name" = $1`, [name])).rowCount === 1,
      };
    },
  },
  "app/(portal)/sources/actions.ts#updateDetectionSourceAction": {
    expect: SOURCES_MANAGE,
    scenario: async ({ db }) => {
      const source = await insertSource(db);
      const name = `${source.name}-renamed`;
      return {
        fields: { id: source.id, version: "0", name, defaultCluster: "", minIncidentPriority: "ERROR" },
        happened: async () => (await sourceOf(db, source.id)).name === name,
      };
    },
  },
  "app/(portal)/sources/actions.ts#rotateDetectionSourceTokenAction": {
    expect: SOURCES_MANAGE,
    scenario: async ({ db }) => {
      const source = await insertSource(db);
      return {
        fields: { id: source.id, version: "0" },
        happened: async () => (await sourceOf(db, source.id)).tokenHash !== source.tokenHash,
      };
    },
  },
  "app/(portal)/sources/actions.ts#revokeDetectionSourceAction": {
    expect: SOURCES_MANAGE,
    scenario: async ({ db }) => {
      const source = await insertSource(db);
      return { fields: { id: source.id, version: "0" }, happened: async () => (await sourceOf(db, source.id)).revokedAt !== null };
    },
  },
  "app/(portal)/incidents/[key]/actions.ts#transitionIncidentAction": {
    expect: INCIDENTS_ACT,
    scenario: async ({ db }) => {
      const incident = await insertIncident(db);
      return {
        page: `/incidents/${incident.key}`,
        fields: { key: incident.key, version: "0", to: "TRIAGED", note: "" },
        happened: async () => (await incidentOf(db, incident.id)).status === "TRIAGED",
      };
    },
  },
  "app/(portal)/incidents/[key]/actions.ts#assignCommanderAction": {
    expect: INCIDENTS_ACT,
    scenario: async ({ db }) => {
      const incident = await insertIncident(db);
      const commander = await insertUser(db, { role: "RESPONDER" });
      return {
        page: `/incidents/${incident.key}`,
        fields: { key: incident.key, version: "0", commanderId: commander.id },
        happened: async () => (await incidentOf(db, incident.id)).commanderId === commander.id,
      };
    },
  },
  "app/(portal)/incidents/[key]/actions.ts#addIncidentNoteAction": {
    expect: INCIDENTS_ACT,
    scenario: async ({ db }) => {
      const incident = await insertIncident(db);
      return {
        page: `/incidents/${incident.key}`,
        fields: { key: incident.key, note: "Noted by the matrix" },
        happened: async () =>
          (await db.query(`SELECT 1 FROM "TimelineEntry" WHERE "incidentId" = $1 AND "kind" = 'NOTE'`, [incident.id])).rowCount === 1,
      };
    },
  },
};
