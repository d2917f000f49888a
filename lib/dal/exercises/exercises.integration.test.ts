import { beforeEach, describe, expect, it } from "vitest";
import { changeActionItemStatus, createActionItem, updateActionItem } from "@/lib/dal/exercises/action-items";
import {
  addExerciseLogEntry,
  changeExerciseStatus,
  createExercise,
  getExerciseOrThrow,
  updateExercise,
} from "@/lib/dal/exercises/exercises";
import { createFinding, updateFinding } from "@/lib/dal/exercises/findings";
import { listExercises } from "@/lib/dal/exercises/list";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/dal/errors";
import type { Actor } from "@/lib/domain/roles";
import {
  CreateActionItemInput,
  CreateExerciseInput,
  CreateFindingInput,
  ExerciseListFilter,
  UpdateExerciseInput,
} from "@/lib/validation/exercises";
import { makeActor, resetTables, testDb } from "@/tests/support/db";

const SCENARIO = "Cryptominer in a production namespace";
const DAY = 24 * 60 * 60 * 1000;
let manager: Actor;

beforeEach(async () => {
  await resetTables(
    "AuditEvent",
    "ActionItem",
    "Finding",
    "ExerciseLogEntry",
    "ExerciseScope",
    "ExercisePlaybook",
    "ExerciseParticipant",
    "Exercise",
    "PlaybookStep",
    "PlaybookVersion",
    "Playbook",
    "PlanRevision",
    "Namespace",
    "Cluster",
    "Contact",
    "User",
  );
  manager = await makeActor("IR_MANAGER", "manager");
});

const exerciseFields = (over: Record<string, unknown> = {}) =>
  CreateExerciseInput.parse({
    kind: "TABLETOP",
    title: "Tabletop: miner",
    scenario: SCENARIO,
    facilitator: "Dana Whitfield",
    attackTechniques: ["T1610"],
    ...over,
  });

async function publishedPlaybook(publishedAt: Date) {
  const playbook = await testDb().playbook.create({
    data: { title: "Cryptomining in a pod", incidentType: "CRYPTOMINING" },
    select: { id: true },
  });
  const v1 = await testDb().playbookVersion.create({
    data: { playbookId: playbook.id, number: 1, status: "PUBLISHED", publishedAt },
    select: { id: true },
  });
  return { playbookId: playbook.id, v1: v1.id };
}

/** A completed tabletop with one finding about the playbook, of the given severity, and its open action item. */
async function completedTabletop(severity: "CRITICAL" | "HIGH" | "MEDIUM", playbookId: string) {
  let tabletop = await createExercise(manager, exerciseFields());
  tabletop = (
    await changeExerciseStatus(manager, { id: tabletop.id, version: 0, to: "IN_PROGRESS", cancelReason: null, overrideReason: null })
  ).exercise;
  const finding = await createFinding(
    manager,
    CreateFindingInput.parse({
      exerciseId: tabletop.id,
      title: "Containment step missing",
      category: "PLAYBOOK",
      severity,
      recommendation: "Add it",
      playbookId,
    }),
  );
  const item = await createActionItem(
    manager,
    CreateActionItemInput.parse({ findingId: finding.id, title: "Add the step", dueAt: "2030-01-01" }),
  );
  await changeExerciseStatus(manager, {
    id: tabletop.id,
    version: tabletop.version,
    to: "COMPLETED",
    cancelReason: null,
    overrideReason: null,
  });
  return { tabletop, finding, item };
}

const start = (id: string, version: number, overrideReason: string | null = null) =>
  changeExerciseStatus(manager, { id, version, to: "IN_PROGRESS", cancelReason: null, overrideReason });

