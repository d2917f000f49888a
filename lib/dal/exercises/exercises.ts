import "server-only";
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { appendAuditEvent } from "@/lib/dal/audit";
import { authorize } from "@/lib/dal/authorize";
import { NotFoundError, ValidationError } from "@/lib/dal/errors";
import { writeVersioned } from "@/lib/dal/exercises/versioned";
import { exerciseSelect, type ExerciseDto } from "@/lib/dal/exercises/selects";
import { decidePurpleTeamStart } from "@/lib/domain/exercises/gating";
import { decideStatusChange } from "@/lib/domain/exercises/status";
import type { Actor } from "@/lib/domain/roles";
import type { ExerciseFieldsValue } from "@/lib/validation/exercises";

// Exercises are never deleted: findings, action items and the auditors' history hang off them.
// A mistaken one is cancelled with a reason.

export type { ExerciseDto };

export async function getExerciseOrThrow(actor: Actor, id: string): Promise<ExerciseDto> {
  await authorize(actor, "exercises.read", { type: "Exercise", id });
  const exercise = await db().exercise.findUnique({ where: { id }, select: exerciseSelect });
  if (!exercise) throw new NotFoundError("No such exercise.");
  return exercise;
}

/** Checks the form's references and returns the rows to write for playbooks, participants and scope. */
async function childRows(tx: Tx, input: ExerciseFieldsValue, exerciseId: string | null) {
  const versions = await tx.playbookVersion.findMany({
    where: { id: { in: input.playbookVersionIds } },
    select: { id: true, status: true, number: true, playbook: { select: { title: true } } },
  });
  if (versions.length !== new Set(input.playbookVersionIds).size) {
    throw new ValidationError("A playbook version no longer exists.", { playbookVersionIds: ["Choose playbooks from the list"] });
  }
  const unpublished = versions.filter((v) => v.status !== "PUBLISHED");
  if (unpublished.length) {
    throw new ValidationError(
      `Exercises pin a published playbook version: ${unpublished.map((v) => `${v.playbook.title} v${v.number}`).join(", ")} is not.`,
      {
        playbookVersionIds: ["Pick a published version"],
      },
    );
  }
  const participants = input.participants.map((p) => {
    const [kind, id] = p.ref.split(":") as ["contact" | "user", string];
    return {
      contactId: kind === "contact" ? id : null,
      userId: kind === "user" ? id : null,
      planRole: p.planRole as never,
      part: p.part,
      attendance: p.attendance,
    };
  });
  const refs = participants.map((p) => p.contactId ?? `u:${p.userId}`);
  if (new Set(refs).size !== refs.length)
    throw new ValidationError("Someone is listed twice as a participant.", { participants: ["Each person once"] });
  for (const s of input.scope) {
    const ok = s.namespaceId
      ? await tx.namespace.count({ where: { id: s.namespaceId, clusterId: s.clusterId } })
      : await tx.cluster.count({ where: { id: s.clusterId } });
    if (!ok) throw new ValidationError("A cluster or namespace in the scope no longer exists.", { scope: ["Choose from the list"] });
  }
  if (input.repeatsId) {
    const repeated = await tx.exercise.findUnique({ where: { id: input.repeatsId }, select: { id: true } });
    if (!repeated || repeated.id === exerciseId)
      throw new ValidationError("A re-run repeats another, existing exercise.", { repeatsId: ["Choose an earlier exercise"] });
  }
  return {
    playbooks: input.playbookVersionIds.map((playbookVersionId) => ({ playbookVersionId })),
    participants,
    scope: input.scope,
  };
}

function scalarFields(input: ExerciseFieldsValue) {
  // Only a purple team has a red team.
  return {
    kind: input.kind,
    title: input.title,
    scenario: input.scenario,
    scenarioDescription: input.scenarioDescription,
    scheduledAt: input.scheduledAt,
    conductedAt: input.conductedAt,
    facilitator: input.facilitator,
    facilitatorOrganisation: input.facilitatorOrganisation,
    attackTechniques: input.attackTechniques,
    outcome: input.outcome,
    repeatsId: input.repeatsId,
    redTeamOrganisation: input.kind === "PURPLE_TEAM" ? input.redTeamOrganisation : null,
  };
}

/** A participant row refers to a contact or user that must exist; the FK says which did not. */
function foreignKeyAsValidation(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2003" || error.code === "P2002")) {
    throw new ValidationError("A participant is no longer in the plan, or is listed twice. Reload and check.", {
      participants: ["Check the participants"],
    });
  }
  throw error;
}

export async function createExercise(actor: Actor, input: ExerciseFieldsValue): Promise<ExerciseDto> {
  await authorize(actor, "exercises.edit", { type: "Exercise" });
  return db()
    .$transaction(async (tx) => {
      const children = await childRows(tx, input, null);
      // The plan revision in force when the exercise is recorded, so the record says what was tested.
      const inForce = await tx.planRevision.findFirst({
        where: { status: "PUBLISHED" },
        orderBy: { number: "desc" },
        select: { id: true },
      });
      const exercise = await tx.exercise.create({
        data: {
          ...scalarFields(input),
          planRevisionId: inForce?.id ?? null,
          createdById: actor.id,
          updatedById: actor.id,
          playbooks: { create: children.playbooks },
          participants: { create: children.participants },
          scope: { create: children.scope },
        },
        select: exerciseSelect,
      });
      await appendAuditEvent(tx, { actor, action: "exercise.create", targetType: "Exercise", targetId: exercise.id, after: exercise });
      return exercise;
    })
    .catch(foreignKeyAsValidation);
}

