import "server-only";
import { db, type Tx } from "@/lib/db";
import type { PlaybookVersionStatus } from "@/lib/generated/prisma/enums";
import { appendAuditEvent } from "@/lib/dal/audit";
import { authorize } from "@/lib/dal/authorize";
import { ConflictError, messageTime, NotFoundError, ValidationError } from "@/lib/dal/errors";
import { PLAYBOOK_TARGET, stepSelect, toVersionSummary, VERSION_TARGET, versionSummarySelect } from "@/lib/dal/playbook-records";
import { lastChange, staleVersionConflict } from "@/lib/dal/versioning";
import { moveStep, orderSteps, placeholderProblemMessage, placeholderProblems, renumber } from "@/lib/domain/playbook-steps";
import type { Actor } from "@/lib/domain/roles";
import type { PlaybookStepDto, PlaybookVersionSummaryDto } from "@/lib/dto/playbooks";
import { MAX_STEPS, type PlaybookStepInput } from "@/lib/validation/playbooks";

// Editing a playbook's one draft version: starting it, changing its steps, discarding or
// publishing it. Every step change bumps the version row's `version`, so two managers editing one
// draft never overwrite each other.

/** Starts the one draft, copying the steps of the latest version. */
export async function startPlaybookDraft(actor: Actor, input: { playbookId: string }): Promise<PlaybookVersionSummaryDto> {
  await authorize(actor, "playbooks.edit", { type: PLAYBOOK_TARGET, id: input.playbookId });
  return db().$transaction(async (tx) => {
    // The row lock makes the draft check and the insert one step against a concurrent start or retire.
    await tx.$queryRaw`SELECT id FROM "Playbook" WHERE id = ${input.playbookId} FOR UPDATE`;
    const playbook = await tx.playbook.findUnique({ where: { id: input.playbookId }, select: { id: true, title: true, retiredAt: true } });
    if (!playbook) throw new NotFoundError("That playbook was not found.");
    if (playbook.retiredAt) throw new ValidationError(`"${playbook.title}" is retired; it gets no new drafts.`);
    const draft = await tx.playbookVersion.findFirst({
      where: { playbookId: playbook.id, status: "DRAFT" },
      select: { id: true, number: true, createdAt: true },
    });
    if (draft) {
      const by = (await lastChange(tx, VERSION_TARGET, draft.id)) ?? { by: "Someone", at: draft.createdAt };
      const time = messageTime(by.at);
      throw new ConflictError(
        `There is already a draft (version ${draft.number}, last changed by ${by.by} at ${time.text}); one draft at a time — open it instead.`,
        undefined,
        time,
      );
    }
    const latest = await tx.playbookVersion.findFirst({
      where: { playbookId: playbook.id },
      orderBy: { number: "desc" },
      select: { number: true, steps: { select: stepSelect } },
    });
    const created = await tx.playbookVersion.create({
      data: {
        playbookId: playbook.id,
        number: (latest?.number ?? 0) + 1,
        status: "DRAFT",
        updatedById: actor.id,
        steps: { create: orderSteps(latest?.steps ?? []).map((s, i) => ({ ...copyOf(s), position: i + 1 })) },
      },
      select: versionSummarySelect,
    });
    await appendAuditEvent(tx, {
      actor,
      action: "playbook_version.start_draft",
      targetType: VERSION_TARGET,
      targetId: created.id,
      after: { playbookId: playbook.id, number: created.number, copiedFrom: latest?.number ?? null, steps: created._count.steps },
    });
    return toVersionSummary(created);
  });
}

/** A step's content without its row id, for copying it into a new draft. */
function copyOf(s: PlaybookStepDto) {
  return {
    phase: s.phase,
    title: s.title,
    instructions: s.instructions,
    responsibleRole: s.responsibleRole,
    evidenceExpected: s.evidenceExpected,
    expectedMinutes: s.expectedMinutes,
  };
}

type DraftRow = { id: string; number: number; version: number; playbookId: string; title: string; steps: PlaybookStepDto[] };

/**
 * The draft at the version the form loaded, with the version bumped first: the conditional update
 * takes the row lock, so a concurrent writer waits, then misses and is told who won. Published
 * (and retired) versions are immutable and refused here for every step and metadata change.
 */
