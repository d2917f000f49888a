import "server-only";
import { createHash } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { FalcoPriority } from "@/lib/generated/prisma/enums";
import { appendAuditEvent } from "@/lib/dal/audit";
import { ExpectedError, ValidationError } from "@/lib/dal/errors";
import { correlateAlerts } from "@/lib/dal/ingest-incidents";
import { dedupKeyOf } from "@/lib/domain/falco/dedup";
import { normalizeFalcoEvent, type NormalizedEvent } from "@/lib/domain/falco/normalize";
import { parseFalcoBody, type BodyEntry } from "@/lib/domain/falco/parse-body";
import { MAX_INGEST_EVENTS, type IngestResult } from "@/lib/validation/ingest";

// Alert ingest for Falco and falcosidekick (DESIGN.md: POST /api/ingest/falco). The caller is a
// machine holding a detection source's token, not a signed-in user, so the token is the
// authorization: authenticated here, before anything is read or written.

/** No token, an unknown one, or the token of a revoked or deactivated source: 401. */
export class IngestAuthError extends ExpectedError {}
/** More events in one request than MAX_INGEST_EVENTS: 413. */
export class IngestBatchTooLargeError extends ExpectedError {}

export type IngestOptions = {
  /** How close alerts of one workload must be to join one incident; README's BULKHEAD_CORRELATION_WINDOW_MINUTES. */
  correlationWindowMinutes?: number;
};

type Source = { id: string; name: string; defaultCluster: string | null; minIncidentPriority: FalcoPriority };

const INVALID_TOKEN = "Unknown or revoked ingest token: use the token shown when the detection source was created or last rotated.";

function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Refusals are audited like denied sign-ins (STYLE rule 7), with at most the token's first characters. */
async function refuse(reason: string, token: string | null, source?: { id: string; name: string }): Promise<never> {
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

async function authenticateSource(token: string | null): Promise<Source> {
  if (!token) return refuse("no bearer token", null);
  const source = await db().detectionSource.findUnique({
    where: { tokenHash: tokenHash(token) },
    select: { id: true, name: true, active: true, revokedAt: true, defaultCluster: true, minIncidentPriority: true },
  });
  if (!source) return refuse("unknown token", token);
  if (!source.active || source.revokedAt) return refuse(source.revokedAt ? "token revoked" : "source deactivated", token, source);
  return { id: source.id, name: source.name, defaultCluster: source.defaultCluster, minIncidentPriority: source.minIncidentPriority };
}

// PostgreSQL text and jsonb cannot hold NUL characters or unpaired UTF-16 surrogates, which JSON
// can carry. Such an event is stored with U+FFFD in their place rather than lost.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function storable<T>(value: T): T {
  if (typeof value === "string") return value.replace(UNSTORABLE, "\uFFFD") as T;
  if (Array.isArray(value)) return value.map(storable) as T;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [storable(k), storable(v)])) as T;
  }
  return value;
}

/** Refuses, at compile time, a normalised column the Alert model does not have. */
function alertColumns<T extends Record<Exclude<keyof T, keyof Prisma.AlertCreateManyInput>, never>>(row: T): T {
  return row;
}

function alertRow(sourceId: string, event: NormalizedEvent, dedupKey: string): Prisma.AlertCreateManyInput {
  const { outputFields, raw, ...columns } = event.alert;
  const row = alertColumns({ ...columns, sourceId, dedupKey, outputFields: outputFields as Prisma.InputJsonValue, raw: raw as Prisma.InputJsonValue });
  // JSON.stringify escapes exactly these two as \u0000 and \udXXX: a cheap test before the deep copy.
  return /\\u0000|\\ud[89a-f]/i.test(JSON.stringify(row)) ? storable(row) : row;
}

