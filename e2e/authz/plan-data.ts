// Throwaway plan records for the authorization matrix: each call of a plan action gets records of
// its own (written straight to the database), so that its input is valid and its effect, or the
// lack of one, can be read back. Names carry a unique suffix; nothing here is ever cleaned up.
import type pg from "pg";
import { uniqueSuffix } from "../fixtures";

const id = () => `e2e${uniqueSuffix()}`;

export async function insertContact(db: pg.Pool): Promise<{ id: string; email: string }> {
  const contact = { id: id(), email: `matrix-contact-${uniqueSuffix()}@e2e.test` };
  await db.query(`INSERT INTO "Contact" ("id", "name", "email", "updatedAt") VALUES ($1, $2, $3, now())`, [
    contact.id,
    `Matrix Contact ${contact.id}`,
    contact.email,
  ]);
  return contact;
}

/** A staging cluster; with `owners`, the full set a cluster must have (primary, secondary, security). */
export async function insertCluster(db: pg.Pool, options: { owners?: boolean } = {}): Promise<{ id: string; name: string }> {
  const cluster = { id: id(), name: `matrix-${uniqueSuffix()}` };
  await db.query(
    `INSERT INTO "Cluster" ("id", "name", "provider", "runtime", "environment", "criticality", "updatedAt")
     VALUES ($1, $2, 'EKS', 'CONTAINERD', 'STAGING', 'LOW', now())`,
    [cluster.id, cluster.name],
  );
  if (options.owners) {
    for (const role of ["PRIMARY", "SECONDARY", "SECURITY"]) await insertOwnership(db, role, "clusterId", cluster.id);
  }
  return cluster;
}

/** A namespace of a fresh cluster; with `owners`, a primary and secondary owner of its own. */
export async function insertNamespace(db: pg.Pool, options: { owners?: boolean } = {}): Promise<{ id: string; clusterId: string }> {
  const cluster = await insertCluster(db, { owners: true });
  const namespace = { id: id(), clusterId: cluster.id };
  await db.query(`INSERT INTO "Namespace" ("id", "clusterId", "name", "updatedAt") VALUES ($1, $2, $3, now())`, [
    namespace.id,
    cluster.id,
    `ns-${uniqueSuffix()}`,
  ]);
  if (options.owners) {
    for (const role of ["PRIMARY", "SECONDARY"]) await insertOwnership(db, role, "namespaceId", namespace.id);
  }
  return namespace;
}

async function insertOwnership(db: pg.Pool, role: string, scopeColumn: "clusterId" | "namespaceId", scopeId: string) {
  const contact = await insertContact(db);
  await db.query(`INSERT INTO "Ownership" ("id", "role", "contactId", "${scopeColumn}") VALUES ($1, $2::"OwnershipRole", $3, $4)`, [
    id(),
    role,
    contact.id,
    scopeId,
  ]);
}

export async function ownershipCount(db: pg.Pool, scopeColumn: "clusterId" | "namespaceId", scopeId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS "n" FROM "Ownership" WHERE "${scopeColumn}" = $1`, [scopeId]);
  return rows[0]!.n;
}

/** `kubectl get namespaces -o json` for one namespace. */
export function namespaceList(name: string): string {
  return JSON.stringify({
    apiVersion: "v1",
    kind: "NamespaceList",
    items: [{ apiVersion: "v1", kind: "Namespace", metadata: { name, labels: { team: "matrix" } } }],
  });
}

/**
 * The plan's one draft, made fresh: any draft left by an earlier call is removed first (there is
 * one draft at a time), and the text is the published plan's, so publishing it changes no text.
 */
export async function insertDraft(db: pg.Pool): Promise<{ id: string }> {
  await removeDrafts(db);
  const draft = { id: id() };
  await db.query(
    `INSERT INTO "PlanRevision" ("id", "status", "sections", "updatedAt")
     VALUES ($1, 'DRAFT', coalesce((SELECT "sections" FROM "PlanRevision" WHERE "status" = 'PUBLISHED' ORDER BY "number" DESC LIMIT 1), '[]'::jsonb), now())`,
    [draft.id],
  );
  return draft;
}

export async function removeDrafts(db: pg.Pool): Promise<void> {
  await db.query(`DELETE FROM "PlanRevision" WHERE "status" = 'DRAFT'`);
}

export async function revision(db: pg.Pool, revisionId: string): Promise<{ status: string; version: number } | undefined> {
  const { rows } = await db.query<{ status: string; version: number }>(`SELECT "status", "version" FROM "PlanRevision" WHERE "id" = $1`, [
    revisionId,
  ]);
  return rows[0];
}

/** A plan role's version and members in rank order (version 0 and nobody when the role has no row yet). */
export async function planRole(db: pg.Pool, kind: string): Promise<{ version: number; contactIds: string[] }> {
  const { rows } = await db.query<{ version: number; contactIds: string[] }>(
    `SELECT r."version", coalesce(array_agg(m."contactId" ORDER BY m."rank") FILTER (WHERE m."contactId" IS NOT NULL), '{}') AS "contactIds"
     FROM "PlanRole" r LEFT JOIN "PlanRoleMember" m ON m."planRoleId" = r."id" WHERE r."kind" = $1::"PlanRoleKind" GROUP BY r."version"`,
    [kind],
  );
  return rows[0] ?? { version: 0, contactIds: [] };
}

type Tier = { waitMinutes: number; roles: string[]; contactIds: string[] };

/** A severity's escalation policy as its editor would post it back unchanged (or a minimal one when there is none). */
export async function escalationPolicy(
  db: pg.Pool,
  severity: string,
): Promise<{ version: number; name: string; description: string; tiers: Tier[] }> {
  const policy = await db.query<{ id: string; version: number; name: string; description: string | null }>(
    `SELECT "id", "version", "name", "description" FROM "EscalationPolicy" WHERE "severity" = $1::"Severity"`,
    [severity],
  );
  const row = policy.rows[0];
  if (!row)
    return {
      version: 0,
      name: `${severity} escalation`,
      description: "",
      tiers: [{ waitMinutes: 0, roles: ["INCIDENT_COMMANDER"], contactIds: [] }],
    };
  const { rows: tiers } = await db.query<Tier>(
    `SELECT t."waitMinutes",
            coalesce(array_agg(r."kind"::text) FILTER (WHERE r."kind" IS NOT NULL), '{}') AS "roles",
            coalesce(array_agg(x."contactId") FILTER (WHERE x."contactId" IS NOT NULL), '{}') AS "contactIds"
     FROM "EscalationTier" t
     LEFT JOIN "EscalationTarget" x ON x."tierId" = t."id"
     LEFT JOIN "PlanRole" r ON r."id" = x."planRoleId"
     WHERE t."policyId" = $1 GROUP BY t."id", t."position", t."waitMinutes" ORDER BY t."position"`,
    [row.id],
  );
  return { version: row.version, name: row.name, description: row.description ?? "", tiers };
}