async function claimDraft(tx: Tx, actor: Actor, versionId: string, version: number, { allowRetired = false } = {}): Promise<DraftRow> {
  const row = await tx.playbookVersion.findUnique({
    where: { id: versionId },
    select: {
      id: true,
      number: true,
      status: true,
      version: true,
      playbookId: true,
      playbook: { select: { title: true, retiredAt: true } },
      steps: { select: stepSelect },
    },
  });
  if (!row) throw new NotFoundError("That playbook version was not found — it may have been discarded.");
  if (row.status !== "DRAFT") throw new ValidationError(`Version ${row.number} is ${statusWord(row.status)}; start a new draft.`);
  if (row.playbook.retiredAt && !allowRetired)
    throw new ValidationError(`"${row.playbook.title}" is retired; its draft can no longer be changed or published.`);
  const label = `Draft version ${row.number} of "${row.playbook.title}"`;
  if (row.version !== version) throw await staleVersionConflict(tx, { type: VERSION_TARGET, id: row.id, label });
  const updated = await tx.playbookVersion.updateMany({
    where: { id: row.id, version, status: "DRAFT" },
    data: { updatedById: actor.id, version: { increment: 1 } },
  });
  if (updated.count !== 1) throw await staleVersionConflict(tx, { type: VERSION_TARGET, id: row.id, label });
  return {
    id: row.id,
    number: row.number,
    version: version + 1,
    playbookId: row.playbookId,
    title: row.playbook.title,
    steps: orderSteps(row.steps),
  };
}

const statusWord = (status: PlaybookVersionStatus) => status.toLowerCase();

async function writePositions(tx: Tx, steps: readonly { id: string; position: number }[]): Promise<void> {
  for (const s of steps) await tx.playbookStep.update({ where: { id: s.id }, data: { position: s.position } });
}

function stepOf(draft: DraftRow, stepId: string): PlaybookStepDto {
  const step = draft.steps.find((s) => s.id === stepId);
  if (!step) throw new NotFoundError("That step is not in this draft any more — reload.");
  return step;
}

type VersionRef = { versionId: string; version: number };
type StepChangeResult = { versionId: string; version: number; stepId: string; title: string };

/** A new step goes to the end of its phase. */
export async function addPlaybookStep(actor: Actor, input: VersionRef & { step: PlaybookStepInput }): Promise<StepChangeResult> {
  await authorize(actor, "playbooks.edit", { type: VERSION_TARGET, id: input.versionId });
  return db().$transaction(async (tx) => {
    const draft = await claimDraft(tx, actor, input.versionId, input.version);
    if (draft.steps.length >= MAX_STEPS) throw new ValidationError(`A version holds at most ${MAX_STEPS} steps.`);
    const created = await tx.playbookStep.create({
      data: { ...input.step, versionId: draft.id, position: draft.steps.length + 1 },
      select: stepSelect,
    });
    await writePositions(tx, renumber([...draft.steps, created]));
    await appendAuditEvent(tx, {
      actor,
      action: "playbook_version.add_step",
      targetType: VERSION_TARGET,
      targetId: draft.id,
      after: { version: draft.version, step: created },
    });
    return { versionId: draft.id, version: draft.version, stepId: created.id, title: created.title };
  });
}

export async function updatePlaybookStep(
  actor: Actor,
  input: VersionRef & { stepId: string; step: PlaybookStepInput },
): Promise<StepChangeResult> {
  await authorize(actor, "playbooks.edit", { type: VERSION_TARGET, id: input.versionId });
  return db().$transaction(async (tx) => {
    const draft = await claimDraft(tx, actor, input.versionId, input.version);
    const before = stepOf(draft, input.stepId);
    const after = await tx.playbookStep.update({ where: { id: before.id }, data: input.step, select: stepSelect });
    // A phase change moves the step into its new phase's group, after that phase's other steps' positions.
    await writePositions(tx, renumber(draft.steps.map((s) => (s.id === after.id ? after : s))));
    await appendAuditEvent(tx, {
      actor,
      action: "playbook_version.update_step",
      targetType: VERSION_TARGET,
      targetId: draft.id,
      before: { version: input.version, step: before },
      after: { version: draft.version, step: after },
    });
    return { versionId: draft.id, version: draft.version, stepId: after.id, title: after.title };
  });
}

