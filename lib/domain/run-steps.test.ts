import { describe, expect, it } from "vitest";
import type { RunStepStatus } from "@/lib/generated/prisma/enums";
import {
  checkRunCompletion,
  decideStepChange,
  describeStepDifferences,
  groupByPhase,
  offeredChanges,
  runProgress,
  stepTiming,
  type StepChange,
  type StepState,
} from "@/lib/domain/run-steps";

const ME = "user-me";
const OTHER = "user-other";
const NOW = new Date("2026-11-28T10:30:00Z");
const EARLIER = new Date("2026-11-28T10:00:00Z");

function step(status: RunStepStatus, fields: Partial<StepState> = {}): StepState {
  const started = status === "TODO" ? null : EARLIER;
  const finished = status === "DONE" || status === "SKIPPED" ? EARLIER : null;
  const reason = status === "SKIPPED" || status === "BLOCKED" ? "waiting for cloud access" : null;
  return {
    status,
    assigneeId: status === "TODO" ? null : OTHER,
    reason,
    notes: null,
    startedAt: started,
    finishedAt: finished,
    evidenceExpected: null,
    evidenceCount: 0,
    noEvidenceReason: null,
    ...fields,
  };
}

const CHANGES: Record<string, StepChange> = {
  start: { change: "start" },
  complete: { change: "complete" },
  skip: { change: "skip", reason: "No persistent volume in this workload" },
  block: { change: "block", reason: "Waiting for cluster-admin" },
  reopenTodo: { change: "reopen", to: "TODO" },
  reopenWorking: { change: "reopen", to: "IN_PROGRESS" },
  assign: { change: "assign", assigneeId: "user-third" },
  notes: { change: "notes", notes: "Pod YAML saved as INC-0042-pod.yaml" },
};

// change × from → resulting status, or null when refused.
const TABLE: [keyof typeof CHANGES, Record<RunStepStatus, RunStepStatus | null>][] = [
  ["start", { TODO: "IN_PROGRESS", IN_PROGRESS: "IN_PROGRESS", DONE: null, SKIPPED: null, BLOCKED: "IN_PROGRESS" }],
  ["complete", { TODO: "DONE", IN_PROGRESS: "DONE", DONE: null, SKIPPED: null, BLOCKED: null }],
  ["skip", { TODO: "SKIPPED", IN_PROGRESS: "SKIPPED", DONE: null, SKIPPED: null, BLOCKED: "SKIPPED" }],
  ["block", { TODO: "BLOCKED", IN_PROGRESS: "BLOCKED", DONE: null, SKIPPED: null, BLOCKED: null }],
  ["reopenTodo", { TODO: null, IN_PROGRESS: null, DONE: "TODO", SKIPPED: "TODO", BLOCKED: "TODO" }],
  ["reopenWorking", { TODO: null, IN_PROGRESS: null, DONE: "IN_PROGRESS", SKIPPED: "IN_PROGRESS", BLOCKED: "IN_PROGRESS" }],
  ["assign", { TODO: "TODO", IN_PROGRESS: "IN_PROGRESS", DONE: null, SKIPPED: null, BLOCKED: "BLOCKED" }],
  ["notes", { TODO: "TODO", IN_PROGRESS: "IN_PROGRESS", DONE: "DONE", SKIPPED: "SKIPPED", BLOCKED: "BLOCKED" }],
];

describe("decideStepChange: the transition table", () => {
  const cases = TABLE.flatMap(([name, row]) => Object.entries(row).map(([from, to]) => [name, from as RunStepStatus, to] as const));
  it("covers every change from every status", () => expect(cases).toHaveLength(8 * 5));
  it.each(cases)("%s from %s → %s", (name, from, to) => {
    const decision = decideStepChange(step(from), CHANGES[name]!, ME, NOW);
    if (to === null) expect(decision).toMatchObject({ ok: false, message: expect.any(String) });
    else expect(decision).toMatchObject({ ok: true, next: { status: to } });
  });
  // offeredChanges must never offer a button the rules refuse (someone else holds the IN_PROGRESS steps above).
  it.each(cases)("offers %s from %s only when allowed", (name, from, to) => {
    const offered = offeredChanges(step(from), ME).has(CHANGES[name]!.change);
    if (to === null) expect(offered).toBe(false);
    else expect(offered).toBe(true);
  });
});

