import "server-only";
import { db, type Tx } from "@/lib/db";
import { appendAuditEvent } from "@/lib/dal/audit";
import { assertOneRowUpdated } from "@/lib/dal/versioning";
import { authorize } from "@/lib/dal/authorize";
import { ConflictError, messageTime, NotFoundError, ValidationError } from "@/lib/dal/errors";
import { stepSelect, stepSnapshot, toStepDto, type StepRow } from "@/lib/dal/run-records";
import { PERMISSIONS, type Actor } from "@/lib/domain/roles";
import { decideStepChange, describeStepDifferences, type StepChange } from "@/lib/domain/run-steps";
import type { RunStepDto } from "@/lib/dto/runs";
import { appendLiveEvent, runTopic } from "@/lib/dal/live-events";

/** Who may be assigned a step: active users whose role may act on runs. */
export const ASSIGNEE_ROLES = [...PERMISSIONS["runs.act"]];

/** The version is the one the form loaded; a step that moved on since is a conflict, never overwritten. */
export type UpdateRunStepInput = { stepId: string; version: number } & StepChange;

/**
 * The conflict a stale step edit raises: who changed the step last, when, and what is different
 * from the version the form loaded (the step's own history row for that version).
 */
async function stepConflict(tx: Tx, current: StepRow, loadedVersion: number): Promise<ConflictError> {
  const loaded = await tx.runStepHistory.findUnique({
    where: { stepId_version: { stepId: current.id, version: loadedVersion } },
    select: { status: true, assignee: true, notes: true, reason: true },
  });
  const differences = loaded
    ? describeStepDifferences(loaded, {
        status: current.status,
        assignee: current.assignee?.name ?? null,
        notes: current.notes,
        reason: current.reason,
      })
    : [];
  const who = current.updatedBy?.name ?? "someone";
  const what = differences.length ? ` (${differences.join(", ")})` : "";
  const time = messageTime(current.updatedAt, { clock: true });
  return new ConflictError(
    `Step “${current.title}” was changed by ${who} at ${time.text}${what} — your change was not applied.`,
    undefined,
    time,
  );
}

/**
 * Locks the step for update and its run for share (a run cannot complete underneath), only at the
 * version the form loaded, and reads it in the same statement. A writer queued behind the winner
 * gets no row once the winner commits (PostgreSQL re-checks the WHERE) rather than the lock.
 */
async function lockStepAtVersion(tx: Tx, stepId: string, version: number): Promise<{ step: StepRow; runStatus: string } | null> {
  const rows = await tx.$queryRaw<
    (Omit<StepRow, "assignee" | "updatedBy" | "_count"> & {
      runStatus: string;
      assigneeName: string | null;
      updatedByName: string | null;
      evidenceCount: number;
    })[]
  >`
    SELECT s."id", s."runId", s."position", s."phase"::text AS "phase", s."title", s."instructions",
           s."responsibleRole"::text AS "responsibleRole", s."expectedMinutes", s."evidenceExpected", s."noEvidenceReason",
           s."status"::text AS "status", s."assigneeId", s."reason", s."notes",
           s."startedAt", s."finishedAt", s."updatedAt", s."updatedById", s."version",
           (SELECT count(*)::int FROM "Evidence" e WHERE e."runStepId" = s."id") AS "evidenceCount",
           r."status"::text AS "runStatus", a."name" AS "assigneeName", u."name" AS "updatedByName"
      FROM "RunStep" s
      JOIN "PlaybookRun" r ON r."id" = s."runId"
      LEFT JOIN "User" a ON a."id" = s."assigneeId"
      LEFT JOIN "User" u ON u."id" = s."updatedById"
     WHERE s."id" = ${stepId} AND s."version" = ${version}
       FOR NO KEY UPDATE OF s FOR SHARE OF r`;
  const row = rows[0];
  if (!row) return null;
  const { assigneeName, updatedByName, runStatus, evidenceCount, ...step } = row;
  return {
    step: {
      ...step,
      assignee: assigneeName === null ? null : { name: assigneeName },
      updatedBy: updatedByName === null ? null : { name: updatedByName },
      _count: { evidence: evidenceCount },
    },
    runStatus,
  };
}

