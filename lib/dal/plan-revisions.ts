import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { appendAuditEvent } from "@/lib/dal/audit";
import { authorize } from "@/lib/dal/authorize";
import { ConflictError, NotFoundError, ValidationError, type ExpectedError } from "@/lib/dal/errors";
import {
  applySectionEdits,
  emptyPlanSections,
  planInForceAt,
  readPlanSections,
  type PlanSection,
  type PlanSectionKey,
} from "@/lib/domain/plan-text";
import { utcText } from "@/lib/domain/utc-time";
import type { Actor } from "@/lib/domain/roles";
import type { PlanDraftDto, PlanRevisionDto, PlanRevisionSummaryDto } from "@/lib/dto/plan-revisions";

/** Any fixed number, distinct from the audit chain's and the seed's: serialises draft starts and publishes. */
const PLAN_DRAFT_LOCK = 7_310_600;
const TARGET = "PlanRevision";

const revisionSelect = {
  id: true,
  number: true,
  status: true,
  sections: true,
  changeNote: true,
  publishedAt: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  author: { select: { name: true, email: true } },
  publishedBy: { select: { name: true, email: true } },
  updatedBy: { select: { name: true } },
} satisfies Prisma.PlanRevisionSelect;

type RevisionRow = Prisma.PlanRevisionGetPayload<{ select: typeof revisionSelect }>;

const summarySelect = {
  id: true,
  number: true,
  publishedAt: true,
  changeNote: true,
  createdAt: true,
  author: { select: { name: true, email: true } },
  publishedBy: { select: { name: true, email: true } },
} satisfies Prisma.PlanRevisionSelect;

function toDto(row: RevisionRow): PlanRevisionDto {
  const { updatedBy, ...rest } = row;
  void updatedBy; // read for lastChange, not part of the DTO
  return { ...rest, sections: readPlanSections(row.sections) };
}

/** Who last saved, discarded or published a revision, and when, from the revision's own row. */
function lastChange(row: { updatedAt: Date; updatedBy: { name: string } | null }): { by: string; at: Date } {
  return { by: row.updatedBy?.name ?? "Someone", at: row.updatedAt };
}

/**
 * Why a draft change cannot go ahead: the draft was discarded, published (published revisions are
 * immutable), or saved by someone else since the form was loaded. The editor keeps the user's text.
 */
async function staleDraftError(tx: Tx, id: string): Promise<ExpectedError> {
  const row = await tx.planRevision.findUnique({
    where: { id },
    select: {
      status: true,
      number: true,
      publishedAt: true,
      publishedBy: { select: { name: true } },
      updatedAt: true,
      updatedBy: { select: { name: true } },
    },
  });
  if (!row) return new NotFoundError();
  const last = lastChange(row);
  if (row.status === "DISCARDED") {
    return new ConflictError(
      `${last.by} discarded this draft at ${utcText(last.at)}; your text is kept below — start a new draft to use it.`,
    );
  }
  if (row.status === "PUBLISHED") {
    const by = row.publishedBy ? ` by ${row.publishedBy.name}` : "";
    const at = row.publishedAt ? ` at ${utcText(row.publishedAt)}` : "";
    return new ValidationError(
      `Revision ${row.number} was published${by}${at} and can no longer be changed. Start a new draft to revise the plan; your text is kept below.`,
    );
  }
  return new ConflictError(
    row.updatedBy
      ? `${last.by} saved this draft at ${utcText(last.at)} — reload to see their changes; your text is kept below.`
      : "Someone else saved this draft since you loaded it — reload to see their changes; your text is kept below.",
  );
}

/** The draft at the version the form was loaded at; anything else (published, gone, newer) is refused. */
async function loadDraftForUpdate(tx: Tx, id: string, version: number): Promise<RevisionRow> {
  const row = await tx.planRevision.findUnique({ where: { id }, select: revisionSelect });
  if (!row || row.status !== "DRAFT" || row.version !== version) throw await staleDraftError(tx, id);
  return row;
}

