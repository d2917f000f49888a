// The authorization matrix's rows for the plan: contacts, platform and owners, roles and escalation, revisions (run by matrix.spec.ts).
import { uniqueSuffix } from "../fixtures";
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
import { type ActionRows, contactOf, namespaceNames, one, PLAN_EDIT } from "./matrix-support";

/** A valid cluster form's details. */
const CLUSTER_DETAILS = { provider: "GKE", runtime: "CONTAINERD", environment: "STAGING", criticality: "LOW", description: "" };

export const PLAN_ACTIONS: ActionRows = {
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
};
