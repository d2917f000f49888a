import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import type { FalcoPriority } from "@/lib/generated/prisma/enums";
import { appendAuditEvent } from "@/lib/dal/audit";
import { IngestAuthError } from "@/lib/dal/ingest-errors";

// Who is posting alerts. The caller is a machine holding a detection source's token, not a
// signed-in user, so the token is the authorization: authenticated before anything is written.
//
// A source looked up by its token is remembered for SOURCE_CACHE_MS, so a stream of requests does
// not read the same row each time. That cache never lets a revoked token store anything: every
// flush re-reads the source by id AND token hash inside its own transaction (ingest-flush.ts), so
// a revocation, deactivation or rotation that has committed refuses the very next flush.

export type IngestSource = {
  id: string;
  name: string;
  tokenHash: string;
  defaultCluster: string | null;
  minIncidentPriority: FalcoPriority;
};

/** How long a token → source lookup is reused; it only spares a read, it never outlives a revocation (see above). */
const SOURCE_CACHE_MS = 5_000;
const SOURCE_CACHE_MAX = 1_000;

const INVALID_TOKEN = "Unknown or revoked ingest token: use the token shown when the detection source was created or last rotated.";

const cache = new Map<string, { source: IngestSource; until: number }>();

export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Drops a remembered source: its token was found revoked, rotated or deactivated. */
export function forgetSource(hash: string): void {
  cache.delete(hash);
}

/** Refusals are audited like denied sign-ins (STYLE rule 7), with at most the token's first characters. */
export async function refuseIngest(reason: string, token: string | null, source?: { id: string; name: string }): Promise<never> {
  await db().$transaction((tx) =>
    appendAuditEvent(tx, {
      actorEmail: source ? `source:${source.name}` : null,
      action: "alerts.ingest",
      outcome: "DENIED",
      targetType: "DetectionSource",
      targetId: source?.id ?? null,
      after: { reason, tokenPrefix: token ? token.slice(0, 8) : null },
    }),
  );
  throw new IngestAuthError(token ? INVALID_TOKEN : "Missing ingest token: send `Authorization: Bearer <token>`.");
}

export async function authenticateSource(token: string | null): Promise<IngestSource> {
  if (!token) return refuseIngest("no bearer token", null);
  const hash = tokenHash(token);
  const now = Date.now();
  const remembered = cache.get(hash);
  if (remembered && remembered.until > now) return remembered.source;
  const row = await db().detectionSource.findUnique({
    where: { tokenHash: hash },
    select: { id: true, name: true, active: true, revokedAt: true, defaultCluster: true, minIncidentPriority: true },
  });
  if (!row) return refuseIngest("unknown token", token);
  if (!row.active || row.revokedAt) {
    forgetSource(hash);
    return refuseIngest(row.revokedAt ? "token revoked" : "source deactivated", token, row);
  }
  const source: IngestSource = { id: row.id, name: row.name, tokenHash: hash, defaultCluster: row.defaultCluster, minIncidentPriority: row.minIncidentPriority };
  if (cache.size >= SOURCE_CACHE_MAX) cache.clear();
  cache.set(hash, { source, until: now + SOURCE_CACHE_MS });
  return source;
}
