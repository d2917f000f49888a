// The authorization matrix (STYLE.md: a table in code with a count assertion). Every server action
// and every page / route handler of the build, for every role and for someone not signed in,
// called over HTTP the way a browser calls it. Actions get valid input, so that the DAL's
// authorization is what decides, and the database is checked for what did or did not change.
// The guards at the end fail when the build has an action or a route that the tables lack (or the
// tables name one the build no longer has): a new action cannot ship without a row here.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import type pg from "pg";
import { expect, hashPassword, insertUser, signInWithRequest, test, uniqueSuffix, type Role } from "../fixtures";
import {
  escalationPolicy,
  insertCluster,
  insertContact,
  insertDraft,
  insertNamespace,
  namespaceList,
  ownershipCount,
  planRole,
  removeDrafts,
  revision,
} from "./plan-data";
import { insertSource, sourceOf } from "./detection-data";
import { insertPlaybook, playbookRow, stepCount, stepRow, versionRow } from "./playbook-data";
import { insertRun, runStatus, runStepRow } from "./run-data";
import { columnOf, countWhere, insertActionItem, insertExercise, insertFinding } from "./exercise-data";

type Who = Role | "anonymous";
const EVERYONE: readonly Who[] = ["ADMIN", "IR_MANAGER", "RESPONDER", "AUDITOR", "anonymous"];

/**
 * allowed: it does its work. denied: the DAL's refusal, nothing changes, the refusal is audited.
 * login: sent back to sign-in, nothing changes. public: works for anyone (signing in and out).
 * opens: does its work and navigates to what it made (a new playbook, draft or run).
 */
type ActionOutcome = "allowed" | "opens" | "denied" | "login" | "public";
/** An HTTP status, "login" (a redirect to /login) or "home" (a redirect to /). */
type RouteOutcome = 200 | 401 | 404 | 405 | "login" | "home";

// Who may do what, written out here rather than read from lib/domain/roles.ts, so that a change
// there shows up as a failure here.
const PUBLIC = { ADMIN: "public", IR_MANAGER: "public", RESPONDER: "public", AUDITOR: "public", anonymous: "public" } as const;
const SIGNED_IN = { ADMIN: "public", IR_MANAGER: "public", RESPONDER: "public", AUDITOR: "public", anonymous: "login" } as const;
const AUDIT_READ = { ADMIN: "allowed", IR_MANAGER: "allowed", RESPONDER: "denied", AUDITOR: "allowed", anonymous: "login" } as const;
const USERS_MANAGE = { ADMIN: "allowed", IR_MANAGER: "denied", RESPONDER: "denied", AUDITOR: "denied", anonymous: "login" } as const;
const PLAN_EDIT = { ADMIN: "denied", IR_MANAGER: "allowed", RESPONDER: "denied", AUDITOR: "denied", anonymous: "login" } as const;
const SOURCES_MANAGE = { ADMIN: "denied", IR_MANAGER: "allowed", RESPONDER: "denied", AUDITOR: "denied", anonymous: "login" } as const;
const PLAYBOOKS_EDIT = SOURCES_MANAGE;
const PLAYBOOKS_OPEN = { ...PLAYBOOKS_EDIT, IR_MANAGER: "opens" } as const;
const RUNS_ACT = { ADMIN: "denied", IR_MANAGER: "allowed", RESPONDER: "allowed", AUDITOR: "denied", anonymous: "login" } as const;
const RUNS_OPEN = { ...RUNS_ACT, IR_MANAGER: "opens", RESPONDER: "opens" } as const;
const EXERCISES_EDIT = PLAN_EDIT;
const EXERCISES_OPEN = { ...EXERCISES_EDIT, IR_MANAGER: "opens" } as const;
const INCIDENTS_ACT = { ADMIN: "denied", IR_MANAGER: "allowed", RESPONDER: "allowed", AUDITOR: "denied", anonymous: "login" } as const;

