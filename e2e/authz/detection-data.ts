// Rows the authorization matrix needs for detection sources and playbook runs, inserted directly.
import { createHash, randomBytes } from "node:crypto";
import type pg from "pg";
import { uniqueSuffix } from "../fixtures";

export async function insertSource(db: pg.Pool): Promise<{ id: string; name: string; tokenHash: string }> {
  const token = `bh_matrix_${randomBytes(12).toString("hex")}`;
  const source = {
    id: `matrix-source-${uniqueSuffix()}`,
    name: `matrix-${uniqueSuffix()}`,
    tokenHash: createHash("sha256").update(token).digest("hex"),
  };
  await db.query(
    `INSERT INTO "DetectionSource" ("id", "name", "kind", "tokenHash", "tokenPrefix", "updatedAt") VALUES ($1, $2, 'FALCOSIDEKICK', $3, $4, now())`,
    [source.id, source.name, source.tokenHash, token.slice(0, 8)],
  );
  return source;
}

export async function sourceOf(
  db: pg.Pool,
  id: string,
): Promise<{ name: string; tokenHash: string; revokedAt: Date | null; version: number }> {
  const { rows } = await db.query(`SELECT "name", "tokenHash", "revokedAt", "version" FROM "DetectionSource" WHERE "id" = $1`, [id]);
  return rows[0] as { name: string; tokenHash: string; revokedAt: Date | null; version: number };
}
