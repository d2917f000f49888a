import { RunStepStatus, valuesOf, type PlaybookPhase } from "@/lib/dto/enums";
import { RUN_STEP_STATUS_LABELS } from "@/lib/dto/labels";
import { PLAYBOOK_PHASES } from "@/lib/domain/playbook-labels";

/**
 * The life of one step in a playbook run. Pure rules, table-tested; the DAL applies them inside
 * the transaction that holds the step's row lock, so two responders can never both pass a check
 * against the same state.
 *
 * - start (claim): TODO, BLOCKED, or someone else's IN_PROGRESS → IN_PROGRESS, assigned to me.
 * - complete: TODO or IN_PROGRESS → DONE. A BLOCKED step is unblocked (start/reopen) first, so
 *   that the blocker's reason is never silently replaced by a completion. A step that expects
 *   evidence and has none attached is completed only with a reason why there is none.
 * - skip: TODO, IN_PROGRESS or BLOCKED → SKIPPED, with a reason.
 * - block: TODO or IN_PROGRESS → BLOCKED, with a reason. Finished steps (DONE/SKIPPED) are
 *   reopened first: DONE → BLOCKED would rewrite what was done.
 * - reopen: DONE, SKIPPED or BLOCKED → TODO or IN_PROGRESS (the latter assigned to me).
 * - assign: while the step is open (TODO, IN_PROGRESS, BLOCKED); finished steps keep who did them.
 * - notes: in any status.
 */

export const RUN_STEP_STATUSES = valuesOf(RunStepStatus);

/** A step still needing someone: what "complete with open steps" has to list. */
export const OPEN_STATUSES: readonly RunStepStatus[] = ["TODO", "IN_PROGRESS", "BLOCKED"];
const FINISHED: readonly RunStepStatus[] = ["DONE", "SKIPPED"];

export type StepState = {
  status: RunStepStatus;
  assigneeId: string | null;
  reason: string | null;
  notes: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** The playbook's "evidence expected" for the step, or null when it expects none. */
  evidenceExpected: string | null;
  /** Evidence items registered from this step. */
  evidenceCount: number;
  /** Why the step was completed without the evidence it expected. */
  noEvidenceReason: string | null;
};

export type StepChange =
  | { change: "start" }
  | { change: "complete"; noEvidenceReason?: string }
  | { change: "skip"; reason: string }
  | { change: "block"; reason: string }
  | { change: "reopen"; to: "TODO" | "IN_PROGRESS" }
  | { change: "assign"; assigneeId: string }
  | { change: "notes"; notes: string };

export type StepChangeName = StepChange["change"];

type StepField = "reason" | "assigneeId" | "notes" | "to" | "noEvidenceReason";

export type StepDecision = { ok: true; next: StepState } | { ok: false; message: string; field?: StepField };

const REASON_MAX = 2000;
const NOTES_MAX = 4000;

function refuse(message: string, field?: StepField): StepDecision {
  return { ok: false, message, field };
}

function needsReason(reason: string, verb: string): string | null {
  const text = reason.trim();
  if (!text) return `Say why the step is ${verb}: the reason goes on the record.`;
  if (text.length > REASON_MAX) return `Keep the reason under ${REASON_MAX.toLocaleString("en")} characters.`;
  return null;
}

/** Completing this step needs a reason: it expects evidence and none is attached. */
export function needsEvidenceReason(step: Pick<StepState, "evidenceExpected" | "evidenceCount">): boolean {
  return step.evidenceExpected !== null && step.evidenceCount === 0;
}

/** Decides a change against the step's current state; `actorId` is who makes it, `now` when. */
export function decideStepChange(step: StepState, input: StepChange, actorId: string, now: Date): StepDecision {
  const label = RUN_STEP_STATUS_LABELS[step.status].toLowerCase();
  switch (input.change) {
    case "start": {
      if (FINISHED.includes(step.status)) return refuse(`This step is ${label}; reopen it to work on it again.`);
      if (step.status === "IN_PROGRESS" && step.assigneeId === actorId) return refuse("You are already working on this step.");
      return {
        ok: true,
        next: { ...step, status: "IN_PROGRESS", assigneeId: actorId, reason: null, startedAt: step.startedAt ?? now, finishedAt: null },
      };
    }
    case "complete": {
      if (step.status === "BLOCKED")
        return refuse("This step is blocked; start it (or reopen it) once the blocker is gone, then complete it.");
      if (FINISHED.includes(step.status)) return refuse(`This step is already ${label}.`);
      let noEvidenceReason: string | null = null;
      if (needsEvidenceReason(step)) {
        const problem = needsReason(input.noEvidenceReason ?? "", "completed without the evidence it expects");
        if (problem) return refuse(problem, "noEvidenceReason");
        noEvidenceReason = input.noEvidenceReason!.trim();
      }
      return {
        ok: true,
        next: {
          ...step,
          status: "DONE",
          assigneeId: step.assigneeId ?? actorId,
          startedAt: step.startedAt ?? now,
          finishedAt: now,
          noEvidenceReason,
        },
      };
    }
    case "skip": {
      if (FINISHED.includes(step.status)) return refuse(`This step is already ${label}; reopen it first.`);
      const problem = needsReason(input.reason, "skipped");
      if (problem) return refuse(problem, "reason");
      return { ok: true, next: { ...step, status: "SKIPPED", reason: input.reason.trim(), finishedAt: now } };
    }
    case "block": {
      if (FINISHED.includes(step.status)) return refuse(`This step is ${label}; reopen it before marking it blocked.`);
      if (step.status === "BLOCKED") return refuse("This step is already blocked.");
      const problem = needsReason(input.reason, "blocked");
      if (problem) return refuse(problem, "reason");
      return { ok: true, next: { ...step, status: "BLOCKED", reason: input.reason.trim(), finishedAt: null } };
    }
    case "reopen": {
      if (!["DONE", "SKIPPED", "BLOCKED"].includes(step.status))
        return refuse(`This step is ${label}; only done, skipped or blocked steps are reopened.`);
      const reopened = { ...step, reason: null, noEvidenceReason: null, finishedAt: null };
      if (input.to === "TODO") return { ok: true, next: { ...reopened, status: "TODO", startedAt: null } };
      return { ok: true, next: { ...reopened, status: "IN_PROGRESS", assigneeId: actorId, startedAt: now } };
    }
    case "assign": {
      if (FINISHED.includes(step.status)) return refuse(`This step is ${label}; a finished step keeps who did it.`, "assigneeId");
      if (step.assigneeId === input.assigneeId) return refuse("The step is already assigned to them.", "assigneeId");
      return { ok: true, next: { ...step, assigneeId: input.assigneeId } };
    }
    case "notes": {
      const notes = input.notes.trim();
      if (notes.length > NOTES_MAX) return refuse(`Keep notes under ${NOTES_MAX.toLocaleString("en")} characters.`, "notes");
      if (notes === (step.notes ?? "")) return refuse("The notes are unchanged.", "notes");
      return { ok: true, next: { ...step, notes: notes || null } };
    }
  }
}