describe("decideStepChange: what each change records", () => {
  it("start claims the step for me and keeps the original start time", () => {
    expect(decideStepChange(step("TODO"), CHANGES.start!, ME, NOW)).toEqual({
      ok: true,
      next: expect.objectContaining({ status: "IN_PROGRESS", assigneeId: ME, startedAt: NOW }),
    });
    expect(decideStepChange(step("BLOCKED"), CHANGES.start!, ME, NOW)).toEqual({
      ok: true,
      next: expect.objectContaining({ assigneeId: ME, reason: null, startedAt: EARLIER }),
    });
    expect(decideStepChange(step("IN_PROGRESS", { assigneeId: ME }), CHANGES.start!, ME, NOW)).toEqual({
      ok: false,
      message: "You are already working on this step.",
    });
  });

  it("complete records the finish, and whoever completes an unassigned step", () => {
    expect(decideStepChange(step("TODO"), CHANGES.complete!, ME, NOW)).toEqual({
      ok: true,
      next: expect.objectContaining({ status: "DONE", assigneeId: ME, startedAt: NOW, finishedAt: NOW }),
    });
    expect(decideStepChange(step("IN_PROGRESS"), CHANGES.complete!, ME, NOW)).toMatchObject({
      ok: true,
      next: { assigneeId: OTHER, startedAt: EARLIER },
    });
  });

  it("complete asks why when the step expects evidence and none is attached", () => {
    const expects = { evidenceExpected: "Pod manifest (kubectl get pod -o yaml)" };
    expect(decideStepChange(step("IN_PROGRESS", expects), CHANGES.complete!, ME, NOW)).toMatchObject({
      ok: false,
      field: "noEvidenceReason",
      message: expect.stringMatching(/Say why the step is completed without the evidence it expects/),
    });
    expect(
      decideStepChange(step("IN_PROGRESS", expects), { change: "complete", noEvidenceReason: "  pod already rescheduled " }, ME, NOW),
    ).toMatchObject({ ok: true, next: { status: "DONE", noEvidenceReason: "pod already rescheduled" } });
    // Evidence attached: no reason asked, and none kept even if one was sent.
    expect(
      decideStepChange(step("IN_PROGRESS", { ...expects, evidenceCount: 1 }), { change: "complete", noEvidenceReason: "x" }, ME, NOW),
    ).toMatchObject({ ok: true, next: { noEvidenceReason: null } });
    expect(decideStepChange(step("IN_PROGRESS"), CHANGES.complete!, ME, NOW)).toMatchObject({ ok: true });
  });

  it("reopening clears the reason a step was completed without evidence", () => {
    const done = step("DONE", { evidenceExpected: "Logs", noEvidenceReason: "container gone" });
    expect(decideStepChange(done, CHANGES.reopenWorking!, ME, NOW)).toMatchObject({ ok: true, next: { noEvidenceReason: null } });
  });

  it("skip and block need a reason, which they record trimmed", () => {
    for (const change of ["skip", "block"] as const) {
      expect(decideStepChange(step("TODO"), { change, reason: "   " }, ME, NOW)).toMatchObject({
        ok: false,
        field: "reason",
        message: expect.stringMatching(/Say why/),
      });
      expect(decideStepChange(step("TODO"), { change, reason: "x".repeat(2001) }, ME, NOW)).toMatchObject({ ok: false, field: "reason" });
      expect(decideStepChange(step("TODO"), { change, reason: "  no PV here " }, ME, NOW)).toMatchObject({
        ok: true,
        next: { reason: "no PV here" },
      });
    }
  });

  it("refuses DONE → BLOCKED: a finished step is reopened first", () => {
    expect(decideStepChange(step("DONE"), CHANGES.block!, ME, NOW)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/reopen it/),
    });
  });

  it("reopen to TODO clears the times and reason; to IN_PROGRESS starts a fresh attempt by me", () => {
    expect(decideStepChange(step("SKIPPED"), CHANGES.reopenTodo!, ME, NOW)).toMatchObject({
      ok: true,
      next: { status: "TODO", reason: null, startedAt: null, finishedAt: null, assigneeId: OTHER },
    });
    expect(decideStepChange(step("DONE"), CHANGES.reopenWorking!, ME, NOW)).toMatchObject({
      ok: true,
      next: { status: "IN_PROGRESS", assigneeId: ME, startedAt: NOW, finishedAt: null },
    });
  });

  it("assign refuses the same person; notes refuse no change and clear to null when emptied", () => {
    expect(decideStepChange(step("TODO", { assigneeId: "user-third" }), CHANGES.assign!, ME, NOW)).toMatchObject({
      ok: false,
      field: "assigneeId",
    });
    expect(decideStepChange(step("DONE", { notes: "same" }), { change: "notes", notes: " same " }, ME, NOW)).toMatchObject({
      ok: false,
      field: "notes",
    });
    expect(decideStepChange(step("DONE", { notes: "old" }), { change: "notes", notes: "  " }, ME, NOW)).toMatchObject({
      ok: true,
      next: { notes: null },
    });
  });
});

