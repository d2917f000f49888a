// Evidence for the authorization matrix, inserted directly: an item with its COLLECTED event and,
// when `stored`, its bytes planted in the instances' evidence store (scripts/test.ts passes where).
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type pg from "pg";
import { uniqueSuffix } from "../fixtures";
import { one } from "./matrix-support";

export async function insertEvidence(db: pg.Pool, incidentId: string, stored = true): Promise<{ id: string; sha256: string }> {
  const content = Buffer.from(`matrix evidence ${uniqueSuffix()}\n`);
  const sha256 = createHash("sha256").update(content).digest("hex");
  if (stored) {
    const dir = process.env.BULKHEAD_E2E_EVIDENCE_DIR;
    if (!dir) throw new Error("BULKHEAD_E2E_EVIDENCE_DIR is not set: run e2e through `npm test`");
    const file = path.join(dir, "sha256", sha256.slice(0, 2), sha256);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, content);
  }
  const responder = await one(db, `SELECT "id" FROM "User" WHERE "email" = 'responder@bulkhead.local'`, []);
  const id = `matrix-evidence-${uniqueSuffix()}`;
  await db.query(
    `INSERT INTO "Evidence" ("id", "incidentId", "number", "kind", "description", "storageKey", "storageLocation", "fileName", "sha256", "sizeBytes", "collectedById", "collectedAt", "createdById")
     SELECT $1, $2, coalesce(max("number"), 0) + 1, 'LOGS', 'Matrix evidence', $3, $4, 'api.log', $5, $6, $7, now(), $7 FROM "Evidence" WHERE "incidentId" = $2`,
    [id, incidentId, stored ? sha256 : null, stored ? null : "s3://matrix/api.log", sha256, content.length, responder.id],
  );
  await db.query(`INSERT INTO "CustodyEvent" ("id", "evidenceId", "action", "actorId", "sha256") VALUES ($1, $2, 'COLLECTED', $3, $4)`, [
    `matrix-custody-${uniqueSuffix()}`,
    id,
    responder.id,
    sha256,
  ]);
  return { id, sha256 };
}

export const custodyActions = async (db: pg.Pool, evidenceId: string): Promise<string[]> =>
  (
    await db.query<{ action: string }>(`SELECT "action"::text FROM "CustodyEvent" WHERE "evidenceId" = $1 ORDER BY "at", "id"`, [
      evidenceId,
    ])
  ).rows.map((r) => r.action);