async function loadForChange(tx: Tx, id: string): Promise<ExerciseDto> {
  const before = await tx.exercise.findUnique({ where: { id }, select: exerciseSelect });
  if (!before) throw new NotFoundError("No such exercise.");
  return before;
}

export async function updateExercise(actor: Actor, input: { id: string; version: number } & ExerciseFieldsValue): Promise<ExerciseDto> {
  const { id, version, ...fields } = input;
  await authorize(actor, "exercises.edit", { type: "Exercise", id });
  return db()
    .$transaction(async (tx) => {
      const before = await loadForChange(tx, id);
      if (before.status !== "PLANNED" && before.kind !== fields.kind) {
        throw new ValidationError("The type of an exercise that has started stays as it is.", { kind: ["Fixed once started"] });
      }
      const children = await childRows(tx, fields, id);
      return writeVersioned(
        tx,
        actor,
        { type: "Exercise", id, version, label: before.title, current: before.version },
        tx.exercise,
        scalarFields(fields),
        {
          action: "exercise.update",
          before,
          reread: () => loadForChange(tx, id),
          // The lists are part of the exercise: replaced whole, under the exercise's version.
          alsoWrite: async () => {
            await tx.exercisePlaybook.deleteMany({ where: { exerciseId: id } });
            await tx.exerciseParticipant.deleteMany({ where: { exerciseId: id } });
            await tx.exerciseScope.deleteMany({ where: { exerciseId: id } });
            await tx.exercisePlaybook.createMany({ data: children.playbooks.map((p) => ({ ...p, exerciseId: id })) });
            await tx.exerciseParticipant.createMany({ data: children.participants.map((p) => ({ ...p, exerciseId: id })) });
            await tx.exerciseScope.createMany({ data: children.scope.map((s) => ({ ...s, exerciseId: id })) });
          },
        },
      );
    })
    .catch(foreignKeyAsValidation);
}

/**
 * Moves an exercise along its status machine. Starting a purple team runs the gate inside the
 * same transaction as the update, against the tabletops and action items as they are now; an
 * override is written on the row (who, when, why) and audited as an event of its own, so the
 * history shows it apart from the status change.
 */
export async function changeExerciseStatus(
  actor: Actor,
  input: { id: string; version: number; to: ExerciseDto["status"]; cancelReason: string | null; overrideReason: string | null },
): Promise<{ exercise: ExerciseDto; overridden: boolean }> {
  await authorize(actor, "exercises.edit", { type: "Exercise", id: input.id });
  return db().$transaction(async (tx) => {
    const before = await loadForChange(tx, input.id);
    const status = decideStatusChange(before.status, input.to, input.cancelReason);
    if (!status.ok) throw new ValidationError(status.message, status.field ? { [status.field]: [status.message] } : undefined);
    const data: Prisma.ExerciseUncheckedUpdateManyInput = { status: status.next, cancelReason: status.cancelReason };
    let overridden = false;
    if (status.next === "IN_PROGRESS" && before.kind === "PURPLE_TEAM") {
      const tabletops = await tx.exercise.findMany({
        where: { kind: "TABLETOP", status: "COMPLETED", scenario: before.scenario },
        select: {
          id: true,
          title: true,
          kind: true,
          status: true,
          scenario: true,
          conductedAt: true,
          findings: { select: { id: true, title: true, severity: true, actionItems: { select: { status: true } } } },
        },
      });
      const gate = decidePurpleTeamStart({ kind: before.kind, scenario: before.scenario, tabletops, overrideReason: input.overrideReason });
      if (!gate.ok) throw new ValidationError(gate.message, { overrideReason: [gate.message] });
      data.prerequisiteId = gate.prerequisiteId;
      if (gate.override) {
        overridden = true;
        Object.assign(data, { overrideReason: gate.override.reason, overrideById: actor.id, overrideAt: new Date() });
      }
    }
    if (status.next === "COMPLETED" && !before.conductedAt) data.conductedAt = new Date();
    const exercise = await writeVersioned(
      tx,
      actor,
      { type: "Exercise", id: input.id, version: input.version, label: before.title, current: before.version },
      tx.exercise,
      data,
      { action: `exercise.status.${status.next.toLowerCase()}`, before, reread: () => loadForChange(tx, input.id) },
    );
    if (overridden) {
      await appendAuditEvent(tx, {
        actor,
        action: "exercise.override",
        targetType: "Exercise",
        targetId: input.id,
        after: { overrideReason: exercise.overrideReason, prerequisiteId: exercise.prerequisiteId },
      });
    }
    return { exercise, overridden };
  });
}

/** The facilitator's log: append-only, audited, not versioned (entries never change). */
export async function addExerciseLogEntry(actor: Actor, input: { exerciseId: string; at: Date | null; text: string }): Promise<void> {
  await authorize(actor, "exercises.edit", { type: "Exercise", id: input.exerciseId });
  await db().$transaction(async (tx) => {
    const exercise = await tx.exercise.findUnique({ where: { id: input.exerciseId }, select: { id: true } });
    if (!exercise) throw new NotFoundError("No such exercise.");
    const entry = await tx.exerciseLogEntry.create({
      data: { exerciseId: input.exerciseId, at: input.at ?? new Date(), text: input.text, authorId: actor.id },
      select: { id: true, at: true, text: true },
    });
    await appendAuditEvent(tx, { actor, action: "exercise.log", targetType: "Exercise", targetId: input.exerciseId, after: entry });
  });
}
