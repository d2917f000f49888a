import type { PlanRoleKind, PlaybookPhase } from "@/lib/generated/prisma/enums";
import { PLAYBOOK_PHASES } from "@/lib/domain/playbook-labels";
import { PLACEHOLDER_VOCABULARY, unknownPlaceholders } from "@/lib/domain/playbook-template";

/** What a playbook step says, wherever it comes from (the editor, the database, a CACAO document). */
export type PlaybookStepContent = {
  phase: PlaybookPhase;
  title: string;
  /** Markdown with `{{placeholders}}`, as written (runs render it with the incident's context). */
  instructions: string;
  responsibleRole: PlanRoleKind | null;
  evidenceExpected: string | null;
  expectedMinutes: number | null;
};

/** A stored step: its content, its identity and its place in the version. */
export type PlaybookStepRecord = PlaybookStepContent & { id: string; position: number };

export type OrderedStep = { id: string; phase: PlaybookPhase; position: number };

const phaseIndex = (phase: PlaybookPhase) => PLAYBOOK_PHASES.indexOf(phase);

/**
 * Steps in the order a run walks them: by phase (NIST SP 800-61 order), then by position within
 * the phase. Writes store exactly this order as positions 1..n, so a run that orders by position
 * alone sees the phases in sequence.
 */
export function orderSteps<T extends OrderedStep>(steps: readonly T[]): T[] {
  return [...steps].sort((a, b) => phaseIndex(a.phase) - phaseIndex(b.phase) || a.position - b.position || a.id.localeCompare(b.id));
}

/** The positions (1..n) each step gets in the canonical order; only changed ones are listed. */
export function renumber<T extends OrderedStep>(steps: readonly T[]): { id: string; position: number }[] {
  return orderSteps(steps)
    .map((s, i) => ({ id: s.id, from: s.position, position: i + 1 }))
    .filter((s) => s.from !== s.position)
    .map(({ id, position }) => ({ id, position }));
}

export type MoveResult<T> = { ok: true; order: T[] } | { ok: false; message: string };

/**
 * Moves a step one place up or down among the steps of its own phase: the list is grouped by
 * phase, so crossing into the next phase is done by changing the step's phase instead.
 */
export function moveStep<T extends OrderedStep>(steps: readonly T[], stepId: string, direction: "up" | "down"): MoveResult<T> {
  const order = orderSteps(steps);
  const index = order.findIndex((s) => s.id === stepId);
  const step = order[index];
  if (!step) return { ok: false, message: "That step is not in this draft any more — reload." };
  const neighbourIndex = direction === "up" ? index - 1 : index + 1;
  const neighbour = order[neighbourIndex];
  if (!neighbour || neighbour.phase !== step.phase) {
    return {
      ok: false,
      message: `That step is already the ${direction === "up" ? "first" : "last"} of its phase; change its phase to move it into another.`,
    };
  }
  order[index] = neighbour;
  order[neighbourIndex] = step;
  return { ok: true, order };
}

export type TemplatedStep = { title: string; instructions: string; evidenceExpected: string | null };

/** Every unknown `{{name}}` per step, in step order, for the publish refusal. */
export function placeholderProblems(steps: readonly TemplatedStep[]): { step: string; names: string[] }[] {
  return steps
    .map((s) => ({ step: s.title, names: unknownPlaceholders([s.title, s.instructions, s.evidenceExpected ?? ""].join("\n")) }))
    .filter((p) => p.names.length > 0);
}

/** The publish refusal: each step with the names it may not use, and the names it may. */
export function placeholderProblemMessage(problems: readonly { step: string; names: string[] }[]): string {
  const listed = problems.map((p) => `"${p.step}": ${p.names.map((n) => `{{${n}}}`).join(", ")}`).join("; ");
  const allowed = PLACEHOLDER_VOCABULARY.map((n) => `{{${n}}}`).join(", ");
  return `Unknown placeholders — ${listed}. Use only ${allowed}.`;
}
