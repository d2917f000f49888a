// The authorization matrix's rows for evidence and its chain of custody (run by matrix.spec.ts).
import { custodyActions, insertEvidence } from "./evidence-data";
import { type ActionRows, insertIncident, one, RUNS_ACT } from "./matrix-support";

/** evidence.add and evidence.custody: responders and IR managers; auditors and admins read. */
const EVIDENCE_ADD = RUNS_ACT;
/** evidence.verify: auditors too (a verification adds a VERIFIED event, nothing else); not admins. */
const EVIDENCE_VERIFY = { ADMIN: "denied", IR_MANAGER: "allowed", RESPONDER: "allowed", AUDITOR: "allowed", anonymous: "login" } as const;

const PAGE = (key: string) => `/incidents/${key}/evidence`;
const count = async (db: Parameters<typeof one>[0], incidentId: string, kind: string) =>
  Number(
    (await one(db, `SELECT count(*) AS "n" FROM "Evidence" WHERE "incidentId" = $1 AND "kind" = $2::"EvidenceKind"`, [incidentId, kind])).n,
  );

export const EVIDENCE_ACTIONS: ActionRows = {
  "app/(portal)/incidents/[key]/evidence/actions.ts#registerExternalEvidenceAction": {
    expect: EVIDENCE_ADD,
    scenario: async ({ db }) => {
      const incident = await insertIncident(db);
      return {
        page: PAGE(incident.key),
        fields: {
          incidentKey: incident.key,
          kind: "IMAGE",
          description: "The image by digest, copied with skopeo",
          storageLocation: `ghcr.io/acme/api@sha256:${"ab".repeat(32)}`,
          sha256: "ab".repeat(32),
        },
        happened: async () => (await count(db, incident.id, "IMAGE")) === 1,
      };
    },
  },
  "app/(portal)/incidents/[key]/evidence/actions.ts#sealAlertRecordAction": {
    expect: EVIDENCE_ADD,
    scenario: async ({ db }) => {
      // A fresh incident with one alert (a copy of a demo alert), so that every caller has something new to seal.
      const incident = await insertIncident(db);
      const alert = await one(db, `SELECT "id" FROM "Alert" ORDER BY "id" LIMIT 1`, []);
      await db.query(
        `INSERT INTO "Alert" ("id", "sourceId", "dedupKey", "eventTime", "rule", "priority", "output", "raw", "incidentId")
         SELECT $1, "sourceId", $1, now(), "rule", "priority", "output", "raw", $2 FROM "Alert" WHERE "id" = $3`,
        [`${incident.id}-alert`, incident.id, alert.id],
      );
      return {
        page: PAGE(incident.key),
        fields: { incidentKey: incident.key },
        happened: async () => (await count(db, incident.id, "ALERT_RECORD")) === 1,
      };
    },
  },
  "app/(portal)/incidents/[key]/evidence/actions.ts#recordCustodyEventAction": {
    expect: EVIDENCE_ADD,
    scenario: async ({ db }) => {
      const incident = await insertIncident(db);
      const item = await insertEvidence(db, incident.id, false);
      return {
        page: PAGE(incident.key),
        fields: { incidentKey: incident.key, evidenceId: item.id, action: "TRANSFERRED", toParty: "Legal (Mara Iyer)" },
        happened: async () => (await custodyActions(db, item.id)).includes("TRANSFERRED"),
      };
    },
  },
  "app/(portal)/incidents/[key]/evidence/actions.ts#verifyEvidenceAction": {
    expect: EVIDENCE_VERIFY,
    scenario: async ({ db }) => {
      const incident = await insertIncident(db);
      const item = await insertEvidence(db, incident.id);
      return {
        page: PAGE(incident.key),
        fields: { incidentKey: incident.key, evidenceId: item.id },
        happened: async () => (await custodyActions(db, item.id)).includes("VERIFIED"),
      };
    },
  },
  "app/(portal)/incidents/[key]/evidence/actions.ts#verifyIncidentEvidenceAction": {
    expect: EVIDENCE_VERIFY,
    scenario: async ({ db }) => {
      const incident = await insertIncident(db);
      const item = await insertEvidence(db, incident.id);
      return {
        page: PAGE(incident.key),
        fields: { incidentKey: incident.key },
        happened: async () => (await custodyActions(db, item.id)).includes("VERIFIED"),
      };
    },
  },
};