const PAGE_FOR_ALL = { ADMIN: 200, IR_MANAGER: 200, RESPONDER: 200, AUDITOR: 200, anonymous: "login" } as const;
const PAGE_FOR_AUDIT_READ = { ADMIN: 200, IR_MANAGER: 200, RESPONDER: 404, AUDITOR: 200, anonymous: "login" } as const;
const PAGE_FOR_USERS_MANAGE = { ADMIN: 200, IR_MANAGER: 404, RESPONDER: 404, AUDITOR: 404, anonymous: "login" } as const;
const PAGE_FOR_PLAYBOOKS_EDIT = { ADMIN: 404, IR_MANAGER: 200, RESPONDER: 404, AUDITOR: 404, anonymous: "login" } as const;
const PAGE_FOR_PLAN_EDIT = { ADMIN: 404, IR_MANAGER: 200, RESPONDER: 404, AUDITOR: 404, anonymous: "login" } as const;
const PAGE_FOR_EXERCISES_EDIT = PAGE_FOR_PLAN_EDIT;
const API_FOR_ALL = { ADMIN: 200, IR_MANAGER: 200, RESPONDER: 200, AUDITOR: 200, anonymous: 401 } as const;
const API_FOR_AUDIT_READ = { ADMIN: 200, IR_MANAGER: 200, RESPONDER: 404, AUDITOR: 200, anonymous: 401 } as const;
/** exercises.export: auditors, managers and admins; responders read exercises on the pages only. */
const API_FOR_EXERCISES_EXPORT = { ADMIN: 200, IR_MANAGER: 200, RESPONDER: 404, AUDITOR: 200, anonymous: 401 } as const;
const OPEN = { ADMIN: 200, IR_MANAGER: 200, RESPONDER: 200, AUDITOR: 200, anonymous: 200 } as const;
const SIGN_IN_PAGE = { ADMIN: "home", IR_MANAGER: "home", RESPONDER: "home", AUDITOR: "home", anonymous: 200 } as const;

/** A valid step form (phase, title, instructions with known placeholders, minutes). */
const STEP = {
  phase: "CONTAINMENT",
  title: "Isolate the pod",
  instructions: "Apply a deny-all NetworkPolicy in {{namespace}}.",
  responsibleRole: "",
  evidenceExpected: "",
  expectedMinutes: "10",
};

/**
 * Valid input for one call, and a probe of whether the call's effect happened (none for an action
 * that only reads: its response is what tells).
 */
type Scenario = {
  fields: Record<string, string | string[]>;
  happened?: () => Promise<boolean>;
  /** The page to post from, for actions that live only on a page with parameters (the build names just its pattern). */
  page?: string;
};
type ScenarioContext = { db: pg.Pool; actorId: string | null };

