// Ending runs (complete, abandon), the run lists, and many writers on one step.
import { beforeEach, describe, expect, it } from "vitest";
import { ConflictError } from "@/lib/dal/errors";
import { abandonRun, completeRun, listRuns, updateRunStep } from "@/lib/dal/runs";
import type { Actor } from "@/lib/domain/roles";
import { makeActor, testDb } from "@/tests/support/db";
import { liveEvents, resetRuns, startedRun } from "@/tests/support/runs";

// The run's start and its end can be stamped in the same millisecond on a fast machine: ordered by
// time alone, which of the two is last would be the heap's choice. Ids are handed out in order.
const timelineOf = (incidentId: string) =>
  testDb().timelineEntry.findMany({ where: { incidentId }, orderBy: [{ at: "asc" }, { id: "asc" }] });

let responder: Actor;
let manager: Actor;

beforeEach(async () => {
  ({ responder, manager } = await resetRuns());
});

describe("completeRun and abandonRun", () => {
  it("completes only with every step finished, or with explicit confirmation naming the open ones", async () => {
    const { inc, run, step } = await startedRun(responder);
    await updateRunStep(responder, { stepId: step("Preserve the pod").id, version: 0, change: "complete" });
    await updateRunStep(responder, { stepId: step("Isolate the pod").id, version: 0, change: "skip", reason: "Pod gone" });
    await expect(completeRun(responder, { runId: run.id, version: 0, acceptOpenSteps: false })).rejects.toThrow(
      /1 step is still open \(“Rebuild from a trusted image”\)/,
    );
    const done = await completeRun(responder, { runId: run.id, version: 0, acceptOpenSteps: true });
    expect(done).toMatchObject({ status: "COMPLETED", version: 1, completedAt: expect.any(Date), percent: 66 });
    expect((await timelineOf(inc.id)).at(-1)).toMatchObject({
      kind: "RUN",
      message: `Run of Interactive shell in a production container v1 completed by ${responder.name} with 1 open step: “Rebuild from a trusted image”.`,
    });
    await expect(
      updateRunStep(responder, { stepId: step("Rebuild from a trusted image").id, version: 0, change: "start" }),
    ).rejects.toThrow(/completed; its steps are part of the record/);
    await expect(completeRun(responder, { runId: run.id, version: 1, acceptOpenSteps: true })).rejects.toThrow(/already completed/);
    await expect(completeRun(responder, { runId: run.id, version: 0, acceptOpenSteps: true })).rejects.toThrow(ConflictError);
    expect((await liveEvents(run.id)).at(-1)).toMatchObject({ kind: "run.updated", entityId: run.id, actorId: responder.id });
  });

  it("abandons with a reason on the timeline and in the summary", async () => {
    const { inc, run } = await startedRun(responder);
    await expect(abandonRun(manager, { runId: run.id, version: 0, reason: "  " })).rejects.toThrow(/Say why/);
    expect(await abandonRun(manager, { runId: run.id, version: 0, reason: "Wrong playbook: this is a cryptominer" })).toMatchObject({
      status: "ABANDONED",
      abandonReason: "Wrong playbook: this is a cryptominer",
    });
    expect((await timelineOf(inc.id)).at(-1)?.message).toBe(
      `Run of Interactive shell in a production container v1 abandoned by ${manager.name}: Wrong playbook: this is a cryptominer`,
    );
    expect(await testDb().auditEvent.count({ where: { action: "run.abandon", targetId: run.id } })).toBe(1);
    expect(await testDb().playbookRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({
      abandonReason: "Wrong playbook: this is a cryptominer",
      updatedById: manager.id,
    });
  });

  it("lists active runs first and filters by status and incident", async () => {
    const first = await startedRun(responder);
    const second = await startedRun(responder);
    await abandonRun(manager, { runId: first.run.id, version: 0, reason: "Duplicate" });
    const all = await listRuns(responder, {});
    expect(all.runs.map((r) => r.id)).toEqual([second.run.id, first.run.id]);
    expect((await listRuns(responder, { status: "ABANDONED" })).runs.map((r) => r.id)).toEqual([first.run.id]);
    expect((await listRuns(responder, { incident: first.inc.key })).runs.map((r) => r.id)).toEqual([first.run.id]);
    expect((await listRuns(responder, { incident: "INC-9999" })).total).toBe(0);
  });
});

describe("concurrent step updates", () => {
  it("5 writers × 200 updates on one step: every update either wins or is told it lost; the record adds up", async () => {
    const { run, step } = await startedRun(responder);
    const stepId = step("Isolate the pod").id;
    const writers = await Promise.all(Array.from({ length: 5 }, (_, i) => makeActor(i % 2 ? "IR_MANAGER" : "RESPONDER", `writer${i}`)));
    const outcome = await Promise.all(
      writers.map(async (writer) => {
        let wins = 0;
        let conflicts = 0;
        for (let i = 0; i < 200; i += 1) {
          const { version } = await testDb().runStep.findUniqueOrThrow({ where: { id: stepId }, select: { version: true } });
          try {
            await updateRunStep(writer, { stepId, version, change: "notes", notes: `${writer.name} update ${i}` });
            wins += 1;
          } catch (error) {
            if (!(error instanceof ConflictError)) throw error;
            expect(error.message).toMatch(/^Step “Isolate the pod” was changed by writer\d \d+ at .* — your change was not applied\.$/);
            conflicts += 1;
          }
        }
        return { wins, conflicts };
      }),
    );
    const wins = outcome.reduce((n, o) => n + o.wins, 0);
    const conflicts = outcome.reduce((n, o) => n + o.conflicts, 0);
    expect(wins + conflicts).toBe(1000);
    expect(wins).toBeGreaterThan(0);
    const final = await testDb().runStep.findUniqueOrThrow({ where: { id: stepId }, include: { updatedBy: true } });
    expect(final.version).toBe(wins);
    expect(final.notes).toMatch(new RegExp(`^${final.updatedBy!.name} update \\d+$`));
    expect(await testDb().auditEvent.count({ where: { action: "run.step.update", targetId: stepId } })).toBe(wins);
    expect(await testDb().liveEvent.count({ where: { topic: `run:${run.id}`, kind: "step.updated", entityId: stepId } })).toBe(wins);
  }, 60_000);
});
