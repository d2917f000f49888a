// The authorization matrix's rows for every page and route handler (run by matrix.spec.ts).
import { insertEvidence } from "./evidence-data";
import { insertCluster, insertContact } from "./plan-data";
import { insertPlaybook } from "./playbook-data";
import { insertRun } from "./run-data";
import {
  API_FOR_ALL,
  API_FOR_AUDIT_READ,
  API_FOR_EXERCISES_EXPORT,
  insertIncident,
  latestReceipt,
  one,
  OPEN,
  PAGE_FOR_ALL,
  PAGE_FOR_AUDIT_READ,
  PAGE_FOR_EXERCISES_EDIT,
  PAGE_FOR_PLAN_EDIT,
  PAGE_FOR_PLAYBOOKS_EDIT,
  PAGE_FOR_USERS_MANAGE,
  type RouteRow,
  SIGN_IN_PAGE,
} from "./matrix-support";

const EVIDENCE_BYTES = { ADMIN: 404, IR_MANAGER: 200, RESPONDER: 200, AUDITOR: 200, anonymous: 401 } as const;
const POST_ONLY = { ADMIN: 405, IR_MANAGER: 405, RESPONDER: 405, AUDITOR: 405, anonymous: 405 } as const;

/** Every page and route handler, by its path in the build. `get` gives the URLs to request when the route is a pattern or needs a query. */
export const ROUTES: Record<string, RouteRow> = {
  "/": { expect: PAGE_FOR_ALL },
  "/login": { expect: SIGN_IN_PAGE },
  "/plan": { expect: PAGE_FOR_ALL },
  "/plan/contacts": { expect: PAGE_FOR_ALL },
  "/plan/contacts/[id]": { get: async (db) => [`/plan/contacts/${(await insertContact(db)).id}`], expect: PAGE_FOR_ALL },
  "/plan/platform": { expect: PAGE_FOR_ALL },
  "/plan/platform/import": { expect: PAGE_FOR_PLAN_EDIT },
  "/plan/revisions": { expect: PAGE_FOR_ALL },
  "/plan/revisions/[number]": {
    get: async (db) => [
      `/plan/revisions/${(await one(db, `SELECT max("number") AS "n" FROM "PlanRevision" WHERE "status" = 'PUBLISHED'`, [])).n}`,
    ],
    expect: PAGE_FOR_ALL,
  },
  "/plan/roles": { expect: PAGE_FOR_ALL },
  "/print/plan": { expect: PAGE_FOR_ALL },
  "/incidents": { expect: PAGE_FOR_ALL },
  "/incidents/[key]": {
    get: async (db) => [`/incidents/INC-${String((await one(db, `SELECT min("number") AS "n" FROM "Incident"`, [])).n).padStart(4, "0")}`],
    expect: PAGE_FOR_ALL,
  },
  "/incidents/[key]/alerts/[alertId]": {
    get: async (db) => {
      const a = await one(
        db,
        `SELECT a."id", i."number" FROM "Alert" a JOIN "Incident" i ON i."id" = a."incidentId" ORDER BY i."number", a."id" LIMIT 1`,
        [],
      );
      return [`/incidents/INC-${String(a.number).padStart(4, "0")}/alerts/${a.id}`];
    },
    expect: PAGE_FOR_ALL,
  },
  "/playbooks": { expect: PAGE_FOR_ALL },
  "/playbooks/new": { expect: PAGE_FOR_PLAYBOOKS_EDIT },
  "/playbooks/import": { expect: PAGE_FOR_PLAYBOOKS_EDIT },
  "/playbooks/[id]": { get: async (db) => [`/playbooks/${(await insertPlaybook(db, "PUBLISHED")).id}`], expect: PAGE_FOR_ALL },
  "/playbooks/[id]/diff": {
    get: async (db) => [`/playbooks/${(await insertPlaybook(db, "PUBLISHED")).id}/diff?from=1&to=1`],
    expect: PAGE_FOR_ALL,
  },
  "/runs": { expect: PAGE_FOR_ALL },
  "/runs/[id]": { get: async (db) => [`/runs/${(await insertRun(db, (await insertIncident(db)).id)).id}`], expect: PAGE_FOR_ALL },
  "/sources": { expect: PAGE_FOR_ALL },
  "/exercises/new": { expect: PAGE_FOR_EXERCISES_EDIT },
  "/exercises": { get: async () => ["/exercises", "/exercises?kind=TABLETOP&status=COMPLETED&page=2"], expect: PAGE_FOR_ALL },
  "/exercises/history": {
    get: async () => ["/exercises/history", "/exercises/history?quarters=20", "/exercises/history?quarters=not-a-number"],
    expect: PAGE_FOR_ALL,
  },
  "/exercises/[id]": {
    get: async (db) => [`/exercises/${(await one(db, `SELECT "id" FROM "Exercise" ORDER BY "createdAt" LIMIT 1`, [])).id}`],
    expect: PAGE_FOR_ALL,
  },
  "/exercises/[id]/edit": {
    get: async (db) => [`/exercises/${(await one(db, `SELECT "id" FROM "Exercise" ORDER BY "createdAt" LIMIT 1`, [])).id}/edit`],
    expect: PAGE_FOR_EXERCISES_EDIT,
  },
  "/print/exercises/[id]": {
    get: async (db) => [`/print/exercises/${(await one(db, `SELECT "id" FROM "Exercise" ORDER BY "createdAt" LIMIT 1`, [])).id}`],
    expect: PAGE_FOR_ALL,
  },
  "/api/exercises/export": {
    get: async () => ["/api/exercises/export", "/api/exercises/export?format=csv&table=action-items"],
    expect: API_FOR_EXERCISES_EXPORT,
  },
  "/audit": { expect: PAGE_FOR_AUDIT_READ },
  "/users": { expect: PAGE_FOR_USERS_MANAGE },
  // ── accounts and sessions (issue 10) ──
  "/account": { expect: PAGE_FOR_ALL },
  "/change-password": { expect: PAGE_FOR_ALL },
  "/api/health": { expect: OPEN },
  // The audit record's machine routes (docs/decisions/012): receipt, verification (with and without a receipt), export.
  "/api/audit/receipt": { expect: API_FOR_AUDIT_READ },
  "/api/audit/verify": {
    get: async (db) => [
      "/api/audit/verify",
      `/api/audit/verify?receipt=${Buffer.from(JSON.stringify(await latestReceipt(db))).toString("base64url")}`,
    ],
    expect: API_FOR_AUDIT_READ,
  },
  "/api/audit/export": { expect: API_FOR_AUDIT_READ },
  "/api/auth/[...nextauth]": { get: async () => ["/api/auth/csrf", "/api/auth/session", "/api/auth/providers"], expect: OPEN },
  "/api/plan/export": { get: async () => ["/api/plan/export?format=md"], expect: API_FOR_ALL },
  "/api/plan/owners": {
    get: async (db) => [`/api/plan/owners?cluster=${(await insertCluster(db, { owners: true })).name}`],
    expect: API_FOR_ALL,
  },
  "/api/plan/readiness": { expect: API_FOR_ALL },
  "/api/incidents/events": { expect: API_FOR_ALL },
  "/api/runs/[id]/events": {
    get: async (db) => [`/api/runs/${(await insertRun(db, (await insertIncident(db)).id)).id}/events`],
    expect: API_FOR_ALL,
  },
  "/api/playbooks/[id]/cacao": {
    get: async (db) => {
      const { id } = await one(db, `SELECT "playbookId" AS "id" FROM "PlaybookVersion" WHERE "status" = 'PUBLISHED' LIMIT 1`, []);
      return [`/api/playbooks/${id}/cacao`, `/api/playbooks/${id}/cacao?version=1`];
    },
    expect: API_FOR_ALL,
  },
  "/incidents/[key]/evidence": { get: async (db) => [`/incidents/${(await insertIncident(db)).key}/evidence`], expect: PAGE_FOR_ALL },
  "/api/incidents/[key]/evidence": {
    get: async (db) => [`/api/incidents/${(await insertIncident(db)).key}/evidence`],
    expect: API_FOR_ALL,
  },
  "/api/incidents/[key]/collection": {
    get: async (db) => [`/api/incidents/${(await insertIncident(db)).key}/collection`],
    expect: API_FOR_ALL,
  },
  // The bytes of evidence: responders, managers and auditors (each download is a custody event); admins see the register only.
  "/api/evidence/[id]/download": {
    get: async (db) => [`/api/evidence/${(await insertEvidence(db, (await insertIncident(db)).id)).id}/download`],
    expect: EVIDENCE_BYTES,
  },
  "/api/incidents/[key]/forensics": {
    get: async (db) => {
      const incident = await insertIncident(db);
      await insertEvidence(db, incident.id);
      return [`/api/incidents/${incident.key}/forensics`];
    },
    expect: EVIDENCE_BYTES,
  },
  // POST only (verification changes the chain of custody); the POSTs are in e2e/evidence.spec.ts and the integration tests.
  "/api/evidence/[id]/verify": { get: async () => ["/api/evidence/x/verify"], expect: POST_ONLY },
  "/api/incidents/[key]/evidence/verify": { get: async () => ["/api/incidents/INC-0001/evidence/verify"], expect: POST_ONLY },
  "/api/incidents": { get: async () => ["/api/incidents", "/api/incidents?status=OPEN&status=TRIAGED&severity=SEV1"], expect: API_FOR_ALL },
  // Machines post alerts with a detection source's bearer token, never a session: a session gets
  // nothing here (POST's token checks are in app/api/ingest/falco/route.integration.test.ts).
  "/api/ingest/falco": { expect: { ADMIN: 405, IR_MANAGER: 405, RESPONDER: 405, AUDITOR: 405, anonymous: 405 } },
};

/** Next's own not-found and error renderers: in the build's route list, but not routes of this app. */
export const FRAMEWORK_ROUTES = ["/_not-found", "/_global-error"];