const ACTIONS: Record<string, { expect: Record<Who, ActionOutcome>; scenario: (c: ScenarioContext) => Promise<Scenario> }> = {
  "app/(auth)/login/actions.ts#signInAction": {
    expect: PUBLIC,
    scenario: async ({ db }) => {
      const someone = await insertUser(db, { role: "RESPONDER" });
      return {
        fields: { email: someone.email, password: someone.password, callbackUrl: "/" },
        happened: async () => (await one(db, `SELECT "lastSignInAt" FROM "User" WHERE "id" = $1`, [someone.id])).lastSignInAt !== null,
      };
    },
  },
  "app/(portal)/actions.ts#signOutAction": {
    expect: SIGNED_IN,
    scenario: async ({ db, actorId }) => auditedAs(db, actorId, "auth.sign_out", {}),
  },
  "app/(portal)/audit/actions.ts#verifyAuditChainAction": {
    expect: AUDIT_READ,
    scenario: async ({ db, actorId }) => auditedAs(db, actorId, "audit.verify_chain", {}),
  },
  "app/(portal)/audit/actions.ts#verifyAuditReceiptAction": {
    expect: AUDIT_READ,
    scenario: async ({ db, actorId }) =>
      auditedAs(db, actorId, "audit.verify_receipt", { receipt: JSON.stringify(await latestReceipt(db)) }),
  },

  "app/(portal)/users/actions.ts#createUserAction": {
    expect: USERS_MANAGE,
    scenario: async ({ db }) => {
      const email = `matrix-user-${uniqueSuffix()}@e2e.test`;
      return {
        fields: { email, name: "Matrix Created", role: "RESPONDER", password: "a-long-enough-password" },
        happened: async () => (await db.query(`SELECT 1 FROM "User" WHERE "email" = $1`, [email])).rowCount === 1,
      };
    },
  },
  "app/(portal)/users/actions.ts#changeUserRoleAction": {
    expect: USERS_MANAGE,
    scenario: async ({ db }) => {
      const target = await insertUser(db, { role: "RESPONDER" });
      return {
        fields: { id: target.id, version: "0", role: "AUDITOR" },
        happened: async () => (await userOf(db, target.id)).role === "AUDITOR",
      };
    },
  },
  "app/(portal)/users/actions.ts#setUserActiveAction": {
    expect: USERS_MANAGE,
    scenario: async ({ db }) => {
      const target = await insertUser(db, { role: "RESPONDER" });
      return { fields: { id: target.id, version: "0", active: "false" }, happened: async () => !(await userOf(db, target.id)).active };
    },
  },
  "app/(portal)/users/actions.ts#resetUserPasswordAction": {
    expect: USERS_MANAGE,
    scenario: async ({ db }) => {
      const target = await insertUser(db, { role: "RESPONDER" });
      return {
        fields: { id: target.id, version: "0", password: "a-brand-new-password" },
        happened: async () => (await userOf(db, target.id)).sessionEpoch === 1,
      };
    },
  },

  // ── accounts and sessions (issue 10: own password change, ending a user's sessions) ──
  "app/(portal)/account/actions.ts#changeOwnPasswordAction": {
    // Everyone signed in changes their own password; it ends their sessions and signs them in again.
    expect: SIGNED_IN,
    scenario: async ({ db, actorId }) => {
      const next = `matrix-new-password-${uniqueSuffix()}`;
      if (!actorId) return { fields: { currentPassword: "not-known-here", newPassword: next, confirmPassword: next } };
      const current = `matrix-current-password-${uniqueSuffix()}`;
      await db.query(`UPDATE "User" SET "passwordHash" = $1 WHERE "id" = $2`, [await hashPassword(current), actorId]);
      return {
        fields: { currentPassword: current, newPassword: next, confirmPassword: next },
        happened: async () => (await userOf(db, actorId)).sessionEpoch === 1,
      };
    },
  },
  "app/(portal)/users/actions.ts#endUserSessionsAction": {
    expect: USERS_MANAGE,
    scenario: async ({ db }) => {
      const target = await insertUser(db, { role: "RESPONDER" });
      return { fields: { id: target.id, version: "0" }, happened: async () => (await userOf(db, target.id)).sessionEpoch === 1 };
    },
  },

  "app/(portal)/plan/contacts/actions.ts#createContactAction": {
    expect: PLAN_EDIT,
    scenario: async ({ db }) => {
      const email = `matrix-new-contact-${uniqueSuffix()}@e2e.test`;
      return {
        fields: { name: "Matrix New Contact", email, phone: "", team: "", title: "", notes: "", userId: "" },
        happened: async () => (await db.query(`SELECT 1 FROM "Contact" WHERE "email" = $1`, [email])).rowCount === 1,
      };
    },
  },
  "app/(portal)/plan/contacts/actions.ts#updateContactAction": {
    expect: PLAN_EDIT,
    scenario: async ({ db }) => {
      const contact = await insertContact(db);
      return {
        fields: {
          id: contact.id,
          version: "0",
          name: "Renamed By Matrix",
          email: contact.email,
          phone: "",
          team: "",
          title: "",
          notes: "",
          userId: "",
        },
        happened: async () => (await contactOf(db, contact.id)).name === "Renamed By Matrix",
      };
    },
  },
  "app/(portal)/plan/contacts/actions.ts#setContactActiveAction": {
    expect: PLAN_EDIT,
    scenario: async ({ db }) => {
      const contact = await insertContact(db);
      return { fields: { id: contact.id, version: "0", active: "false" }, happened: async () => !(await contactOf(db, contact.id)).active };
    },
  },
  "app/(portal)/plan/contacts/actions.ts#markContactReviewedAction": {
    expect: PLAN_EDIT,
    scenario: async ({ db }) => {
      const contact = await insertContact(db);
      return { fields: { id: contact.id, version: "0" }, happened: async () => (await contactOf(db, contact.id)).lastReviewedAt !== null };
    },
  },

  "app/(portal)/plan/platform/actions.ts#createClusterAction": {
    expect: PLAN_EDIT,
    scenario: async ({ db }) => {
      const [primary, secondary, security] = [await insertContact(db), await insertContact(db), await insertContact(db)];
      const name = `matrix-new-${uniqueSuffix()}`;
      return {
        fields: { name, ...CLUSTER_DETAILS, primary: primary.id, secondary: secondary.id, security: security.id },
        happened: async () => (await db.query(`SELECT 1 FROM "Cluster" WHERE "name" = $1`, [name])).rowCount === 1,
      };
    },
  },
  "app/(portal)/plan/platform/actions.ts#updateClusterAction": {
    expect: PLAN_EDIT,
    scenario: async ({ db }) => {
      const cluster = await insertCluster(db, { owners: true });
      return {
        fields: { id: cluster.id, version: "0", ...CLUSTER_DETAILS, description: "Updated by the matrix" },
        happened: async () =>
          (await one(db, `SELECT "description" FROM "Cluster" WHERE "id" = $1`, [cluster.id])).description === "Updated by the matrix",
      };
    },
  },
  "app/(portal)/plan/platform/actions.ts#addNamespaceAction": {
    expect: PLAN_EDIT,
    scenario: async ({ db }) => {
      const cluster = await insertCluster(db, { owners: true });
      return {
        fields: { clusterId: cluster.id, name: "matrix-added" },
        happened: async () => (await namespaceNames(db, cluster.id)).includes("matrix-added"),
      };
    },
  },
  "app/(portal)/plan/platform/actions.ts#addWorkloadAction": {
    expect: PLAN_EDIT,
    scenario: async ({ db }) => {
      const namespace = await insertNamespace(db);
      return {
        fields: { namespaceId: namespace.id, name: "matrix-api", kind: "DEPLOYMENT" },
        happened: async () => (await db.query(`SELECT 1 FROM "Workload" WHERE "namespaceId" = $1`, [namespace.id])).rowCount === 1,
      };
    },
  },
  "app/(portal)/plan/platform/actions.ts#setScopeOwnersAction": {
    expect: PLAN_EDIT,
    scenario: async ({ db }) => {
      const cluster = await insertCluster(db);
      const [primary, secondary, security] = [await insertContact(db), await insertContact(db), await insertContact(db)];
      return {
        fields: {
          scopeType: "cluster",
          scopeId: cluster.id,
          version: "0",
          primary: primary.id,
          secondary: secondary.id,
          security: security.id,
        },
        happened: async () => (await ownershipCount(db, "clusterId", cluster.id)) === 3,
      };
    },
  },
  "app/(portal)/plan/platform/actions.ts#clearScopeOwnersAction": {
    expect: PLAN_EDIT,
    scenario: async ({ db }) => {
      const namespace = await insertNamespace(db, { owners: true });
      return {
        fields: { scopeType: "namespace", scopeId: namespace.id, version: "0" },
        happened: async () => (await ownershipCount(db, "namespaceId", namespace.id)) === 0,
      };
    },
  },
  "app/(portal)/plan/platform/actions.ts#previewNamespaceImportAction": {
    expect: PLAN_EDIT,
    scenario: async ({ db }) => {
      const cluster = await insertCluster(db, { owners: true });
      return { fields: { clusterId: cluster.id, json: namespaceList("matrix-imported"), digest: "" } };
    },
  },
  "app/(portal)/plan/platform/actions.ts#applyNamespaceImportAction": {
    expect: PLAN_EDIT,
    scenario: async ({ db }) => {
      const cluster = await insertCluster(db, { owners: true });
      return {
        fields: { clusterId: cluster.id, json: namespaceList("matrix-imported"), digest: "" },
        happened: async () => (await namespaceNames(db, cluster.id)).includes("matrix-imported"),
      };
    },
  },

  "app/(portal)/plan/revisions/actions.ts#startDraftAction": {
    expect: PLAN_EDIT,
    scenario: async ({ db }) => {
      await removeDrafts(db);
      return { fields: {}, happened: async () => (await db.query(`SELECT 1 FROM "PlanRevision" WHERE "status" = 'DRAFT'`)).rowCount === 1 };
    },
  },
  "app/(portal)/plan/revisions/actions.ts#saveDraftAction": {
    expect: PLAN_EDIT,
    scenario: async ({ db }) => {
      const draft = await insertDraft(db);
      return {
        fields: { id: draft.id, version: "0", scope: `Scope, edited by the matrix ${uniqueSuffix()}` },
        happened: async () => (await revision(db, draft.id))?.version === 1,
      };
    },
  },
  "app/(portal)/plan/revisions/actions.ts#publishDraftAction": {
    expect: PLAN_EDIT,
    scenario: async ({ db }) => {
      const draft = await insertDraft(db);
      return {
        fields: { id: draft.id, version: "0", changeNote: "Published by the authorization matrix" },
        happened: async () => (await revision(db, draft.id))?.status === "PUBLISHED",
      };
    },
  },
  "app/(portal)/plan/revisions/actions.ts#discardDraftAction": {
    expect: PLAN_EDIT,
    scenario: async ({ db }) => {
      const draft = await insertDraft(db);
      return { fields: { id: draft.id, version: "0" }, happened: async () => (await revision(db, draft.id))?.status === "DISCARDED" };
    },
  },

  "app/(portal)/plan/roles/actions.ts#setPlanRoleMembersAction": {
    expect: PLAN_EDIT,
    scenario: async ({ db }) => {
      // The members it has now, posted back: the seeded plan keeps its people, the version moves.
      const before = await planRole(db, "LEGAL");
      return {
        fields: { kind: "LEGAL", version: String(before.version), contactId: before.contactIds },
        happened: async () => (await planRole(db, "LEGAL")).version > before.version,
      };
    },
  },
  "app/(portal)/plan/roles/actions.ts#replaceEscalationTiersAction": {
    expect: PLAN_EDIT,
    scenario: async ({ db }) => {
      const before = await escalationPolicy(db, "SEV4");
      return {
        fields: {
          severity: "SEV4",
          version: String(before.version),
          name: before.name,
          description: before.description,
          tiers: JSON.stringify(before.tiers),
        },
        happened: async () => (await escalationPolicy(db, "SEV4")).version > before.version,
      };
    },
  },

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

const CLUSTER_DETAILS = { provider: "GKE", runtime: "CONTAINERD", environment: "STAGING", criticality: "LOW", description: "" };

/** Every page and route handler, by its path in the build. `get` gives the URLs to request when the route is a pattern or needs a query. */
const ROUTES: Record<string, { get?: (db: pg.Pool) => Promise<string[]>; expect: Record<Who, RouteOutcome> }> = {
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
  "/api/incidents": { get: async () => ["/api/incidents", "/api/incidents?status=OPEN&status=TRIAGED&severity=SEV1"], expect: API_FOR_ALL },
  // Machines post alerts with a detection source's bearer token, never a session: a session gets
  // nothing here (POST's token checks are in app/api/ingest/falco/route.integration.test.ts).
  "/api/ingest/falco": { expect: { ADMIN: 405, IR_MANAGER: 405, RESPONDER: 405, AUDITOR: 405, anonymous: 405 } },
};

/** Next's own not-found and error renderers: in the build's route list, but not routes of this app. */
const FRAMEWORK_ROUTES = ["/_not-found", "/_global-error"];

// ───────────────────────────── the build ─────────────────────────────

const nextDir = path.resolve(import.meta.dirname, "../../.next");
const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(nextDir, file), "utf8")) as T;

