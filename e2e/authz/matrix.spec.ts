// The authorization matrix (STYLE.md: a table in code with a count assertion). Every server action
// and every page / route handler of the build, for every role and for someone not signed in,
// called over HTTP the way a browser calls it. Actions get valid input, so that the DAL's
// authorization is what decides, and the database is checked for what did or did not change.
// The guards at the end fail when the build has an action or a route that the tables lack (or the
// tables name one the build no longer has): a new action cannot ship without a row here.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "../fixtures";
import {
  type ActionRows,
  auditSince,
  callAction,
  EVERYONE,
  FORGED_SESSION,
  lastAuditSeq,
  PERMISSION_DENIED,
  redirectTarget,
  signedIn,
} from "./matrix-support";
import { ACCOUNT_ACTIONS } from "./actions-accounts";
import { DETECTION_ACTIONS } from "./actions-detection";
import { EVIDENCE_ACTIONS } from "./actions-evidence";
import { EXERCISE_ACTIONS } from "./actions-exercises";
import { PLAN_ACTIONS } from "./actions-plan";
import { PLAYBOOK_ACTIONS } from "./actions-playbooks";
import { RUN_ACTIONS } from "./actions-runs";
import { FRAMEWORK_ROUTES, ROUTES } from "./route-rows";

/** The rows by area; merged, a key in two areas would hide one row, which the guards refuse. */
const ACTION_AREAS: ActionRows[] = [
  ACCOUNT_ACTIONS,
  PLAN_ACTIONS,
  DETECTION_ACTIONS,
  PLAYBOOK_ACTIONS,
  RUN_ACTIONS,
  EXERCISE_ACTIONS,
  EVIDENCE_ACTIONS,
];
const ACTIONS: ActionRows = Object.assign({}, ...ACTION_AREAS);

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
  test("no server action has rows in two areas", () => {
    expect(Object.keys(ACTIONS).length).toBe(ACTION_AREAS.reduce((n, area) => n + Object.keys(area).length, 0));
  });

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
