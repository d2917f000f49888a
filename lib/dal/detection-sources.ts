import "server-only";
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { appendAuditEvent } from "@/lib/dal/audit";
import { authorize } from "@/lib/dal/authorize";
import { ConflictError, messageTime, NotFoundError, ValidationError } from "@/lib/dal/errors";
import { assertOneRowUpdated } from "@/lib/dal/versioning";
import type { Actor } from "@/lib/domain/roles";
import { newSourceToken, sourceTokenHash, sourceTokenPrefix } from "@/lib/domain/source-token";
import type {
  DetectionSourceDto,
  DetectionSourceStatus,
  DetectionSourceSummaryDto,
  IssuedSourceTokenDto,
} from "@/lib/dto/detection-sources";
import type { CreateDetectionSourceValue, DetectionSourceRef, UpdateDetectionSourceValue } from "@/lib/validation/detection-sources";

// Detection sources: who may post alerts to `POST /api/ingest/falco`. The token is generated here,
// handed back exactly once, and stored only as its sha256 (lib/domain/source-token.ts), which is
// what the ingest DAL looks sources up by. Neither the token nor its hash leaves this file in a
// DTO or an audit row; the prefix does, so people can tell tokens apart.

const TARGET = "DetectionSource";
const DAY_MS = 24 * 60 * 60 * 1000;

const sourceSelect = {
  id: true,
  name: true,
  kind: true,
  defaultCluster: true,
  minIncidentPriority: true,
  tokenPrefix: true,
  active: true,
  revokedAt: true,
  lastSeenAt: true,
  alertCount: true,
  createdAt: true,
  version: true,
  updatedAt: true,
  createdBy: { select: { name: true } },
  revokedBy: { select: { name: true } },
  updatedBy: { select: { email: true } },
} satisfies Prisma.DetectionSourceSelect;

type SourceRow = Prisma.DetectionSourceGetPayload<{ select: typeof sourceSelect }>;

function statusOf(row: Pick<SourceRow, "active" | "revokedAt">): DetectionSourceStatus {
  if (row.revokedAt) return "revoked";
  return row.active ? "active" : "inactive";
}

function summaryOf(row: SourceRow): DetectionSourceSummaryDto {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    defaultCluster: row.defaultCluster,
    minIncidentPriority: row.minIncidentPriority,
    tokenPrefix: row.tokenPrefix,
    status: statusOf(row),
    revokedAt: row.revokedAt,
    version: row.version,
  };
}

/** What the audit trail keeps of a source: its settings and token prefix, never the token or its hash. */
function auditView(row: SourceRow): Omit<DetectionSourceSummaryDto, "id"> {
  const { name, kind, defaultCluster, minIncidentPriority, tokenPrefix, status, revokedAt, version } = summaryOf(row);
  return { name, kind, defaultCluster, minIncidentPriority, tokenPrefix, status, revokedAt, version };
}

/**
 * Everyone who may read sources sees the same list; the counters come from ingest. Few sources
 * exist (one per sender), so the list is not paged.
 */
export async function listDetectionSources(actor: Actor, now = new Date()): Promise<DetectionSourceDto[]> {
  await authorize(actor, "sources.read", { type: TARGET });
  const rows = await db().detectionSource.findMany({
    // Working sources first; revoked ones after, the latest revocation first.
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { name: "asc" }, { id: "asc" }],
    select: sourceSelect,
  });
  if (rows.length === 0) return [];
  const recent = await db().alert.groupBy({
    by: ["sourceId"],
    where: { sourceId: { in: rows.map((r) => r.id) }, receivedAt: { gte: new Date(now.getTime() - DAY_MS) } },
    _count: { _all: true },
  });
  const recentBySource = new Map(recent.map((r) => [r.sourceId, r._count._all]));
  return rows.map((row) => ({
    ...summaryOf(row),
    lastSeenAt: row.lastSeenAt,
    alertCount: row.alertCount,
    alertsLast24h: recentBySource.get(row.id) ?? 0,
    createdAt: row.createdAt,
    createdBy: row.createdBy?.name ?? null,
    revokedBy: row.revokedBy?.name ?? null,
  }));
}

/** The plan's cluster names, offered as suggestions for a source's default cluster. */
export async function listClusterNamesForSources(actor: Actor): Promise<string[]> {
  await authorize(actor, "sources.read", { type: TARGET });
  const clusters = await db().cluster.findMany({ orderBy: { name: "asc" }, select: { name: true } });
  return clusters.map((c) => c.name);
}

const NAME_TAKEN = { name: ["Another detection source already has this name"] };

/** Names are unique (case aside, so `prod-eu` and `Prod-EU` cannot be told apart in a list). */
async function assertNameFree(tx: Tx, name: string, sourceId: string | null): Promise<void> {
  const other = await tx.detectionSource.findFirst({
    where: { name: { equals: name, mode: "insensitive" }, id: sourceId ? { not: sourceId } : undefined },
    select: { name: true },
  });
  if (other) throw new ValidationError(`A detection source named “${other.name}” already exists; choose another name.`, NAME_TAKEN);
}

/** The unique index beat the pre-check (two saves at once): a field error, not a crash. */
function uniqueViolationAsValidation(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new ValidationError("A detection source with that name was just saved by someone else; choose another name.", NAME_TAKEN);
  }
  throw error;
}

function issued(row: SourceRow, token: string): IssuedSourceTokenDto {
  return { sourceId: row.id, sourceName: row.name, kind: row.kind, minIncidentPriority: row.minIncidentPriority, token };
}