describe("exercises", () => {
  it("records an exercise with the plan revision in force, audited; responders and auditors read but cannot edit", async () => {
    const revision = await testDb().planRevision.create({
      data: { number: 1, status: "PUBLISHED", sections: [], publishedAt: new Date() },
      select: { id: true },
    });
    const contact = await testDb().contact.create({ data: { name: "Helen", email: "helen@example.com" }, select: { id: true } });
    const exercise = await createExercise(
      manager,
      exerciseFields({
        participants: [{ ref: `contact:${contact.id}`, planRole: "INCIDENT_COMMANDER", part: "commander" }, { ref: `user:${manager.id}` }],
      }),
    );
    expect(exercise).toMatchObject({ status: "PLANNED", version: 0, planRevision: { id: revision.id }, createdBy: { id: manager.id } });
    expect(exercise.participants).toHaveLength(2);
    expect(await testDb().auditEvent.count({ where: { action: "exercise.create", targetId: exercise.id, actorId: manager.id } })).toBe(1);

    const responder = await makeActor("RESPONDER");
    const auditor = await makeActor("AUDITOR");
    await expect(createExercise(responder, exerciseFields())).rejects.toThrow(ForbiddenError);
    await start(exercise.id, 0);
    await expect(
      changeExerciseStatus(auditor, { id: exercise.id, version: 1, to: "COMPLETED", cancelReason: null, overrideReason: null }),
    ).rejects.toThrow(ForbiddenError);
    expect((await getExerciseOrThrow(auditor, exercise.id)).status).toBe("IN_PROGRESS");
    expect((await listExercises(responder, ExerciseListFilter.parse({ status: "IN_PROGRESS" }))).total).toBe(1);
    expect(await testDb().auditEvent.count({ where: { outcome: "DENIED" } })).toBe(2);
  });

  it("refuses a purple team while the tabletop's high finding is open, and allows it once a newer playbook version closes its item", async () => {
    const { playbookId, v1 } = await publishedPlaybook(new Date(Date.now() - 30 * DAY));
    const { finding, item } = await completedTabletop("HIGH", playbookId);
    const purple = await createExercise(
      manager,
      exerciseFields({ kind: "PURPLE_TEAM", title: "Purple team: miner", redTeamOrganisation: "Redline Security" }),
    );

    await expect(start(purple.id, 0)).rejects.toThrow(/open high or critical finding.*Containment step missing/);
    expect((await testDb().exercise.findUniqueOrThrow({ where: { id: purple.id } })).status).toBe("PLANNED");

    // The version published before the finding cannot be what fixed it; a draft cannot either.
    const close = (playbookVersionId: string | null, version = 0) =>
      changeActionItemStatus(manager, { id: item.id, version, to: "DONE", wontFixReason: null, planRevisionId: null, playbookVersionId });
    await expect(close(v1)).rejects.toThrow(/published before the finding/);
    await expect(close(null)).rejects.toThrow(/link the published playbook version/);
    const v2 = await testDb().playbookVersion.create({ data: { playbookId, number: 2, status: "DRAFT" }, select: { id: true } });
    await expect(close(v2.id)).rejects.toThrow(/publish it first/);
    // Published after the finding, as the rule wants: a fast machine can reach this line within
    // the finding's own millisecond, which the rule refuses (lib/domain/exercises/action-items.ts).
    const publishedAt = new Date(Math.max(Date.now(), finding.createdAt.getTime() + 1));
    await testDb().playbookVersion.update({ where: { id: v2.id }, data: { status: "PUBLISHED", publishedAt } });
    const closed = await close(v2.id);
    expect(closed).toMatchObject({ status: "DONE", closedByPlaybookVersion: { id: v2.id, number: 2 } });
    expect(closed.closedAt).not.toBeNull();
    expect((await testDb().finding.findUniqueOrThrow({ where: { id: item.findingId } })).status).toBe("RESOLVED");

    const { exercise, overridden } = await start(purple.id, 0);
    expect(overridden).toBe(false);
    expect(exercise).toMatchObject({ status: "IN_PROGRESS", prerequisite: { title: "Tabletop: miner" }, overrideReason: null });
  });

  it("refuses a purple team on a critical finding too, and records and audits an IR manager's override", async () => {
    const { playbookId } = await publishedPlaybook(new Date());
    const { tabletop } = await completedTabletop("CRITICAL", playbookId);
    const purple = await createExercise(manager, exerciseFields({ kind: "PURPLE_TEAM", title: "Purple team: miner" }));
    await expect(start(purple.id, 0, "   ")).rejects.toThrow(ValidationError);

    const { exercise, overridden } = await start(purple.id, 0, "Red team booked for this week; the CISO accepts the risk");
    expect(overridden).toBe(true);
    expect(exercise).toMatchObject({
      status: "IN_PROGRESS",
      overrideReason: "Red team booked for this week; the CISO accepts the risk",
      overrideBy: { id: manager.id },
      prerequisiteId: tabletop.id,
    });
    expect(exercise.overrideAt).not.toBeNull();
    const audit = await testDb().auditEvent.findFirstOrThrow({ where: { action: "exercise.override", targetId: purple.id } });
    expect(audit).toMatchObject({
      actorId: manager.id,
      outcome: "SUCCESS",
      after: { overrideReason: exercise.overrideReason, prerequisiteId: tabletop.id },
    });
    expect(await testDb().auditEvent.count({ where: { action: "exercise.status.in_progress", targetId: purple.id } })).toBe(1);
  });

  it("keeps to the status machine: a cancel needs its reason, a completed exercise is final", async () => {
    const exercise = await createExercise(manager, exerciseFields());
    const change = (to: "COMPLETED" | "CANCELLED", version: number, cancelReason: string | null = null) =>
      changeExerciseStatus(manager, { id: exercise.id, version, to, cancelReason, overrideReason: null });
    await expect(change("COMPLETED", 0)).rejects.toThrow(ValidationError);
    await expect(change("CANCELLED", 0)).rejects.toMatchObject({ fieldErrors: { cancelReason: [expect.any(String)] } });
    const { exercise: cancelled } = await change("CANCELLED", 0, "The red team's contract fell through");
    expect(cancelled).toMatchObject({ status: "CANCELLED", cancelReason: "The red team's contract fell through", version: 1 });
    await expect(change("COMPLETED", 1)).rejects.toThrow(/final/);
  });

  it("turns concurrent edits into conflicts naming who changed what, for exercises, findings and action items", async () => {
    const colleague = await makeActor("IR_MANAGER", "colleague");
    const exercise = await createExercise(manager, exerciseFields());
    await updateExercise(
      colleague,
      UpdateExerciseInput.parse({ ...exerciseFields(), id: exercise.id, version: 0, title: "Renamed by a colleague" }),
    );
    const stale = updateExercise(manager, UpdateExerciseInput.parse({ ...exerciseFields(), id: exercise.id, version: 0, title: "Mine" }));
    await expect(stale).rejects.toThrow(ConflictError);
    await expect(stale).rejects.toThrow(new RegExp(`Renamed by a colleague was changed by ${colleague.email} at`));
    expect((await getExerciseOrThrow(manager, exercise.id)).title).toBe("Renamed by a colleague");

    await start(exercise.id, 1);
    const finding = await createFinding(
      manager,
      CreateFindingInput.parse({
        exerciseId: exercise.id,
        title: "Slow paging",
        category: "COMMUNICATION",
        severity: "LOW",
        recommendation: "Page sooner",
      }),
    );
    const findingEdit = {
      ...CreateFindingInput.parse({
        exerciseId: exercise.id,
        title: "Edited",
        category: "COMMUNICATION",
        severity: "LOW",
        recommendation: "x",
      }),
      id: finding.id,
      version: 0,
    };
    const both = await Promise.allSettled([updateFinding(manager, findingEdit), updateFinding(colleague, findingEdit)]);
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(both.find((r) => r.status === "rejected")?.reason).toBeInstanceOf(ConflictError);

    const item = await createActionItem(manager, CreateActionItemInput.parse({ findingId: finding.id, title: "Paging drill" }));
    await updateActionItem(colleague, { id: item.id, version: 0, title: "Paging drill monthly", ownerId: null, dueAt: null });
    await expect(
      changeActionItemStatus(manager, {
        id: item.id,
        version: 0,
        to: "IN_PROGRESS",
        wontFixReason: null,
        planRevisionId: null,
        playbookVersionId: null,
      }),
    ).rejects.toThrow(new RegExp(`changed by ${colleague.email}`));
    const wontFix = await changeActionItemStatus(manager, {
      id: item.id,
      version: 1,
      to: "WONT_FIX",
      wontFixReason: "Paging is automatic now",
      planRevisionId: null,
      playbookVersionId: null,
    });
    expect(wontFix).toMatchObject({ status: "WONT_FIX", wontFixReason: "Paging is automatic now", updatedBy: { id: manager.id } });
    expect((await testDb().finding.findUniqueOrThrow({ where: { id: finding.id } })).status).toBe("ACCEPTED");
  });

  it("keeps the facilitator's log and flags overdue action items in the list", async () => {
    const exercise = await createExercise(manager, exerciseFields());
    await start(exercise.id, 0);
    await addExerciseLogEntry(manager, {
      exerciseId: exercise.id,
      at: new Date("2026-11-01T09:05:00Z"),
      text: "Inject 1: Falco alert read out",
    });
    const finding = await createFinding(
      manager,
      CreateFindingInput.parse({ exerciseId: exercise.id, title: "Gap", category: "TOOLING", severity: "MEDIUM", recommendation: "Fix" }),
    );
    await createActionItem(
      manager,
      CreateActionItemInput.parse({ findingId: finding.id, title: "Late", dueAt: new Date(Date.now() - DAY).toISOString() }),
    );
    expect((await getExerciseOrThrow(manager, exercise.id)).logEntries).toMatchObject([
      { text: "Inject 1: Falco alert read out", author: { id: manager.id } },
    ]);
    const [row] = (await listExercises(manager, ExerciseListFilter.parse({ kind: "TABLETOP", scenario: SCENARIO }))).exercises;
    expect(row).toMatchObject({ openFindings: { MEDIUM: 1 }, actionItems: { open: 1, closed: 0, overdue: 1 } });
  });
});
