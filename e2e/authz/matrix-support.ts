// What the authorization matrix's tables and runner share: who calls, what each outcome means,
// the expected outcomes per permission (written out, not read from lib/domain/roles.ts, so that a
// change there fails here), and the HTTP and database helpers the scenarios use.
import { createRequire } from "node:module";
import type { APIRequestContext } from "@playwright/test";
import type pg from "pg";
import { expect, insertUser, signInWithRequest, uniqueSuffix, type Role } from "../fixtures";

export type Who = Role | "anonymous";
export const EVERYONE: readonly Who[] = ["ADMIN", "IR_MANAGER", "RESPONDER", "AUDITOR", "anonymous"];

/**
 * allowed: it does its work. denied: the DAL's refusal, nothing changes, the refusal is audited.
 * login: sent back to sign-in, nothing changes. public: works for anyone (signing in and out).
 * opens: does its work and navigates to what it made (a new playbook, draft or run).
 */
export type ActionOutcome = "allowed" | "opens" | "denied" | "login" | "public";
/** An HTTP status, "login" (a redirect to /login) or "home" (a redirect to /). */
export type RouteOutcome = 200 | 401 | 404 | 405 | "login" | "home";

// Who may do what, written out here rather than read from lib/domain/roles.ts, so that a change
// there shows up as a failure here.
export const PUBLIC = { ADMIN: "public", IR_MANAGER: "public", RESPONDER: "public", AUDITOR: "public", anonymous: "public" } as const;
export const SIGNED_IN = { ADMIN: "public", IR_MANAGER: "public", RESPONDER: "public", AUDITOR: "public", anonymous: "login" } as const;
export const AUDIT_READ = { ADMIN: "allowed", IR_MANAGER: "allowed", RESPONDER: "denied", AUDITOR: "allowed", anonymous: "login" } as const;
export const USERS_MANAGE = { ADMIN: "allowed", IR_MANAGER: "denied", RESPONDER: "denied", AUDITOR: "denied", anonymous: "login" } as const;
export const PLAN_EDIT = { ADMIN: "denied", IR_MANAGER: "allowed", RESPONDER: "denied", AUDITOR: "denied", anonymous: "login" } as const;
export const SOURCES_MANAGE = {
  ADMIN: "denied",
  IR_MANAGER: "allowed",
  RESPONDER: "denied",
  AUDITOR: "denied",
  anonymous: "login",
} as const;
export const PLAYBOOKS_EDIT = SOURCES_MANAGE;
export const PLAYBOOKS_OPEN = { ...PLAYBOOKS_EDIT, IR_MANAGER: "opens" } as const;
export const RUNS_ACT = { ADMIN: "denied", IR_MANAGER: "allowed", RESPONDER: "allowed", AUDITOR: "denied", anonymous: "login" } as const;
export const RUNS_OPEN = { ...RUNS_ACT, IR_MANAGER: "opens", RESPONDER: "opens" } as const;
export const EXERCISES_EDIT = PLAN_EDIT;
export const EXERCISES_OPEN = { ...EXERCISES_EDIT, IR_MANAGER: "opens" } as const;
export const INCIDENTS_ACT = {
  ADMIN: "denied",
  IR_MANAGER: "allowed",
  RESPONDER: "allowed",
  AUDITOR: "denied",
  anonymous: "login",
} as const;

export const PAGE_FOR_ALL = { ADMIN: 200, IR_MANAGER: 200, RESPONDER: 200, AUDITOR: 200, anonymous: "login" } as const;
export const PAGE_FOR_AUDIT_READ = { ADMIN: 200, IR_MANAGER: 200, RESPONDER: 404, AUDITOR: 200, anonymous: "login" } as const;
export const PAGE_FOR_USERS_MANAGE = { ADMIN: 200, IR_MANAGER: 404, RESPONDER: 404, AUDITOR: 404, anonymous: "login" } as const;
export const PAGE_FOR_PLAYBOOKS_EDIT = { ADMIN: 404, IR_MANAGER: 200, RESPONDER: 404, AUDITOR: 404, anonymous: "login" } as const;
export const PAGE_FOR_PLAN_EDIT = { ADMIN: 404, IR_MANAGER: 200, RESPONDER: 404, AUDITOR: 404, anonymous: "login" } as const;
export const PAGE_FOR_EXERCISES_EDIT = PAGE_FOR_PLAN_EDIT;
export const API_FOR_ALL = { ADMIN: 200, IR_MANAGER: 200, RESPONDER: 200, AUDITOR: 200, anonymous: 401 } as const;
export const API_FOR_AUDIT_READ = { ADMIN: 200, IR_MANAGER: 200, RESPONDER: 404, AUDITOR: 200, anonymous: 401 } as const;
/** exercises.export: auditors, managers and admins; responders read exercises on the pages only. */
export const API_FOR_EXERCISES_EXPORT = { ADMIN: 200, IR_MANAGER: 200, RESPONDER: 404, AUDITOR: 200, anonymous: 401 } as const;
export const OPEN = { ADMIN: 200, IR_MANAGER: 200, RESPONDER: 200, AUDITOR: 200, anonymous: 200 } as const;
export const SIGN_IN_PAGE = { ADMIN: "home", IR_MANAGER: "home", RESPONDER: "home", AUDITOR: "home", anonymous: 200 } as const;

