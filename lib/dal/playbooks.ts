import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { IncidentType } from "@/lib/generated/prisma/enums";
import { appendAuditEvent } from "@/lib/dal/audit";
import { authorize } from "@/lib/dal/authorize";
import { NotFoundError, ValidationError } from "@/lib/dal/errors";
import { PLAYBOOK_TARGET, stepSelect, toVersionSummary, VERSION_TARGET, versionSummarySelect } from "@/lib/dal/playbook-records";
import { assertOneRowUpdated, lastChange, staleVersionConflict } from "@/lib/dal/versioning";
import { techniqueById } from "@/lib/domain/attack";
import { diffPlaybookSteps } from "@/lib/domain/playbook-diff";
import { orderSteps } from "@/lib/domain/playbook-steps";
import type { Actor } from "@/lib/domain/roles";
import type {
  PlaybookDetailDto,
  PlaybookDiffDto,
  PlaybookStepDto,
  PlaybookSummaryDto,
  PlaybookTechniqueDto,
  PlaybookVersionDto,
  PublishedPlaybookRefDto,
} from "@/lib/dto/playbooks";
import type { PlaybookDetails } from "@/lib/validation/playbooks";

// The playbook library: playbooks and their versions (one DRAFT at a time, PUBLISHED ones
// immutable). Reads and playbook-level writes live here; editing and publishing a draft's steps
// is in playbook-drafts.ts.

const playbookSelect = {
  id: true,
  title: true,
  incidentType: true,
  description: true,
  attackTechniques: true,
  retiredAt: true,
  version: true,
} satisfies Prisma.PlaybookSelect;

function techniques(ids: readonly string[]): PlaybookTechniqueDto[] {
  return ids.map((id) => {
    const t = techniqueById(id);
    return { id, name: t?.name ?? id, url: t?.url ?? null };
  });
}

// ───────────── reads ─────────────

export async function listPlaybooks(
  actor: Actor,
  filter: { incidentType?: IncidentType | null; includeRetired?: boolean } = {},
): Promise<PlaybookSummaryDto[]> {
  await authorize(actor, "playbooks.read", { type: PLAYBOOK_TARGET });
  const rows = await db().playbook.findMany({
    where: { ...(filter.incidentType ? { incidentType: filter.incidentType } : {}), ...(filter.includeRetired ? {} : { retiredAt: null }) },
    orderBy: [{ incidentType: "asc" }, { title: "asc" }, { id: "asc" }],
    select: {
      ...playbookSelect,
      versions: {
        where: { status: { in: ["DRAFT", "PUBLISHED"] } },
        orderBy: { number: "desc" },
        select: { number: true, status: true, publishedAt: true },
      },
    },
  });
  return rows.map((row) => {
    const published = row.versions.find((v) => v.status === "PUBLISHED");
    const draft = row.versions.find((v) => v.status === "DRAFT");
    return {
      id: row.id,
      title: row.title,
      incidentType: row.incidentType,
      description: row.description,
      techniques: techniques(row.attackTechniques),
      retiredAt: row.retiredAt,
      latestPublished: published ? { number: published.number, publishedAt: published.publishedAt } : null,
      draft: draft ? { number: draft.number } : null,
    };
  });
}

