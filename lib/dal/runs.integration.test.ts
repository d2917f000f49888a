import { beforeEach, describe, expect, it } from "vitest";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/dal/errors";
import {
  abandonRun,
  completeRun,
  getRunOrThrow,
  listIncidentRuns,
  listRunPlaybookChoices,
  loadRunLiveData,
  startRun,
  updateRunStep,
} from "@/lib/dal/runs";
import type { Actor } from "@/lib/domain/roles";
import type { StepChange } from "@/lib/domain/run-steps";
import type { RunStepDto } from "@/lib/dto/runs";
import { makeActor, testDb } from "@/tests/support/db";
import { STEPS, incident, liveEvents, playbook, resetRuns, startedRun } from "@/tests/support/runs";

let responder: Actor;
let manager: Actor;

beforeEach(async () => {
  ({ responder, manager } = await resetRuns());
});

describe("startRun", () => {
  it("pins the published version, renders the steps with the incident's container context, and records it", async () => {
    const { inc, versionId, run, step } = await startedRun(responder);
    expect(run).toMatchObject({
      status: "ACTIVE",
      playbookVersionId: versionId,
      versionNumber: 1,
      incident: { key: inc.key },
      total: 3,
      percent: 0,
      counts: { TODO: 3 },
    });
    expect(run.context).toMatchObject({
      pod: "payments-api-7d9f-abcde",
      container_id: "0123456789ab",
      image: "ghcr.io/acme/payments-api:1.4.2",
      primary_owner: "Priya Patel",
    });
    // The step's text is prose, not a code span: values arrive escaped as Markdown text (they render as written).
    expect(step("Preserve the pod").instructions).toBe(
      `kubectl get pod payments\\-api\\-7d9f\\-abcde -n payments -o yaml > ${inc.key.replace("-", "\\-")}-pod.yaml`,
    );
    expect(step("Isolate the pod").instructions).toBe(
      "Quarantine api (0123456789ab) of `ghcr.io/acme/payments-api:1.4.2@sha256:feedfeedfeedfeedfeedfeedfeedfeedfeedfeedfeedfeedfeedfeedfeedfeed` on ip\\-10\\-0\\-1\\-12; tell Priya Patel, else Sam Okafor.",
    );
    expect(step("Rebuild from a trusted image").instructions).toBe("Redeploy payments\\-api on prod\\-eu.");
    const timeline = await testDb().timelineEntry.findMany({ where: { incidentId: inc.id } });
    expect(timeline).toEqual([
      expect.objectContaining({
        kind: "RUN",
        actorId: responder.id,
        message: `Run of Interactive shell in a production container v1 started by ${responder.name}`,
      }),
    ]);
    expect(await testDb().auditEvent.count({ where: { action: "run.start", targetId: run.id } })).toBe(1);
    expect((await liveEvents(run.id)).map((e) => [e.kind, e.entityId])).toEqual([["run.updated", run.id]]);
    expect(await listIncidentRuns(manager, inc.id)).toEqual([expect.objectContaining({ id: run.id, percent: 0 })]);
  });

  it("keeps the pinned version and its rendered steps when a newer version is published", async () => {
    const { run } = await startedRun(responder);
    const pinned = await testDb().playbookVersion.findUniqueOrThrow({ where: { id: run.playbookVersionId }, select: { playbookId: true } });
    await testDb().playbookVersion.create({
      data: {
        playbookId: pinned.playbookId,
        number: 2,
        status: "PUBLISHED",
        publishedAt: new Date(),
        steps: { create: [{ position: 1, phase: "CONTAINMENT", title: "New step", instructions: "x" }] },
      },
    });
    const again = await getRunOrThrow(manager, run.id);
    expect(again).toMatchObject({ versionNumber: 1, playbookVersionId: run.playbookVersionId });
    expect(again.steps.map((s) => s.title)).toEqual(STEPS.map((s) => s.title));
  });

  it("preselects the suggested playbook and offers only published, non-retired versions", async () => {
    const shell = await playbook("Shell");
    await playbook("Draft only", "DRAFT");
    await playbook("Retired", "PUBLISHED", true);
    const inc = await incident(shell.playbookId);
    const { choices, suggestedVersionId } = await listRunPlaybookChoices(responder, inc.id);
    expect(choices.map((c) => c.title)).toEqual(["Shell"]);
    expect(suggestedVersionId).toBe(shell.versionId);
  });

  it("refuses a draft or retired version, a closed incident, and auditors and admins", async () => {
    const inc = await incident();
    const draft = await playbook("Draft", "DRAFT");
    const retired = await playbook("Old", "PUBLISHED", true);
    await expect(startRun(responder, { incidentKey: inc.key, playbookVersionId: draft.versionId })).rejects.toThrow(
      /draft; only published versions are run/,
    );
    await expect(startRun(responder, { incidentKey: inc.key, playbookVersionId: retired.versionId })).rejects.toThrow(/Old is retired/);
    await expect(startRun(responder, { incidentKey: "INC-9999", playbookVersionId: draft.versionId })).rejects.toThrow(NotFoundError);
    const good = await playbook("Good");
    await testDb().incident.update({ where: { id: inc.id }, data: { status: "CLOSED" } });
    await expect(startRun(responder, { incidentKey: inc.key, playbookVersionId: good.versionId })).rejects.toThrow(/closed/);
    for (const role of ["AUDITOR", "ADMIN"] as const) {
      await expect(startRun(await makeActor(role), { incidentKey: inc.key, playbookVersionId: good.versionId })).rejects.toThrow(
        ForbiddenError,
      );
    }
    expect(await testDb().playbookRun.count()).toBe(0);
  });
});