type ActionManifest = { node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }> };

/** The build's server actions, as `<file>#<export>` → id and the path of a page that hosts it (one without parameters where there is one). */
function buildActions(): Map<string, { id: string; page: string }> {
  const routeOf = readJson<Record<string, string>>("app-path-routes-manifest.json");
  const actions = new Map<string, { id: string; page: string }>();
  for (const [id, entry] of Object.entries(readJson<ActionManifest>("server/server-reference-manifest.json").node)) {
    // Workers are keyed like "app/(portal)/users/page"; the routes manifest maps "/(portal)/users/page" to "/users".
    const pages = Object.keys(entry.workers).map((worker) => routeOf[worker.replace(/^app/, "")]!);
    actions.set(`${entry.filename}#${entry.exportedName}`, { id, page: pages.find((p) => !p.includes("[")) ?? pages[0]! });
  }
  return actions;
}

/** The build's pages and route handlers, by URL path. */
const buildRoutes = () => Object.values(readJson<Record<string, string>>("app-path-routes-manifest.json"));

// ───────────────────────────── HTTP and the database ─────────────────────────────

const { encodeReply } = createRequire(import.meta.url)("next/dist/compiled/react-server-dom-turbopack/client.node.js") as {
  encodeReply: (value: unknown) => Promise<FormData | string>;
};