export async function movePlaybookStep(
  actor: Actor,
  input: VersionRef & { stepId: string; direction: "up" | "down" },
): Promise<StepChangeResult> {
  await authorize(actor, "playbooks.edit", { type: VERSION_TARGET, id: input.versionId });
  return db().$transaction(async (tx) => {
    const draft = await claimDraft(tx, actor, input.versionId, input.version);
    const step = stepOf(draft, input.stepId);
    const moved = moveStep(draft.steps, step.id, input.direction);
    if (!moved.ok) throw new ValidationError(moved.message);
    const positions = moved.order.map((s, i) => ({ id: s.id, position: i + 1 }));
    await writePositions(
      tx,
      positions.filter((p) => draft.steps.find((s) => s.id === p.id)?.position !== p.position),
    );
    await appendAuditEvent(tx, {
      actor,
      action: "playbook_version.move_step",
      targetType: VERSION_TARGET,
      targetId: draft.id,
      before: { version: input.version, stepId: step.id, position: step.position },
      after: {
        version: draft.version,
        stepId: step.id,
        position: positions.find((p) => p.id === step.id)?.position,
        direction: input.direction,
      },
    });
    return { versionId: draft.id, version: draft.version, stepId: step.id, title: step.title };
  });
}

export async function removePlaybookStep(actor: Actor, input: VersionRef & { stepId: string }): Promise<StepChangeResult> {
  await authorize(actor, "playbooks.edit", { type: VERSION_TARGET, id: input.versionId });
  return db().$transaction(async (tx) => {
    const draft = await claimDraft(tx, actor, input.versionId, input.version);
    const step = stepOf(draft, input.stepId);
    await tx.playbookStep.delete({ where: { id: step.id } });
    await writePositions(tx, renumber(draft.steps.filter((s) => s.id !== step.id)));
    await appendAuditEvent(tx, {
      actor,
      action: "playbook_version.remove_step",
      targetType: VERSION_TARGET,
      targetId: draft.id,
      before: { version: input.version, step },
      after: { version: draft.version },
    });
    return { versionId: draft.id, version: draft.version, stepId: step.id, title: step.title };
  });
}

/** Throws a draft away with its steps (a retired playbook's too); published versions are never deleted. */
export async function discardPlaybookDraft(actor: Actor, input: VersionRef): Promise<{ playbookId: string; number: number }> {
  await authorize(actor, "playbooks.edit", { type: VERSION_TARGET, id: input.versionId });
  return db().$transaction(async (tx) => {
    const draft = await claimDraft(tx, actor, input.versionId, input.version, { allowRetired: true });
    await tx.playbookVersion.delete({ where: { id: draft.id } });
    await appendAuditEvent(tx, {
      actor,
      action: "playbook_version.discard_draft",
      targetType: VERSION_TARGET,
      targetId: draft.id,
      before: { number: draft.number, steps: draft.steps },
    });
    return { playbookId: draft.playbookId, number: draft.number };
  });
}

/**
 * Publishes the draft: from here on it is immutable (every change above requires DRAFT), and runs
 * started from now on pin it. Unknown placeholders would reach responders as literal braces, so
 * they are refused here with each step named.
 */
export async function publishPlaybookVersion(
  actor: Actor,
  input: VersionRef & { changeNote: string },
): Promise<{ playbookId: string; number: number; title: string }> {
  await authorize(actor, "playbooks.edit", { type: VERSION_TARGET, id: input.versionId });
  const changeNote = input.changeNote.trim();
  if (!changeNote) throw new ValidationError("A change note is required.", { changeNote: ["Say what changed and why"] });
  return db().$transaction(async (tx) => {
    const draft = await claimDraft(tx, actor, input.versionId, input.version);
    if (draft.steps.length === 0) throw new ValidationError(`Version ${draft.number} has no steps; add at least one before publishing.`);
    const problems = placeholderProblems(draft.steps);
    if (problems.length) throw new ValidationError(placeholderProblemMessage(problems), { steps: problems.map((p) => p.step) });
    await writePositions(tx, renumber(draft.steps));
    const publishedAt = new Date();
    await tx.playbookVersion.update({
      where: { id: draft.id },
      data: { status: "PUBLISHED", publishedAt, publishedById: actor.id, changeNote, updatedById: actor.id },
    });
    await appendAuditEvent(tx, {
      actor,
      action: "playbook_version.publish",
      targetType: VERSION_TARGET,
      targetId: draft.id,
      before: { status: "DRAFT", version: input.version },
      after: { status: "PUBLISHED", number: draft.number, publishedAt, changeNote, steps: draft.steps.length, version: draft.version },
    });
    return { playbookId: draft.playbookId, number: draft.number, title: draft.title };
  });
}