/** A valid step form (phase, title, instructions with known placeholders, minutes). */
export const STEP = {
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
export type Scenario = {
  fields: Record<string, string | string[]>;
  happened?: () => Promise<boolean>;
  /** The page to post from, for actions that live only on a page with parameters (the build names just its pattern). */
  page?: string;
};
export type ScenarioContext = { db: pg.Pool; actorId: string | null };

/** One server action's row: what each caller may do, and the call that shows it. */
export type ActionRow = { expect: Record<Who, ActionOutcome>; scenario: (c: ScenarioContext) => Promise<Scenario> };
export type ActionRows = Record<string, ActionRow>;
/** One page or route handler's row: the URLs to request (when it is a pattern or needs a query) and each caller's answer. */
export type RouteRow = { get?: (db: pg.Pool) => Promise<string[]>; expect: Record<Who, RouteOutcome> };

// ───────────────────────────── HTTP and the database ─────────────────────────────

const { encodeReply } = createRequire(import.meta.url)("next/dist/compiled/react-server-dom-turbopack/client.node.js") as {
  encodeReply: (value: unknown) => Promise<FormData | string>;
};

export const PERMISSION_DENIED = "You do not have permission to do that.";
/** Passes proxy.ts's "has a session cookie" check, so the app's own check is the one exercised. */
export const FORGED_SESSION = "authjs.session-token=not-a-valid-token";

/** What React sends for `<form action={formAction}>` with useActionState: [previousState, formData]. */
export async function callAction(baseURL: string, page: string, id: string, fields: Scenario["fields"], cookie?: string) {
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
export function redirectTarget(response: Response): string | null {
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
export async function one(db: pg.Pool, sql: string, values: unknown[]): Promise<Record<string, any>> {
  const { rows } = await db.query(sql, values);
  expect(rows, sql).toHaveLength(1);
  return rows[0];
}

export const userOf = (db: pg.Pool, id: string) => one(db, `SELECT "role", "active", "sessionEpoch" FROM "User" WHERE "id" = $1`, [id]);
export const incidentOf = (db: pg.Pool, id: string) => one(db, `SELECT "status", "commanderId" FROM "Incident" WHERE "id" = $1`, [id]);

/** A fresh OPEN incident at version 0, as ingest would open it (the seed's incidents are further along). */
export async function insertIncident(db: pg.Pool): Promise<{ id: string; key: string }> {
  const id = `matrix-incident-${uniqueSuffix()}`;
  const row = await one(
    db,
    `INSERT INTO "Incident" ("id", "title", "type", "severity", "status", "updatedAt") VALUES ($1, 'Matrix incident', 'OTHER', 'SEV3', 'OPEN', now()) RETURNING "number"`,
    [id],
  );
  return { id, key: `INC-${String(row.number).padStart(4, "0")}` };
}

export const contactOf = (db: pg.Pool, id: string) =>
  one(db, `SELECT "name", "active", "lastReviewedAt" FROM "Contact" WHERE "id" = $1`, [id]);

export async function namespaceNames(db: pg.Pool, clusterId: string): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(`SELECT "name" FROM "Namespace" WHERE "clusterId" = $1`, [clusterId]);
  return rows.map((r) => r.name);
}

/** For actions whose only trace is their audit event: did `actorId` get an `action` event after this point? */
export async function auditedAs(db: pg.Pool, actorId: string | null, action: string, fields: Scenario["fields"]): Promise<Scenario> {
  const since = await lastAuditSeq(db);
  return { fields, happened: async () => (await auditSince(db, since, actorId)).some((e) => e.action === action) };
}

/**
 * A receipt of the newest signed checkpoint, as GET /api/audit/receipt hands them out. Every
 * instance signs the head at start and within 15 s of new events when none is signed yet
 * (lib/dal/audit-checkpoints.ts), so one appears shortly after the first sign-in.
 */
export async function latestReceipt(db: pg.Pool): Promise<Record<string, string>> {
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

export async function lastAuditSeq(db: pg.Pool): Promise<string> {
  const { rows } = await db.query<{ seq: string }>(`SELECT coalesce(max("seq"), 0)::text AS "seq" FROM "AuditEvent"`);
  return rows[0]!.seq;
}

export async function auditSince(db: pg.Pool, seq: string, actorId: string | null) {
  const { rows } = await db.query<{ action: string; outcome: string }>(
    `SELECT "action", "outcome" FROM "AuditEvent" WHERE "seq" > $1::bigint AND "actorId" IS NOT DISTINCT FROM $2 ORDER BY "seq"`,
    [seq, actorId],
  );
  return rows;
}

/** A fresh user of the role, signed in on a fresh request context: their cookie header and id. */
export async function signedIn(who: Who, db: pg.Pool, request: APIRequestContext): Promise<{ cookie?: string; actorId: string | null }> {
  try {
    if (who === "anonymous") return { actorId: null };
    const actor = await insertUser(db, { role: who });
    return { cookie: await signInWithRequest(request, actor.email, actor.password), actorId: actor.id };
  } finally {
    await request.dispose();
  }
}