const PERMISSION_DENIED = "You do not have permission to do that.";
/** Passes proxy.ts's "has a session cookie" check, so the app's own check is the one exercised. */
const FORGED_SESSION = "authjs.session-token=not-a-valid-token";

/** What React sends for `<form action={formAction}>` with useActionState: [previousState, formData]. */
async function callAction(baseURL: string, page: string, id: string, fields: Scenario["fields"], cookie?: string) {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) formData.append(name, one);
  const response = await fetch(new URL(page, baseURL), {
    method: "POST",
    redirect: "manual",
    headers: { "Next-Action": id, Accept: "text/x-component", Origin: new URL(baseURL).origin, ...(cookie ? { Cookie: cookie } : {}) },
    body: await encodeReply([null, formData]),
  });
  return { response, body: await response.text() };
}

/** Where the response sends the browser (path and query), whether by HTTP redirect or by Next's action redirect. */
function redirectTarget(response: Response): string | null {
  const actionRedirect = response.headers.get("x-action-redirect"); // "<url>;<push|replace>"
  const target = actionRedirect
    ? actionRedirect.split(";")[0]!
    : response.status >= 300 && response.status < 400
      ? response.headers.get("location")
      : null;
  if (target === null) return null;
  const url = new URL(target, response.url);
  return `${url.pathname}${url.search}`;
}