async function ingestEntries(source: Source, entries: readonly BodyEntry[], options: IngestOptions): Promise<IngestResult> {
  if (entries.length > MAX_INGEST_EVENTS) {
    throw new IngestBatchTooLargeError(`The batch has ${entries.length} events; send at most ${MAX_INGEST_EVENTS} per request.`);
  }
  const rejected: IngestResult["rejected"] = [];
  const valid: { event: NormalizedEvent; dedupKey: string }[] = [];
  for (const entry of entries) {
    if ("error" in entry) {
      rejected.push({ index: entry.index, error: entry.error });
      continue;
    }
    const result = normalizeFalcoEvent(entry.value, { defaultCluster: source.defaultCluster });
    if (result.ok) valid.push({ event: result.event, dedupKey: dedupKeyOf(result.event) });
    else rejected.push({ index: entry.index, error: result.error });
  }
  // Sorted by key, so two batches that share events lock their index entries in the same order
  // and cannot deadlock; the first of two identical events in one batch wins.
  const byKey = new Map(valid.map((v) => [v.dedupKey, v]));
  const rows = [...byKey.values()].sort((a, b) => (a.dedupKey < b.dedupKey ? -1 : 1)).map((v) => alertRow(source.id, v.event, v.dedupKey));
  const now = new Date();

  const result = await db().$transaction(
    async (tx: Tx) => {
      // INSERT … ON CONFLICT ("dedupKey") DO NOTHING RETURNING: replays and concurrent identical
      // posts come back without a row and count as duplicates.
      const inserted = rows.length
        ? await tx.alert.createManyAndReturn({
            data: rows,
            skipDuplicates: true,
            select: { id: true, dedupKey: true, eventTime: true, rule: true, priority: true, tags: true, cluster: true, namespace: true, workload: true, podName: true, nodeName: true, processCmdline: true },
          })
        : [];
      const correlation = await correlateAlerts(
        tx,
        inserted.map((a) => ({ ...a, security: byKey.get(a.dedupKey)!.event.security })),
        { minIncidentPriority: source.minIncidentPriority, windowMinutes: options.correlationWindowMinutes ?? env().BULKHEAD_CORRELATION_WINDOW_MINUTES, now },
      );
      const result: IngestResult = {
        accepted: inserted.length,
        duplicates: valid.length - inserted.length,
        rejected: rejected.sort((a, b) => a.index - b.index),
        incidents: [...correlation.opened, ...correlation.joined].sort(),
      };
      await appendAuditEvent(tx, {
        actorEmail: `source:${source.name}`,
        action: "alerts.ingest",
        targetType: "DetectionSource",
        targetId: source.id,
        after: { accepted: result.accepted, duplicates: result.duplicates, rejected: result.rejected.length, incidentsOpened: correlation.opened, incidentsJoined: correlation.joined },
      });
      return result;
    },
    // Concurrent batches about one workload wait for each other's correlation lock.
    { timeout: 30_000, maxWait: 10_000 },
  );
  // The source's counters are one row every batch of the source would otherwise lock until its
  // commit, serialising all ingest; they are informational, so they are bumped after the commit.
  // A failure here must not turn a committed batch into an error the sender retries for nothing.
  await db()
    .detectionSource.update({ where: { id: source.id }, data: { lastSeenAt: now, alertCount: { increment: result.accepted } } })
    .catch((error: unknown) => log.warn({ err: error, source: source.id }, "detection source counters not updated"));
  return result;
}

/**
 * Stores a batch of already-parsed events (one entry per event; entries that failed to parse carry
 * their error) in one transaction: the answer exists only once the alerts are committed.
 */
export async function ingestFalcoEvents(token: string | null, entries: readonly BodyEntry[], options: IngestOptions = {}): Promise<IngestResult> {
  const source = await authenticateSource(token);
  return ingestEntries(source, entries, options);
}

/** The request body as received: authenticate, then parse (ValidationError → 400), then ingest. */
export async function ingestFalcoBody(token: string | null, body: string, options: IngestOptions = {}): Promise<IngestResult> {
  const source = await authenticateSource(token);
  const parsed = parseFalcoBody(body);
  if (!parsed.ok) throw new ValidationError(parsed.error);
  return ingestEntries(source, parsed.entries, options);
}