/**
 * Applies one change to one run step: start/claim, complete, skip, block, reopen, assign or edit
 * notes. The step row is locked for update and its run for share, so the version check and the
 * state-machine decision see the state the write replaces. Audit event, then the live event as
 * the transaction's last statement.
 */
export async function updateRunStep(actor: Actor, input: UpdateRunStepInput): Promise<RunStepDto> {
  await authorize(actor, "runs.act", { type: "RunStep", id: input.stepId });
  return db().$transaction(async (tx) => {
    const locked = await lockStepAtVersion(tx, input.stepId, input.version);
    if (!locked) {
      const current = await tx.runStep.findUnique({ where: { id: input.stepId }, select: stepSelect });
      if (!current) throw new NotFoundError("That step was not found.");
      throw await stepConflict(tx, current, input.version);
    }
    const before = locked.step;
    if (locked.runStatus !== "ACTIVE") {
      throw new ValidationError(`This run is ${locked.runStatus.toLowerCase()}; its steps are part of the record and no longer change.`);
    }
    let assigneeName = before.assignee?.name ?? null;
    if (input.change === "assign") {
      const assignee = await tx.user.findFirst({
        where: { id: input.assigneeId, active: true, role: { in: ASSIGNEE_ROLES } },
        select: { name: true },
      });
      if (!assignee)
        throw new ValidationError("Choose an active IR manager or responder.", { assigneeId: ["Not someone who can work a run"] });
      assigneeName = assignee.name;
    }
    const now = new Date();
    const decision = decideStepChange({ ...before, evidenceCount: before._count.evidence }, input, actor.id, now);
    if (!decision.ok) throw new ValidationError(decision.message, decision.field ? { [decision.field]: [decision.message] } : undefined);
    const { status, assigneeId, reason, notes, startedAt, finishedAt, noEvidenceReason } = decision.next;
    if (assigneeId === actor.id) assigneeName = actor.name;
    // The version in the WHERE is belt and braces: the row lock already made a racing writer miss above.
    const updated = await tx.runStep.updateMany({
      where: { id: before.id, version: before.version },
      data: {
        status,
        assigneeId,
        reason,
        notes,
        startedAt,
        finishedAt,
        noEvidenceReason,
        updatedById: actor.id,
        updatedAt: now,
        version: { increment: 1 },
      },
    });
    assertOneRowUpdated(updated.count, `step “${before.title}”`);
    await tx.runStepHistory.create({
      data: {
        stepId: before.id,
        version: before.version,
        status: before.status,
        assigneeId: before.assigneeId,
        assignee: before.assignee?.name ?? null,
        reason: before.reason,
        notes: before.notes,
        replacedAt: now,
      },
    });
    const after: StepRow = {
      ...before,
      status,
      assigneeId,
      reason,
      notes,
      startedAt,
      finishedAt,
      noEvidenceReason,
      updatedById: actor.id,
      updatedAt: now,
      version: before.version + 1,
      assignee: assigneeId ? { name: assigneeName ?? "" } : null,
      updatedBy: { name: actor.name },
    };
    await appendAuditEvent(tx, {
      actor,
      action: "run.step.update",
      targetType: "RunStep",
      targetId: before.id,
      before: stepSnapshot(before),
      after: { ...stepSnapshot(after), change: input.change },
    });
    const step = toStepDto(after);
    // The step travels with the event: every instance reads it once instead of loading it again.
    await appendLiveEvent(tx, { topic: runTopic(before.runId), kind: "step.updated", entityId: before.id, actorId: actor.id, data: step });
    return step;
  });
}
