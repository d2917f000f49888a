import "server-only";
import { db, type Tx } from "@/lib/db";
import { appendAuditEvent } from "@/lib/dal/audit";
import { authorize } from "@/lib/dal/authorize";
import { NotFoundError, ValidationError } from "@/lib/dal/errors";
import { findingSelect, type FindingDto } from "@/lib/dal/exercises/selects";
import { writeVersioned } from "@/lib/dal/exercises/versioned";
import { techniqueById } from "@/lib/domain/attack";
import type { Actor } from "@/lib/domain/roles";
import type { FindingFieldsValue } from "@/lib/validation/exercises";

// Findings are never deleted: the record of what an exercise found stays, even when it was
// accepted. Their status follows their action items (lib/domain/exercises/findings.ts).

export type { FindingDto };

/** What a finding concerns must exist: a step of a published version of the named playbook, a known technique. */
async function checkConcern(tx: Tx, input: FindingFieldsValue, exerciseId: string): Promise<FindingFieldsValue> {
  let playbookId = input.playbookId;
  if (input.playbookStepId) {
    const step = await tx.playbookStep.findUnique({
      where: { id: input.playbookStepId },
      select: { playbookVersion: { select: { playbookId: true, status: true } } },
    });
    if (!step || step.playbookVersion.status === "DRAFT") {
      throw new ValidationError("Point at a step of a published playbook version.", { playbookStepId: ["Choose a step from the list"] });
    }
    if (playbookId && playbookId !== step.playbookVersion.playbookId) {
      throw new ValidationError("That step belongs to another playbook.", { playbookStepId: ["Choose a step of this playbook"] });
    }
    playbookId = step.playbookVersion.playbookId;
  }
  if (input.attackTechnique && !techniqueById(input.attackTechnique)) {
    throw new ValidationError(`${input.attackTechnique} is not an ATT&CK for Containers technique.`, {
      attackTechnique: ["Unknown technique"],
    });
  }
  if (input.recurrenceOfId) {
    // A recurrence is of a finding of the exercise this one repeats.
    const [exercise, earlier] = await Promise.all([
      tx.exercise.findUnique({ where: { id: exerciseId }, select: { repeatsId: true } }),
      tx.finding.findUnique({ where: { id: input.recurrenceOfId }, select: { exerciseId: true } }),
    ]);
    if (!earlier || !exercise?.repeatsId || earlier.exerciseId !== exercise.repeatsId) {
      throw new ValidationError("A recurrence names a finding of the exercise this one repeats.", {
        recurrenceOfId: ["Choose an earlier finding"],
      });
    }
  }
  return { ...input, playbookId };
}

export async function createFinding(actor: Actor, input: { exerciseId: string } & FindingFieldsValue): Promise<FindingDto> {
  const { exerciseId, ...fields } = input;
  await authorize(actor, "exercises.edit", { type: "Exercise", id: exerciseId });
  return db().$transaction(async (tx) => {
    const exercise = await tx.exercise.findUnique({ where: { id: exerciseId }, select: { status: true } });
    if (!exercise) throw new NotFoundError("No such exercise.");
    if (exercise.status === "PLANNED" || exercise.status === "CANCELLED") {
      throw new ValidationError("Findings are recorded once the exercise has started.");
    }
    const data = await checkConcern(tx, fields, exerciseId);
    const finding = await tx.finding.create({
      data: { ...data, exerciseId, status: "OPEN", updatedById: actor.id },
      select: findingSelect,
    });
    await appendAuditEvent(tx, { actor, action: "finding.create", targetType: "Finding", targetId: finding.id, after: finding });
    return finding;
  });
}

export async function updateFinding(actor: Actor, input: { id: string; version: number } & FindingFieldsValue): Promise<FindingDto> {
  const { id, version, ...fields } = input;
  await authorize(actor, "exercises.edit", { type: "Finding", id });
  return db().$transaction(async (tx) => {
    const before = await tx.finding.findUnique({ where: { id }, select: findingSelect });
    if (!before) throw new NotFoundError("No such finding.");
    const data = await checkConcern(tx, fields, before.exerciseId);
    return writeVersioned(tx, actor, { type: "Finding", id, version, label: before.title, current: before.version }, tx.finding, data, {
      action: "finding.update",
      before,
      reread: () => tx.finding.findUniqueOrThrow({ where: { id }, select: findingSelect }),
    });
  });
}