export async function getPublishedRevision(actor: Actor): Promise<PlanRevisionDto | null> {
  await authorize(actor, "plan.read", { type: TARGET });
  const row = await db().planRevision.findFirst({
    where: { status: "PUBLISHED" },
    orderBy: { number: "desc" },
    select: revisionSelect,
  });
  return row ? toDto(row) : null;
}

export async function getDraft(actor: Actor): Promise<PlanDraftDto | null> {
  await authorize(actor, "plan.read", { type: TARGET });
  const row = await db().planRevision.findFirst({ where: { status: "DRAFT" }, orderBy: { createdAt: "asc" }, select: revisionSelect });
  if (!row) return null;
  return { ...toDto(row), lastSaved: row.updatedBy ? lastChange(row) : null };
}

/** Starts the one draft, copying the latest published revision's text (or empty sections). */
export async function startDraft(actor: Actor): Promise<PlanRevisionDto> {
  await authorize(actor, "plan.edit", { type: TARGET });
  return db().$transaction(async (tx) => {
    // Under the lock, the check and the insert cannot interleave with another start: one draft at a time.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${PLAN_DRAFT_LOCK})`;
    const existing = await tx.planRevision.findFirst({
      where: { status: "DRAFT" },
      select: { createdAt: true, author: { select: { name: true } } },
    });
    if (existing) {
      throw new ConflictError(
        `${existing.author?.name ?? "Someone"} started a draft at ${utcText(existing.createdAt)}; there is one draft at a time — reload to open it.`,
      );
    }
    const published = await tx.planRevision.findFirst({
      where: { status: "PUBLISHED" },
      orderBy: { number: "desc" },
      select: { number: true, sections: true },
    });
    const sections = published ? readPlanSections(published.sections) : emptyPlanSections();
    const draft = await tx.planRevision.create({
      data: { status: "DRAFT", sections, authorId: actor.id, updatedById: actor.id },
      select: revisionSelect,
    });
    await appendAuditEvent(tx, {
      actor,
      action: "plan_revision.start_draft",
      targetType: TARGET,
      targetId: draft.id,
      after: { basedOnRevision: published?.number ?? null },
    });
    return toDto(draft);
  });
}

/**
 * Saves edited section bodies with the version the editor loaded. A stale version is a conflict
 * naming who saved last; a published revision is refused outright (immutable).
 */