describe("updateRunStep", () => {
  it("walks a step through every transition, audited and published live each time", async () => {
    const { run, step } = await startedRun(responder);
    const s = step("Isolate the pod");
    let v = s.version;
    const go = async (change: StepChange, actor = responder) => {
      const out: RunStepDto = await updateRunStep(actor, { ...change, stepId: s.id, version: v });
      expect(out.version).toBe(v + 1);
      v = out.version;
      return out;
    };
    expect(await go({ change: "start" })).toMatchObject({
      status: "IN_PROGRESS",
      assigneeId: responder.id,
      assigneeName: responder.name,
      updatedByName: responder.name,
    });
    expect(await go({ change: "assign", assigneeId: manager.id })).toMatchObject({ status: "IN_PROGRESS", assigneeName: manager.name });
    expect(await go({ change: "block", reason: "Waiting for cluster-admin" })).toMatchObject({
      status: "BLOCKED",
      reason: "Waiting for cluster-admin",
    });
    expect(await go({ change: "reopen", to: "TODO" })).toMatchObject({ status: "TODO", reason: null, startedAt: null });
    expect(await go({ change: "complete" }, manager)).toMatchObject({
      status: "DONE",
      finishedAt: expect.any(Date),
      updatedByName: manager.name,
    });
    expect(await go({ change: "notes", notes: "NetworkPolicy bulkhead-quarantine applied" })).toMatchObject({
      notes: "NetworkPolicy bulkhead-quarantine applied",
    });
    expect(await go({ change: "reopen", to: "IN_PROGRESS" })).toMatchObject({ status: "IN_PROGRESS", assigneeId: responder.id });
    expect(await go({ change: "skip", reason: "Pod already gone" })).toMatchObject({ status: "SKIPPED", reason: "Pod already gone" });
    expect(await testDb().auditEvent.count({ where: { action: "run.step.update", targetId: s.id } })).toBe(8);
    const events = (await liveEvents(run.id)).filter((e) => e.kind === "step.updated");
    expect(events).toHaveLength(8);
    expect(events.every((e) => e.entityId === s.id)).toBe(true);
    expect(await loadRunLiveData(manager, run.id, "step.updated", s.id)).toMatchObject({
      id: s.id,
      version: v,
      status: "SKIPPED",
      notes: "NetworkPolicy bulkhead-quarantine applied",
    });
    expect(await loadRunLiveData(manager, run.id, "run.updated", run.id)).toMatchObject({
      id: run.id,
      counts: { SKIPPED: 1, TODO: 2 },
      percent: 33,
    });
  });

  it("refuses skip or block without a reason, DONE → BLOCKED, and a non-responder assignee, changing nothing", async () => {
    const { step } = await startedRun(responder);
    const s = step("Preserve the pod");
    const ref = { stepId: s.id, version: 0 };
    await expect(updateRunStep(responder, { ...ref, change: "skip", reason: " " })).rejects.toThrow(ValidationError);
    await expect(updateRunStep(responder, { ...ref, change: "block", reason: "" })).rejects.toThrow(/Say why/);
    const auditor = await makeActor("AUDITOR");
    await expect(updateRunStep(responder, { ...ref, change: "assign", assigneeId: auditor.id })).rejects.toThrow(
      /active IR manager or responder/,
    );
    await updateRunStep(responder, { ...ref, change: "complete" });
    await expect(updateRunStep(responder, { stepId: s.id, version: 1, change: "block", reason: "late" })).rejects.toThrow(
      /reopen it before marking it blocked/,
    );
    expect(await testDb().runStep.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({ status: "DONE", version: 1, reason: null });
  });

  it("refuses a stale version, saying who changed what, and applies nothing", async () => {
    const { step } = await startedRun(responder);
    const s = step("Isolate the pod");
    await updateRunStep(responder, { stepId: s.id, version: 0, change: "complete" });
    const stale = updateRunStep(manager, { stepId: s.id, version: 0, change: "notes", notes: "mine" });
    await expect(stale).rejects.toThrow(ConflictError);
    await expect(stale).rejects.toThrow(
      new RegExp(
        `^Step “Isolate the pod” was changed by ${responder.name} at \\d\\d:\\d\\d UTC \\(status TODO → DONE, assigned to ${responder.name}\\) — your change was not applied\\.$`,
      ),
    );
    const saved = await testDb().runStep.findUniqueOrThrow({ where: { id: s.id } });
    expect(saved).toMatchObject({ notes: null, version: 1 });
    // The diff comes from the step's own history row, not from the audit log.
    expect(await testDb().runStepHistory.findMany({ where: { stepId: s.id }, select: { version: true, status: true } })).toEqual([
      { version: 0, status: "TODO" },
    ]);
    // The time also goes as an instant, so the form can show it in the viewer's own zone.
    const error = (await stale.catch((e: unknown) => e)) as ConflictError;
    expect(error.time).toEqual({ iso: saved.updatedAt.toISOString(), text: `${saved.updatedAt.toISOString().slice(11, 16)} UTC` });
  });

  it("refuses auditors and admins on every mutation, but lets them read", async () => {
    const { run, step } = await startedRun(responder);
    for (const role of ["AUDITOR", "ADMIN"] as const) {
      const actor = await makeActor(role);
      await expect(updateRunStep(actor, { stepId: step("Preserve the pod").id, version: 0, change: "start" })).rejects.toThrow(
        ForbiddenError,
      );
      await expect(completeRun(actor, { runId: run.id, version: 0, acceptOpenSteps: true })).rejects.toThrow(ForbiddenError);
      await expect(abandonRun(actor, { runId: run.id, version: 0, reason: "x" })).rejects.toThrow(ForbiddenError);
      expect((await getRunOrThrow(actor, run.id)).id).toBe(run.id);
      expect(await testDb().auditEvent.count({ where: { actorId: actor.id, outcome: "DENIED" } })).toBe(3);
    }
    expect(await testDb().runStep.count({ where: { runId: run.id, version: { gt: 0 } } })).toBe(0);
  });
});