/** The one row a query returns. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of ad-hoc queries, read by column name
async function one(db: pg.Pool, sql: string, values: unknown[]): Promise<Record<string, any>> {
  const { rows } = await db.query(sql, values);
  expect(rows, sql).toHaveLength(1);
  return rows[0];
}

const userOf = (db: pg.Pool, id: string) => one(db, `SELECT "role", "active", "sessionEpoch" FROM "User" WHERE "id" = $1`, [id]);
const incidentOf = (db: pg.Pool, id: string) => one(db, `SELECT "status", "commanderId" FROM "Incident" WHERE "id" = $1`, [id]);

/** A fresh OPEN incident at version 0, as ingest would open it (the seed's incidents are further along). */
async function insertIncident(db: pg.Pool): Promise<{ id: string; key: string }> {
  const id = `matrix-incident-${uniqueSuffix()}`;
  const row = await one(
    db,
    `INSERT INTO "Incident" ("id", "title", "type", "severity", "status", "updatedAt") VALUES ($1, 'Matrix incident', 'OTHER', 'SEV3', 'OPEN', now()) RETURNING "number"`,
    [id],
  );
  return { id, key: `INC-${String(row.number).padStart(4, "0")}` };
}

const contactOf = (db: pg.Pool, id: string) => one(db, `SELECT "name", "active", "lastReviewedAt" FROM "Contact" WHERE "id" = $1`, [id]);

