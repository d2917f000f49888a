import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { FalcoPriority } from "@/lib/generated/prisma/enums";
import { AuditTally } from "@/lib/dal/audit-aggregate";
import { IngestAuthError, IngestThrottledError } from "@/lib/dal/ingest/errors";
import { AddressWindow } from "@/lib/domain/address-window";

// Who is posting alerts. The caller is a machine holding a detection source's token, not a
// signed-in user, so the token is the authorization: authenticated before the body is read and
// before anything is written.
//
// A source looked up by its token is remembered for SOURCE_CACHE_MS, so a stream of requests does
// not read the same row each time. That cache never lets a revoked token store anything: every
// flush re-reads the source by id AND token hash inside its own transaction (write-combining.ts), so
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

/**
 * Refused requests come from whoever can reach the endpoint, so they cost no database write each:
 * they are counted per client address and audited as one DENIED event per address and minute
 * (lib/dal/audit-aggregate.ts), never holding the audit chain's lock per request.
 */
const refusals = new AuditTally("alerts.ingest");
/** Refusals per client address and minute; past BULKHEAD_INGEST_REFUSALS_PER_MINUTE the address gets 429 before any lookup. */
const refusalWindow = new AddressWindow(60_000);
/**
 * Token hashes that authenticated recently (longer than the cache): a source behind an address
 * that is being throttled — a NAT shared with a guesser — is still looked up and let through.
 * Only a real token can be in here, so a guesser gains nothing from it.
 */
const KNOWN_GOOD_MS = 10 * 60_000;
const knownGood = new Map<string, number>();

const addressKey = (ip: string | null) => ip ?? "(unknown address)";

/** Writes the tallied refusals now (tests, and a clean shutdown); they are otherwise written once a minute. */
export function flushIngestRefusals(): Promise<number> {
  return refusals.flush();
}

/** A request refused before authentication: counted, not audited one by one; 429 once its address is past the rate. */
function refuse(reason: string, token: string | null, ip: string | null, source?: { id: string; name: string }): never {
  const hit = refusalWindow.hit(addressKey(ip), Date.now());
  const throttled = hit.count > env().BULKHEAD_INGEST_REFUSALS_PER_MINUTE;
  refusals.count({ ip, reason, tokenPrefix: token ? token.slice(0, 8) : null, source, throttled });
  if (throttled) throw new IngestThrottledError(hit.retryAfterSeconds);
  throw new IngestAuthError(token ? INVALID_TOKEN : "Missing ingest token: send `Authorization: Bearer <token>`.");
}

/** A flush found the source revoked, rotated or deactivated since its token was looked up: refused like an unknown token. */
export function refuseIngest(reason: string, token: string | null, ip: string | null, source?: { id: string; name: string }): never {
  return refuse(reason, token, ip, source);
}

/**
 * The source a token belongs to, checked before anything of the request's body is read (the
 * route reads it only for an authenticated source). An address past its rate of refusals gets
 * 429 without a lookup, unless the token is one that authenticated recently.
 */
export async function authenticateSource(token: string | null, ip: string | null = null): Promise<IngestSource> {
  const hash = token ? tokenHash(token) : null;
  const now = Date.now();
  if (hash) {
    const remembered = cache.get(hash);
    if (remembered && remembered.until > now) return remembered.source;
  }
  const window = refusalWindow.peek(addressKey(ip), now);
  if (window.count >= env().BULKHEAD_INGEST_REFUSALS_PER_MINUTE && !(hash && (knownGood.get(hash) ?? 0) > now)) {
    refusals.count({ ip, reason: "rate limited", tokenPrefix: token ? token.slice(0, 8) : null, throttled: true });
    refusalWindow.hit(addressKey(ip), now);
    throw new IngestThrottledError(window.retryAfterSeconds);
  }
  if (!token || !hash) return refuse("no bearer token", null, ip);
  const row = await db().detectionSource.findUnique({
    where: { tokenHash: hash },
    select: { id: true, name: true, active: true, revokedAt: true, defaultCluster: true, minIncidentPriority: true },
  });
  if (!row) return refuse("unknown token", token, ip);
  if (!row.active || row.revokedAt) {
    forgetSource(hash);
    return refuse(row.revokedAt ? "token revoked" : "source deactivated", token, ip, row);
  }
  const source: IngestSource = {
    id: row.id,
    name: row.name,
    tokenHash: hash,
    defaultCluster: row.defaultCluster,
    minIncidentPriority: row.minIncidentPriority,
  };
  if (cache.size >= SOURCE_CACHE_MAX) cache.clear();
  cache.set(hash, { source, until: now + SOURCE_CACHE_MS });
  if (knownGood.size >= SOURCE_CACHE_MAX) knownGood.clear();
  knownGood.set(hash, now + KNOWN_GOOD_MS);
  return source;
}
