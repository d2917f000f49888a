// Helpers of e2e/plan.spec.ts: what kubectl prints, the seeded readiness gap, the plan's one
// draft, readiness as the API reports it, and a server action posted by hand (the way
// e2e/authz/matrix.spec.ts calls them) for the roles that are offered no form to post.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Page } from "@playwright/test";
import type pg from "pg";
import { expect, uniqueSuffix } from "./fixtures";

// ───────────────────────────── kubectl output ─────────────────────────────

type NamespaceSpec = { name: string; labels?: Record<string, string> };

/**
 * What `kubectl get namespaces -o json` prints: a v1 `List` of `Namespace` objects with the
 * server's fields (uid, resourceVersion, creationTimestamp, the automatic
 * `kubernetes.io/metadata.name` label, spec and status), pretty-printed as kubectl does.
 */
export function kubectlNamespaceList(namespaces: NamespaceSpec[]): string {
  return JSON.stringify(
    {
      apiVersion: "v1",
      items: namespaces.map((ns, i) => ({
        apiVersion: "v1",
        kind: "Namespace",
        metadata: {
          creationTimestamp: `2025-0${i + 1}-14T09:1${i}:44Z`,
          labels: { "kubernetes.io/metadata.name": ns.name, ...ns.labels },
          name: ns.name,
          resourceVersion: String(18_430 + i * 7),
          uid: `5b0c6f0e-3c1d-4f7a-9a42-0000000000${String(i).padStart(2, "0")}`,
        },
        spec: { finalizers: ["kubernetes"] },
        status: { phase: "Active" },
      })),
      kind: "List",
      metadata: { resourceVersion: "" },
    },
    null,
    4,
  );
}

/** What the API server answers for `GET /api/v1/namespaces/<ns>/pods`: the wrong kind of list. */
export function podList(): string {
  return JSON.stringify(
    {
      apiVersion: "v1",
      kind: "PodList",
      metadata: { resourceVersion: "918273" },
      items: [
        {
          metadata: { name: "payments-api-7d9c8b6f5-x2k4q", namespace: "payments", labels: { app: "payments-api" } },
          spec: { containers: [{ name: "api", image: "registry.example.com/payments-api@sha256:1f2e3d" }] },
          status: { phase: "Running" },
        },
      ],
    },
    null,
    2,
  );
}

/** What `kubectl get pods -o json` prints: a v1 `List`, but of `Pod` objects. */
export function kubectlPodList(): string {
  const pods = JSON.parse(podList()) as { items: object[] };
  return JSON.stringify(
    {
      apiVersion: "v1",
      items: pods.items.map((p) => ({ apiVersion: "v1", kind: "Pod", ...p })),
      kind: "List",
      metadata: { resourceVersion: "" },
    },
    null,
    4,
  );
}

// ───────────────────────────── the database ─────────────────────────────

export async function contactId(db: pg.Pool, email: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(`SELECT "id" FROM "Contact" WHERE "email" = $1`, [email]);
  expect(rows, `contact ${email}`).toHaveLength(1);
  return rows[0]!.id;
}