async function namespaceNames(db: pg.Pool, clusterId: string): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(`SELECT "name" FROM "Namespace" WHERE "clusterId" = $1`, [clusterId]);
  return rows.map((r) => r.name);
}

/** For actions whose only trace is their audit event: did `actorId` get an `action` event after this point? */
async function auditedAs(db: pg.Pool, actorId: string | null, action: string, fields: Scenario["fields"]): Promise<Scenario> {
  const since = await lastAuditSeq(db);
  return { fields, happened: async () => (await auditSince(db, since, actorId)).some((e) => e.action === action) };
}

/**
 * A receipt of the newest signed checkpoint, as GET /api/audit/receipt hands them out. Every
 * instance signs the head at start and within 15 s of new events when none is signed yet
 * (lib/dal/audit-checkpoints.ts), so one appears shortly after the first sign-in.
 */
async function latestReceipt(db: pg.Pool): Promise<Record<string, string>> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const { rows } = await db.query<Record<string, string>>(
      `SELECT 'bulkhead.audit-receipt/v1' AS "format", "seq"::text AS "seq", "hash", to_char("at", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "at", "keyId", "signature"
         FROM "AuditCheckpoint" ORDER BY "seq" DESC LIMIT 1`,
    );
    if (rows[0]) return rows[0];
    expect(Date.now(), "a signed checkpoint appears").toBeLessThan(deadline);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function lastAuditSeq(db: pg.Pool): Promise<string> {
  const { rows } = await db.query<{ seq: string }>(`SELECT coalesce(max("seq"), 0)::text AS "seq" FROM "AuditEvent"`);
  return rows[0]!.seq;
}

async function auditSince(db: pg.Pool, seq: string, actorId: string | null) {
  const { rows } = await db.query<{ action: string; outcome: string }>(
    `SELECT "action", "outcome" FROM "AuditEvent" WHERE "seq" > $1::bigint AND "actorId" IS NOT DISTINCT FROM $2 ORDER BY "seq"`,
    [seq, actorId],
  );
  return rows;
}

/** A fresh user of the role, signed in on a fresh request context: their cookie header and id. */
async function signedIn(who: Who, db: pg.Pool, request: APIRequestContext): Promise<{ cookie?: string; actorId: string | null }> {
  try {
    if (who === "anonymous") return { actorId: null };
    const actor = await insertUser(db, { role: who });
    return { cookie: await signInWithRequest(request, actor.email, actor.password), actorId: actor.id };
  } finally {
    await request.dispose();
  }
}

// ───────────────────────────── the tests ─────────────────────────────

