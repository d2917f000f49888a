import type { ActionItemStatus, ExerciseKind, ExerciseStatus, FindingSeverity } from "@/lib/generated/prisma/enums";
import { isFindingOpen } from "@/lib/domain/exercises/findings";

/**
 * A purple-team exercise is worth its cost only after a tabletop of the same scenario went well
 * (issue 12): it may move to IN_PROGRESS only if a COMPLETED tabletop of that scenario has no open
 * HIGH or CRITICAL finding, or an IR manager records an override with a reason. Tabletops are
 * never gated. The decision names the prerequisite it used, or the findings that block it.
 */

export const BLOCKING_SEVERITIES: readonly FindingSeverity[] = ["CRITICAL", "HIGH"];
export const OVERRIDE_REASON_MAX = 2000;

export type GateFinding = { id: string; title: string; severity: FindingSeverity; actionItems: { status: ActionItemStatus }[] };
export type GateTabletop = {
  id: string;
  title: string;
  kind: ExerciseKind;
  status: ExerciseStatus;
  scenario: string;
  conductedAt: Date | null;
  findings: GateFinding[];
};

export type GateDecision =
  | { ok: true; prerequisiteId: string | null; override: null }
  | { ok: true; prerequisiteId: string | null; override: { reason: string } }
  | { ok: false; message: string; blocking: { exerciseId: string; findingId: string; title: string }[] };

function blockingFindings(tabletop: GateTabletop): GateFinding[] {
  return tabletop.findings.filter((f) => BLOCKING_SEVERITIES.includes(f.severity) && isFindingOpen(f.actionItems));
}

export function decidePurpleTeamStart(input: {
  kind: ExerciseKind;
  scenario: string;
  /** Tabletops to consider; anything else (other scenario, not completed) is ignored here. */
  tabletops: readonly GateTabletop[];
  /** An IR manager's override reason, if they gave one. */
  overrideReason?: string | null;
}): GateDecision {
  if (input.kind !== "PURPLE_TEAM") return { ok: true, prerequisiteId: null, override: null };
  const completed = input.tabletops
    .filter((t) => t.kind === "TABLETOP" && t.status === "COMPLETED" && t.scenario === input.scenario)
    // The newest tabletop is the prerequisite a purple team follows.
    .sort((a, b) => (b.conductedAt?.getTime() ?? 0) - (a.conductedAt?.getTime() ?? 0));
  const clean = completed.find((t) => blockingFindings(t).length === 0);
  if (clean) return { ok: true, prerequisiteId: clean.id, override: null };

  const reason = input.overrideReason?.trim() ?? "";
  if (reason) {
    if (reason.length > OVERRIDE_REASON_MAX) return { ok: false, message: `Use at most ${OVERRIDE_REASON_MAX} characters.`, blocking: [] };
    return { ok: true, prerequisiteId: completed[0]?.id ?? null, override: { reason } };
  }
  if (completed.length === 0) {
    return {
      ok: false,
      blocking: [],
      message: `No completed tabletop of “${input.scenario}” yet: run the tabletop first, or record an override with a reason.`,
    };
  }
  const blocking = completed.flatMap((t) => blockingFindings(t).map((f) => ({ exerciseId: t.id, findingId: f.id, title: f.title })));
  return {
    ok: false,
    blocking,
    message: `The tabletop of “${input.scenario}” still has ${blocking.length} open high or critical finding${blocking.length === 1 ? "" : "s"} (${blocking.map((b) => b.title).join("; ")}): close their action items first, or record an override with a reason.`,
  };
}
