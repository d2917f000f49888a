// The authorization matrix's rows for signing in and out, accounts, users and the audit record (run by matrix.spec.ts).
import { hashPassword, insertUser, uniqueSuffix } from "../fixtures";
import { type ActionRows, AUDIT_READ, auditedAs, latestReceipt, one, PUBLIC, SIGNED_IN, userOf, USERS_MANAGE } from "./matrix-support";

export const ACCOUNT_ACTIONS: ActionRows = {
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
};