test.describe("server actions", () => {
  for (const [action, row] of Object.entries(ACTIONS)) {
    for (const who of EVERYONE) {
      test(`${action} as ${who}: ${row.expect[who]}`, async ({ db, playwright, baseURL }) => {
        const built = buildActions().get(action);
        expect(built, `${action} is in the build`).toBeDefined();
        const { id, page } = built!;

        const { cookie, actorId } = await signedIn(who, db, await playwright.request.newContext({ baseURL }));

        const outcome = row.expect[who];
        if (outcome === "login") {
          // Without a cookie proxy.ts turns the request away; with one it cannot verify, the action's own check does.
          for (const sent of [undefined, FORGED_SESSION]) {
            const scenario = await row.scenario({ db, actorId });
            const { response, body } = await callAction(baseURL!, scenario.page ?? page, id, scenario.fields, sent);
            expect(redirectTarget(response), `${sent ? "forged" : "no"} cookie: sent to sign-in`).toMatch(/^\/login(\?|$)/);
            expect(body).not.toContain('"ok":true');
            if (scenario.happened) expect(await scenario.happened(), "nothing changed").toBe(false);
          }
          return;
        }

        const since = await lastAuditSeq(db);
        const scenario = await row.scenario({ db, actorId });
        const { response, body } = await callAction(baseURL!, scenario.page ?? page, id, scenario.fields, cookie);
        if (outcome === "denied") {
          expect(response.status).toBe(200);
          expect(body).toContain(PERMISSION_DENIED);
          if (scenario.happened) expect(await scenario.happened(), "nothing changed").toBe(false);
          expect(await auditSince(db, since, actorId), "the refusal is audited").toContainEqual(
            expect.objectContaining({ outcome: "DENIED" }),
          );
          return;
        }
        expect(body).not.toContain(PERMISSION_DENIED);
        if (outcome === "allowed") {
          expect(response.status).toBe(200);
          expect(redirectTarget(response), "not sent anywhere").toBeNull();
          expect(body).toContain('"ok":true');
        }
        if (outcome === "opens") expect(redirectTarget(response), "opens what it made").toMatch(/^\/(playbooks|runs|exercises)\/[^/]+/);
        if (scenario.happened) expect(await scenario.happened(), "the action did its work").toBe(true);
      });
    }
  }
});

test.describe("pages and route handlers", () => {
  for (const [route, row] of Object.entries(ROUTES)) {
    for (const who of EVERYONE) {
      test(`GET ${route} as ${who}: ${row.expect[who]}`, async ({ db, playwright, baseURL }) => {
        const { cookie: session } = await signedIn(who, db, await playwright.request.newContext({ baseURL }));
        const cookies = who === "anonymous" ? [undefined, FORGED_SESSION] : [session];

        const expected = row.expect[who];
        for (const url of row.get ? await row.get(db) : [route]) {
          for (const cookie of cookies) {
            const response = await fetch(new URL(url, baseURL), { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });
            const what = `GET ${url} with ${cookie === FORGED_SESSION ? "a forged" : cookie ? "the session" : "no"} cookie`;
            if (expected === "login") {
              expect(response.status, what).toBe(307);
              expect(redirectTarget(response), what).toMatch(/^\/login(\?|$)/);
            } else if (expected === "home") {
              expect(response.status, what).toBe(307);
              expect(redirectTarget(response), what).toBe("/");
            } else {
              expect(response.status, what).toBe(expected);
            }
            await response.body?.cancel();
          }
        }
      });
    }
  }
});

test.describe("guards", () => {
  test("every server action in the build has a row, and every row is in the build", () => {
    const built = [...buildActions().keys()];
    expect(built.length, "the build has server actions").toBeGreaterThan(0);
    expect(
      built.filter((a) => !(a in ACTIONS)),
      "server actions with no row in ACTIONS: add one for each",
    ).toEqual([]);
    expect(
      Object.keys(ACTIONS).filter((a) => !built.includes(a)),
      "rows in ACTIONS the build does not have: remove them",
    ).toEqual([]);
  });

  test("every page and route handler in the build has a row, and every row is in the build", () => {
    const built = buildRoutes().filter((route) => !FRAMEWORK_ROUTES.includes(route));
    expect(built.length, "the build has routes").toBeGreaterThan(0);
    expect(
      built.filter((r) => !(r in ROUTES)),
      "pages and route handlers with no row in ROUTES: add one for each",
    ).toEqual([]);
    expect(
      Object.keys(ROUTES).filter((r) => !built.includes(r)),
      "rows in ROUTES the build does not have: remove them",
    ).toEqual([]);
  });
});