describe("run progress and completion", () => {
  const steps = [
    { status: "DONE", title: "Preserve the pod" },
    { status: "SKIPPED", title: "Checkpoint" },
    { status: "TODO", title: "Rotate the token" },
    { status: "BLOCKED", title: "Cordon the node" },
    { status: "IN_PROGRESS", title: "Quarantine" },
  ] as const;

  it("counts per status; done and skipped are finished", () => {
    expect(runProgress(steps)).toEqual({
      total: 5,
      finished: 2,
      percent: 40,
      counts: { TODO: 1, IN_PROGRESS: 1, DONE: 1, SKIPPED: 1, BLOCKED: 1 },
    });
    expect(runProgress([])).toMatchObject({ total: 0, percent: 0 });
  });

  it("completes with open steps only when confirmed, naming them", () => {
    expect(checkRunCompletion(steps, false)).toMatchObject({
      ok: false,
      message: "3 steps are still open (“Rotate the token”, “Cordon the node”, “Quarantine”). Confirm to complete the run with open steps.",
    });
    expect(checkRunCompletion(steps, true)).toMatchObject({
      ok: true,
      open: [{ title: "Rotate the token" }, { title: "Cordon the node" }, { title: "Quarantine" }],
    });
    expect(checkRunCompletion(steps.slice(0, 2), false)).toEqual({ ok: true, open: [] });
  });
});

describe("stepTiming", () => {
  it.each([
    [
      "not started",
      { status: "TODO", startedAt: null, finishedAt: null, expectedMinutes: 10 },
      { elapsedMinutes: null, expectedMinutes: 10, overdue: false },
    ],
    [
      "running past its time",
      { status: "IN_PROGRESS", startedAt: EARLIER, finishedAt: null, expectedMinutes: 15 },
      { elapsedMinutes: 30, expectedMinutes: 15, overdue: true },
    ],
    [
      "finished in time",
      { status: "DONE", startedAt: EARLIER, finishedAt: new Date("2026-11-28T10:09:59Z"), expectedMinutes: 10 },
      { elapsedMinutes: 9, expectedMinutes: 10, overdue: false },
    ],
    [
      "no expectation",
      { status: "BLOCKED", startedAt: EARLIER, finishedAt: null, expectedMinutes: null },
      { elapsedMinutes: 30, expectedMinutes: null, overdue: false },
    ],
  ] as const)("%s", (_label, s, expected) => {
    expect(stepTiming(s, NOW)).toEqual(expected);
  });
});

describe("groupByPhase and describeStepDifferences", () => {
  it("orders phases as NIST SP 800-61 walks them and steps by position", () => {
    const groups = groupByPhase([
      { phase: "CONTAINMENT", position: 3 },
      { phase: "DETECTION_ANALYSIS", position: 2 },
      { phase: "DETECTION_ANALYSIS", position: 1 },
      { phase: "POST_INCIDENT", position: 9 },
    ] as const);
    expect(groups.map((g) => [g.phase, g.steps.map((s) => s.position)])).toEqual([
      ["DETECTION_ANALYSIS", [1, 2]],
      ["CONTAINMENT", [3]],
      ["POST_INCIDENT", [9]],
    ]);
  });

  it("says what changed in words", () => {
    expect(
      describeStepDifferences(
        { status: "TODO", assignee: null, notes: null, reason: null },
        { status: "DONE", assignee: "Riley Responder", notes: "x", reason: null },
      ),
    ).toEqual(["status TODO → DONE", "assigned to Riley Responder", "notes edited"]);
    expect(describeStepDifferences({ status: "TODO" }, { status: "TODO", assignee: null, notes: null, reason: null })).toEqual([]);
  });
});