/** Namespace names of a cluster, sorted. */
export async function namespacesOf(db: pg.Pool, clusterName: string): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT n."name" FROM "Namespace" n JOIN "Cluster" c ON c."id" = n."clusterId" WHERE c."name" = $1 ORDER BY n."name"`,
    [clusterName],
  );
  return rows.map((r) => r.name);
}

/** A namespace's own ownership rows as `ROLE:email`, in a stable order, and its version. */
export async function namespaceOwnership(
  db: pg.Pool,
  clusterName: string,
  namespace: string,
): Promise<{ id: string; version: number; owners: string[] }> {
  const { rows } = await db.query<{ id: string; version: number; owners: string[] }>(
    `SELECT n."id", n."version",
            coalesce(array_agg(o."role"::text || ':' || ct."email" ORDER BY o."role", o."rank", ct."email") FILTER (WHERE o."id" IS NOT NULL), '{}') AS "owners"
     FROM "Namespace" n JOIN "Cluster" c ON c."id" = n."clusterId"
     LEFT JOIN "Ownership" o ON o."namespaceId" = n."id" LEFT JOIN "Contact" ct ON ct."id" = o."contactId"
     WHERE c."name" = $1 AND n."name" = $2 GROUP BY n."id", n."version"`,
    [clusterName, namespace],
  );
  expect(rows, `namespace ${clusterName}/${namespace}`).toHaveLength(1);
  return rows[0]!;
}

export const KENJI = "kenji.watanabe@example.com";
export const SOFIA = "sofia.lindqvist@example.com";

/**
 * The demo data's deliberate readiness gap (prisma/seed-data/assets.ts): prod-eu/data-pipeline's
 * own owners are Sofia Lindqvist (primary) and Kenji Watanabe (secondary), who has left and is
 * inactive. Restored here as seeded when an earlier run of this spec closed it, so the journey
 * always starts from the gap; the version moves, as any change of owners moves it.
 */
export async function restoreSeededOwnershipGap(db: pg.Pool): Promise<void> {
  const scope = await namespaceOwnership(db, "prod-eu", "data-pipeline");
  if (scope.owners.join() === [`PRIMARY:${SOFIA}`, `SECONDARY:${KENJI}`].join()) return;
  const client = await db.connect();
  try {
    await client.query("BEGIN");
    await client.query(`DELETE FROM "Ownership" WHERE "namespaceId" = $1 AND "role" IN ('PRIMARY', 'SECONDARY')`, [scope.id]);
    for (const [role, email] of [
      ["PRIMARY", SOFIA],
      ["SECONDARY", KENJI],
    ] as const) {
      await client.query(
        `INSERT INTO "Ownership" ("id", "role", "contactId", "namespaceId", "rank")
         SELECT $1, $2::"OwnershipRole", "id", $3, 0 FROM "Contact" WHERE "email" = $4`,
        [`e2e${uniqueSuffix()}`, role, scope.id, email],
      );
    }
    await client.query(`UPDATE "Namespace" SET "version" = "version" + 1, "updatedAt" = now() WHERE "id" = $1`, [scope.id]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

/** The plan has one draft at a time; drop any an earlier spec or run left, so "Start a draft" is offered. */
export async function removeDrafts(db: pg.Pool): Promise<void> {
  await db.query(`DELETE FROM "PlanRevision" WHERE "status" = 'DRAFT'`);
}

/** A draft with the published text (as "Start a draft" makes it), for the roles that may not make one. */
export async function insertDraft(db: pg.Pool): Promise<{ id: string }> {
  await removeDrafts(db);
  const draft = { id: `e2e${uniqueSuffix()}` };
  await db.query(
    `INSERT INTO "PlanRevision" ("id", "status", "sections", "updatedAt")
     VALUES ($1, 'DRAFT', (SELECT "sections" FROM "PlanRevision" WHERE "status" = 'PUBLISHED' ORDER BY "number" DESC LIMIT 1), now())`,
    [draft.id],
  );
  return draft;
}

export async function draftOf(db: pg.Pool, id: string): Promise<{ version: number; sections: unknown } | undefined> {
  const { rows } = await db.query<{ version: number; sections: unknown }>(
    `SELECT "version", "sections" FROM "PlanRevision" WHERE "id" = $1`,
    [id],
  );
  return rows[0];
}

export async function latestRevisionNumber(db: pg.Pool): Promise<number> {
  const { rows } = await db.query<{ n: number | null }>(`SELECT max("number") AS "n" FROM "PlanRevision" WHERE "status" = 'PUBLISHED'`);
  return rows[0]?.n ?? 0;
}

// ───────────────────────────── readiness ─────────────────────────────

export type Readiness = {
  score: number;
  checks: {
    kind: string;
    label: string;
    weight: number;
    passed: number;
    total: number;
    fraction: number;
  }[];
  gaps: { kind: string; check: string; message: string; href: string }[];
};

/** `GET /api/plan/readiness` with the page's own session. */
export async function readinessOf(page: Page): Promise<Readiness> {
  const response = await page.request.get("/api/plan/readiness");
  expect(response.status(), "GET /api/plan/readiness").toBe(200);
  return (await response.json()) as Readiness;
}

export function checkOf(readiness: Readiness, kind: string): Readiness["checks"][number] {
  const check = readiness.checks.find((c) => c.kind === kind);
  expect(check, `readiness check ${kind}`).toBeDefined();
  return check!;
}

/** The score before rounding (README, "Readiness"): 100 × Σ weight × fraction / Σ weight. */
export function exactScore(readiness: Readiness): number {
  const weight = readiness.checks.reduce((sum, c) => sum + c.weight, 0);
  return (100 * readiness.checks.reduce((sum, c) => sum + c.weight * c.fraction, 0)) / weight;
}

// ───────────────────────────── server actions by hand ─────────────────────────────

const nextDir = path.resolve(import.meta.dirname, "../.next");

type ActionManifest = { node: Record<string, { filename: string; exportedName: string }> };

/** The build's id of a server action, by its file and export (`.next/server/server-reference-manifest.json`). */
export function serverActionId(filename: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(nextDir, "server/server-reference-manifest.json"), "utf8")) as ActionManifest;
  const ids = Object.entries(manifest.node)
    .filter(([, entry]) => entry.filename === filename && entry.exportedName === exportedName)
    .map(([id]) => id);
  expect(ids, `${filename}#${exportedName} in the build`).toHaveLength(1);
  return ids[0]!;
}

const { encodeReply } = createRequire(import.meta.url)("next/dist/compiled/react-server-dom-turbopack/client.node.js") as {
  encodeReply: (value: unknown) => Promise<FormData | string>;
};

export const PERMISSION_DENIED = "You do not have permission to do that.";

/**
 * Posts a server action as React does for `<form action>` with useActionState ([previousState,
 * formData]), from `page`'s browser context (its session cookie), to a page that hosts it.
 */
export async function postServerAction(
  page: Page,
  at: string,
  action: { filename: string; exportedName: string },
  fields: Record<string, string | string[]>,
): Promise<{ status: number; body: string }> {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) formData.append(name, one);
  const url = new URL(at, page.url());
  const cookie = (await page.context().cookies(url.origin)).map((c) => `${c.name}=${c.value}`).join("; ");
  const response = await fetch(url, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Next-Action": serverActionId(action.filename, action.exportedName),
      Accept: "text/x-component",
      Origin: url.origin,
      Cookie: cookie,
    },
    body: await encodeReply([null, formData]),
  });
  return { status: response.status, body: await response.text() };
}