/** For starting runs: each live (not retired) playbook's latest PUBLISHED version. */
export async function listPublishedPlaybooks(actor: Actor): Promise<PublishedPlaybookRefDto[]> {
  await authorize(actor, "playbooks.read", { type: PLAYBOOK_TARGET });
  const rows = await db().playbook.findMany({
    where: { retiredAt: null, versions: { some: { status: "PUBLISHED" } } },
    orderBy: [{ incidentType: "asc" }, { title: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      incidentType: true,
      versions: { where: { status: "PUBLISHED" }, orderBy: { number: "desc" }, take: 1, select: { id: true, number: true } },
    },
  });
  return rows.flatMap((row) =>
    row.versions.map((v) => ({ playbookId: row.id, versionId: v.id, number: v.number, title: row.title, incidentType: row.incidentType })),
  );
}

export async function getPlaybookOrThrow(actor: Actor, id: string): Promise<PlaybookDetailDto> {
  await authorize(actor, "playbooks.read", { type: PLAYBOOK_TARGET, id });
  const row = await db().playbook.findUnique({
    where: { id },
    select: { ...playbookSelect, versions: { orderBy: { number: "desc" }, select: versionSummarySelect } },
  });
  if (!row) throw new NotFoundError("That playbook was not found.");
  return {
    id: row.id,
    title: row.title,
    incidentType: row.incidentType,
    description: row.description,
    techniques: techniques(row.attackTechniques),
    retiredAt: row.retiredAt,
    version: row.version,
    versions: row.versions.map(toVersionSummary),
  };
}

export async function getPlaybookVersionOrThrow(actor: Actor, playbookId: string, number: number): Promise<PlaybookVersionDto> {
  await authorize(actor, "playbooks.read", { type: VERSION_TARGET });
  return db().$transaction(async (tx) => {
    const row = await tx.playbookVersion.findUnique({
      where: { playbookId_number: { playbookId, number } },
      select: { ...versionSummarySelect, playbookId: true, version: true, steps: { select: stepSelect } },
    });
    if (!row) throw new NotFoundError(`This playbook has no version ${number}.`);
    return {
      ...toVersionSummary(row),
      playbookId: row.playbookId,
      version: row.version,
      steps: orderSteps(row.steps),
      lastChange: await lastChange(tx, VERSION_TARGET, row.id),
    };
  });
}

export async function getPlaybookDiff(actor: Actor, playbookId: string, from: number, to: number): Promise<PlaybookDiffDto> {
  await authorize(actor, "playbooks.read", { type: PLAYBOOK_TARGET, id: playbookId });
  const playbook = await db().playbook.findUnique({ where: { id: playbookId }, select: { id: true, title: true } });
  if (!playbook) throw new NotFoundError("That playbook was not found.");
  const load = async (number: number) => {
    const row = await db().playbookVersion.findUnique({
      where: { playbookId_number: { playbookId, number } },
      select: { ...versionSummarySelect, steps: { select: stepSelect } },
    });
    if (!row) throw new NotFoundError(`This playbook has no version ${number}.`);
    return row;
  };
  const [a, b] = await Promise.all([load(from), load(to)]);
  return { playbook, from: toVersionSummary(a), to: toVersionSummary(b), diff: diffPlaybookSteps<PlaybookStepDto>(a.steps, b.steps) };
}

// ───────────── the playbook itself ─────────────

/** Creates the playbook with an empty draft version 1, ready for its steps. */
export async function createPlaybook(actor: Actor, input: PlaybookDetails): Promise<{ id: string; title: string }> {
  await authorize(actor, "playbooks.edit", { type: PLAYBOOK_TARGET });
  return db().$transaction(async (tx) => {
    const playbook = await tx.playbook.create({
      data: { ...input, updatedById: actor.id, versions: { create: { number: 1, status: "DRAFT", updatedById: actor.id } } },
      select: { ...playbookSelect, versions: { select: { id: true } } },
    });
    const { versions, ...after } = playbook;
    await appendAuditEvent(tx, {
      actor,
      action: "playbook.create",
      targetType: PLAYBOOK_TARGET,
      targetId: playbook.id,
      after: { ...after, draftVersionId: versions[0]?.id },
    });
    return { id: playbook.id, title: playbook.title };
  });
}

async function loadPlaybookForUpdate(tx: Tx, id: string, version: number) {
  const row = await tx.playbook.findUnique({ where: { id }, select: playbookSelect });
  if (!row) throw new NotFoundError("That playbook was not found.");
  if (row.version !== version) throw await staleVersionConflict(tx, { type: PLAYBOOK_TARGET, id, label: `"${row.title}"` });
  return row;
}

async function bumpPlaybook(
  tx: Tx,
  actor: Actor,
  before: { id: string; version: number; title: string },
  data: Prisma.PlaybookUncheckedUpdateManyInput,
) {
  // The version in the WHERE makes a racing writer miss instead of overwrite.
  const updated = await tx.playbook.updateMany({
    where: { id: before.id, version: before.version },
    data: { ...data, updatedById: actor.id, version: { increment: 1 } },
  });
  assertOneRowUpdated(updated.count, `"${before.title}"`);
  return tx.playbook.findUniqueOrThrow({ where: { id: before.id }, select: playbookSelect });
}

/**
 * Title, type, description and techniques belong to the playbook, not to a version: runs pin a
 * version's steps, so renaming does not change what a running incident follows.
 */
export async function updatePlaybookDetails(
  actor: Actor,
  input: PlaybookDetails & { id: string; version: number },
): Promise<{ id: string; title: string }> {
  await authorize(actor, "playbooks.edit", { type: PLAYBOOK_TARGET, id: input.id });
  return db().$transaction(async (tx) => {
    const { id, version, ...details } = input;
    const before = await loadPlaybookForUpdate(tx, id, version);
    if (before.retiredAt) throw new ValidationError(`"${before.title}" is retired; its record stays as it was.`);
    const after = await bumpPlaybook(tx, actor, before, details);
    await appendAuditEvent(tx, { actor, action: "playbook.update", targetType: PLAYBOOK_TARGET, targetId: before.id, before, after });
    return { id: after.id, title: after.title };
  });
}

/** Retired playbooks get no new drafts or runs; runs already going continue on their pinned version. */
export async function retirePlaybook(actor: Actor, input: { id: string; version: number }): Promise<{ id: string; title: string }> {
  await authorize(actor, "playbooks.edit", { type: PLAYBOOK_TARGET, id: input.id });
  return db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Playbook" WHERE id = ${input.id} FOR UPDATE`;
    const before = await loadPlaybookForUpdate(tx, input.id, input.version);
    if (before.retiredAt) throw new ValidationError(`"${before.title}" is already retired.`);
    const after = await bumpPlaybook(tx, actor, before, { retiredAt: new Date() });
    await appendAuditEvent(tx, { actor, action: "playbook.retire", targetType: PLAYBOOK_TARGET, targetId: before.id, before, after });
    return { id: after.id, title: after.title };
  });
}