/** Which changes make sense now, for offering buttons; `decideStepChange` stays the authority. */
export function offeredChanges(step: Pick<StepState, "status" | "assigneeId">, actorId: string): Set<StepChangeName> {
  const offered = new Set<StepChangeName>(["notes"]);
  const open = !FINISHED.includes(step.status);
  if (open && !(step.status === "IN_PROGRESS" && step.assigneeId === actorId)) offered.add("start");
  if (step.status === "TODO" || step.status === "IN_PROGRESS") offered.add("complete").add("block");
  if (open) offered.add("skip").add("assign");
  if (step.status !== "TODO" && step.status !== "IN_PROGRESS") offered.add("reopen");
  return offered;
}

export type RunProgress = { total: number; finished: number; percent: number; counts: Record<RunStepStatus, number> };

/** Done and skipped steps both count as finished: a skipped step was decided, with a reason. */
export function runProgress(steps: readonly { status: RunStepStatus }[]): RunProgress {
  const counts: Record<RunStepStatus, number> = { TODO: 0, IN_PROGRESS: 0, DONE: 0, SKIPPED: 0, BLOCKED: 0 };
  for (const s of steps) counts[s.status] += 1;
  const finished = counts.DONE + counts.SKIPPED;
  return { total: steps.length, finished, percent: steps.length ? Math.floor((finished * 100) / steps.length) : 0, counts };
}

/**
 * Completing a run with open steps is allowed only with explicit confirmation, because real
 * incidents end with steps that no longer apply and nobody bothered to skip; the open steps are
 * then named on the incident's timeline and in the audit record instead of vanishing.
 */
export function checkRunCompletion<T extends { status: RunStepStatus; title: string }>(
  steps: readonly T[],
  acceptOpenSteps: boolean,
): { ok: true; open: T[] } | { ok: false; open: T[]; message: string } {
  const open = steps.filter((s) => OPEN_STATUSES.includes(s.status));
  if (open.length === 0 || acceptOpenSteps) return { ok: true, open };
  return {
    ok: false,
    open,
    message: `${open.length} step${open.length === 1 ? " is" : "s are"} still open (${open.map((s) => `“${s.title}”`).join(", ")}). Confirm to complete the run with open steps.`,
  };
}

export type StepTiming = { elapsedMinutes: number | null; expectedMinutes: number | null; overdue: boolean };

/** Elapsed from start to finish (or to now while running), against the playbook's expectation. */
export function stepTiming(
  step: { status: RunStepStatus; startedAt: Date | null; finishedAt: Date | null; expectedMinutes: number | null },
  now: Date,
): StepTiming {
  if (!step.startedAt) return { elapsedMinutes: null, expectedMinutes: step.expectedMinutes, overdue: false };
  const end = step.finishedAt ?? (step.status === "IN_PROGRESS" || step.status === "BLOCKED" ? now : step.startedAt);
  const elapsedMinutes = Math.max(0, Math.floor((end.getTime() - step.startedAt.getTime()) / 60_000));
  return {
    elapsedMinutes,
    expectedMinutes: step.expectedMinutes,
    overdue: step.expectedMinutes !== null && elapsedMinutes > step.expectedMinutes,
  };
}

/** Steps grouped by phase in the order the run walks them, positions ascending inside each. */
export function groupByPhase<T extends { phase: PlaybookPhase; position: number }>(
  steps: readonly T[],
): { phase: PlaybookPhase; steps: T[] }[] {
  return PLAYBOOK_PHASES.map((phase) => ({
    phase,
    steps: steps.filter((s) => s.phase === phase).sort((a, b) => a.position - b.position),
  })).filter((g) => g.steps.length > 0);
}

/** The fields a conflict message compares, in words: "status TODO → DONE, notes edited". */
export function describeStepDifferences(
  before: { status?: string | null; assignee?: string | null; notes?: string | null; reason?: string | null },
  after: { status: string; assignee: string | null; notes: string | null; reason: string | null },
): string[] {
  const out: string[] = [];
  if (before.status && before.status !== after.status) out.push(`status ${before.status} → ${after.status}`);
  if ((before.assignee ?? null) !== after.assignee) out.push(after.assignee ? `assigned to ${after.assignee}` : "unassigned");
  if ((before.notes ?? null) !== after.notes) out.push("notes edited");
  if ((before.reason ?? null) !== after.reason && after.reason) out.push(`reason “${after.reason}”`);
  return out;
}