export async function saveDraftSections(
  actor: Actor,
  input: { id: string; version: number; bodies: Partial<Record<PlanSectionKey, string>> },
): Promise<{ draft: PlanRevisionDto; changed: PlanSectionKey[] }> {
  await authorize(actor, "plan.edit", { type: TARGET, id: input.id });
  return db().$transaction(async (tx) => {
    const before = await loadDraftForUpdate(tx, input.id, input.version);
    const beforeSections = readPlanSections(before.sections);
    const edit = applySectionEdits(beforeSections, input.bodies);
    if (!edit.ok) throw new ValidationError("Some sections are too long; shorten them and save again.", edit.fieldErrors);
    if (edit.changedKeys.length === 0) return { draft: toDto(before), changed: [] };
    // The version and status in the WHERE make a racing writer (or a publish) miss instead of overwrite.
    const updated = await tx.planRevision.updateMany({
      where: { id: input.id, version: input.version, status: "DRAFT" },
      data: { sections: edit.sections, updatedById: actor.id, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw await staleDraftError(tx, input.id);
    const after = await tx.planRevision.findUniqueOrThrow({ where: { id: input.id }, select: revisionSelect });
    const bodiesOf = (sections: PlanSection[]) =>
      Object.fromEntries(sections.filter((s) => edit.changedKeys.includes(s.key)).map((s) => [s.key, s.body]));
    await appendAuditEvent(tx, {
      actor,
      action: "plan_revision.save_draft",
      targetType: TARGET,
      targetId: input.id,
      before: { version: before.version, sections: bodiesOf(beforeSections) },
      after: { version: after.version, sections: bodiesOf(edit.sections) },
    });
    return { draft: toDto(after), changed: edit.changedKeys };
  });
}

export async function discardDraft(actor: Actor, input: { id: string; version: number }): Promise<void> {
  await authorize(actor, "plan.edit", { type: TARGET, id: input.id });
  await db().$transaction(async (tx) => {
    const before = await loadDraftForUpdate(tx, input.id, input.version);
    // Kept as DISCARDED rather than deleted: a colleague's open editor can then say who discarded it.
    const discarded = await tx.planRevision.updateMany({
      where: { id: input.id, version: input.version, status: "DRAFT" },
      data: { status: "DISCARDED", updatedById: actor.id, version: { increment: 1 } },
    });
    if (discarded.count !== 1) throw await staleDraftError(tx, input.id);
    await appendAuditEvent(tx, {
      actor,
      action: "plan_revision.discard_draft",
      targetType: TARGET,
      targetId: input.id,
      before: { version: before.version, author: before.author?.email ?? null, sections: readPlanSections(before.sections) },
    });
  });
}

/**
 * Publishes the draft as the next revision number. From here on the revision is immutable: every
 * change above matches `status: DRAFT`, so nothing can touch it again.
 */
export async function publishDraft(actor: Actor, input: { id: string; version: number; changeNote: string }): Promise<PlanRevisionDto> {
  await authorize(actor, "plan.edit", { type: TARGET, id: input.id });
  const changeNote = input.changeNote.trim();
  if (!changeNote) throw new ValidationError("A change note is required.", { changeNote: ["Say what changed and why"] });
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${PLAN_DRAFT_LOCK})`;
    const before = await loadDraftForUpdate(tx, input.id, input.version);
    const latest = await tx.planRevision.findFirst({
      where: { status: "PUBLISHED" },
      orderBy: { number: "desc" },
      select: { number: true, publishedAt: true },
    });
    // Publication times only move forward, even across instances with skewed clocks, so that
    // "the plan in force at T" always picks the highest number among simultaneous publications.
    const now = new Date();
    const publishedAt =
      latest?.publishedAt && latest.publishedAt.getTime() >= now.getTime() ? new Date(latest.publishedAt.getTime() + 1) : now;
    const number = (latest?.number ?? 0) + 1;
    const updated = await tx.planRevision.updateMany({
      where: { id: input.id, version: input.version, status: "DRAFT" },
      data: {
        status: "PUBLISHED",
        number,
        publishedAt,
        publishedById: actor.id,
        changeNote,
        updatedById: actor.id,
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1) throw await staleDraftError(tx, input.id);
    const after = await tx.planRevision.findUniqueOrThrow({ where: { id: input.id }, select: revisionSelect });
    await appendAuditEvent(tx, {
      actor,
      action: "plan_revision.publish",
      targetType: TARGET,
      targetId: input.id,
      before: { status: before.status, version: before.version },
      after: { status: after.status, number, publishedAt, changeNote, version: after.version },
    });
    return toDto(after);
  });
}

/** Every published revision, newest first: the plan's history with authors, approvers and notes. */
export async function listRevisions(actor: Actor): Promise<PlanRevisionSummaryDto[]> {
  await authorize(actor, "plan.read", { type: TARGET });
  return db().planRevision.findMany({ where: { status: "PUBLISHED" }, orderBy: { number: "desc" }, select: summarySelect });
}

export async function getRevision(actor: Actor, number: number): Promise<PlanRevisionDto> {
  await authorize(actor, "plan.read", { type: TARGET });
  const row = await db().planRevision.findFirst({ where: { number, status: "PUBLISHED" }, select: revisionSelect });
  if (!row) throw new NotFoundError(`There is no published plan revision ${number}.`);
  return toDto(row);
}

/** The published revision that was in force at `at`, or null when none had been published by then. */
export async function getPlanInForceAt(actor: Actor, at: Date): Promise<PlanRevisionSummaryDto | null> {
  await authorize(actor, "plan.read", { type: TARGET });
  const published = await db().planRevision.findMany({
    where: { status: "PUBLISHED", publishedAt: { lte: at } },
    select: summarySelect,
  });
  return planInForceAt(published, at);
}