export async function createDetectionSource(
  actor: Actor,
  input: CreateDetectionSourceValue,
): Promise<{ source: DetectionSourceSummaryDto; issued: IssuedSourceTokenDto }> {
  await authorize(actor, "sources.manage", { type: TARGET });
  const token = newSourceToken();
  return db()
    .$transaction(async (tx) => {
      await assertNameFree(tx, input.name, null);
      const row = await tx.detectionSource.create({
        data: {
          name: input.name,
          kind: input.kind,
          defaultCluster: input.defaultCluster,
          minIncidentPriority: input.minIncidentPriority,
          tokenHash: sourceTokenHash(token),
          tokenPrefix: sourceTokenPrefix(token),
          createdById: actor.id,
        },
        select: sourceSelect,
      });
      await appendAuditEvent(tx, { actor, action: "source.create", targetType: TARGET, targetId: row.id, after: auditView(row) });
      return { source: summaryOf(row), issued: issued(row, token) };
    })
    .catch(uniqueViolationAsValidation);
}

/**
 * The conflict for a stale form, naming who last changed the source. Only people's changes count:
 * ingest also touches the row (last seen, counts), but never its version or `updatedById`.
 */
function staleSourceConflict(row: SourceRow): ConflictError {
  const time = row.updatedBy ? messageTime(row.updatedAt) : undefined;
  const who = row.updatedBy ? ` by ${row.updatedBy.email} at ${time!.text}` : "";
  return new ConflictError(`${row.name} was changed${who} since you loaded this page — reload and try again.`, undefined, time);
}

/** Loads the source for a versioned change; revoked sources are part of the record and stay as they are. */
async function loadForChange(tx: Tx, ref: DetectionSourceRef): Promise<SourceRow> {
  const row = await tx.detectionSource.findUnique({ where: { id: ref.id }, select: sourceSelect });
  if (!row) throw new NotFoundError("That detection source was not found.");
  if (row.version !== ref.version) throw staleSourceConflict(row);
  if (row.revokedAt) {
    throw new ValidationError(`${row.name} is revoked and cannot be changed or brought back; create a new source instead.`);
  }
  return row;
}

/** Applies a change only at the version the form was loaded at: a racing writer misses instead of overwriting. */
async function applyChange(
  tx: Tx,
  actor: Actor,
  before: SourceRow,
  data: Prisma.DetectionSourceUncheckedUpdateManyInput,
): Promise<SourceRow> {
  const updated = await tx.detectionSource.updateMany({
    where: { id: before.id, version: before.version },
    data: { ...data, updatedById: actor.id, version: { increment: 1 } },
  });
  assertOneRowUpdated(updated.count, before.name);
  return tx.detectionSource.findUniqueOrThrow({ where: { id: before.id }, select: sourceSelect });
}

export async function updateDetectionSource(actor: Actor, input: UpdateDetectionSourceValue): Promise<DetectionSourceSummaryDto> {
  await authorize(actor, "sources.manage", { type: TARGET, id: input.id });
  return db()
    .$transaction(async (tx) => {
      const before = await loadForChange(tx, input);
      if (input.name.toLowerCase() !== before.name.toLowerCase()) await assertNameFree(tx, input.name, before.id);
      const after = await applyChange(tx, actor, before, {
        name: input.name,
        defaultCluster: input.defaultCluster,
        minIncidentPriority: input.minIncidentPriority,
      });
      await appendAuditEvent(tx, {
        actor,
        action: "source.update",
        targetType: TARGET,
        targetId: before.id,
        before: auditView(before),
        after: auditView(after),
      });
      return summaryOf(after);
    })
    .catch(uniqueViolationAsValidation);
}

/** A new token replaces the old one in the same commit, so the old one stops working at once. */
export async function rotateDetectionSourceToken(
  actor: Actor,
  input: DetectionSourceRef,
): Promise<{ source: DetectionSourceSummaryDto; issued: IssuedSourceTokenDto }> {
  await authorize(actor, "sources.manage", { type: TARGET, id: input.id });
  const token = newSourceToken();
  return db().$transaction(async (tx) => {
    const before = await loadForChange(tx, input);
    const after = await applyChange(tx, actor, before, { tokenHash: sourceTokenHash(token), tokenPrefix: sourceTokenPrefix(token) });
    await appendAuditEvent(tx, {
      actor,
      action: "source.rotate",
      targetType: TARGET,
      targetId: before.id,
      before: auditView(before),
      after: auditView(after),
    });
    return { source: summaryOf(after), issued: issued(after, token) };
  });
}

/**
 * Revocation is final: the row stays (its alerts hang off it, and the list shows when and by whom
 * it was revoked) but ingest refuses its token from the commit on.
 */
export async function revokeDetectionSource(actor: Actor, input: DetectionSourceRef): Promise<DetectionSourceSummaryDto> {
  await authorize(actor, "sources.manage", { type: TARGET, id: input.id });
  return db().$transaction(async (tx) => {
    const before = await loadForChange(tx, input);
    const after = await applyChange(tx, actor, before, { revokedAt: new Date(), revokedById: actor.id, active: false });
    await appendAuditEvent(tx, {
      actor,
      action: "source.revoke",
      targetType: TARGET,
      targetId: before.id,
      before: auditView(before),
      after: auditView(after),
    });
    return summaryOf(after);
  });
}
