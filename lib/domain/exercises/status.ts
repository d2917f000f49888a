import type { ExerciseStatus } from "@/lib/generated/prisma/enums";

/**
 * An exercise's life: PLANNED → IN_PROGRESS → COMPLETED, or CANCELLED with a reason from PLANNED
 * or IN_PROGRESS. COMPLETED and CANCELLED are final: the record auditors read does not reopen.
 * Whether a purple team may start is a second rule on top (gating.ts).
 */

const NEXT: Readonly<Record<ExerciseStatus, readonly ExerciseStatus[]>> = {
  PLANNED: ["IN_PROGRESS", "CANCELLED"],
  IN_PROGRESS: ["COMPLETED", "CANCELLED"],
  COMPLETED: [],
  CANCELLED: [],
};

export const CANCEL_REASON_MAX = 2000;

export type StatusDecision =
  { ok: true; next: ExerciseStatus; cancelReason: string | null } | { ok: false; message: string; field?: "cancelReason" | "to" };

export function allowedNextStatuses(from: ExerciseStatus): readonly ExerciseStatus[] {
  return NEXT[from];
}

export function decideStatusChange(from: ExerciseStatus, to: ExerciseStatus, cancelReason?: string | null): StatusDecision {
  if (from === to) return { ok: false, message: `The exercise is already ${to.toLowerCase().replace("_", " ")}.`, field: "to" };
  if (!NEXT[from].includes(to)) {
    const final = NEXT[from].length === 0;
    return {
      ok: false,
      field: "to",
      message: final
        ? `A ${from.toLowerCase()} exercise is final; record a new one (a re-run) instead.`
        : `An exercise that is ${from.toLowerCase().replace("_", " ")} cannot become ${to.toLowerCase().replace("_", " ")}.`,
    };
  }
  if (to === "CANCELLED") {
    const reason = cancelReason?.trim() ?? "";
    if (!reason) return { ok: false, message: "Say why the exercise is cancelled.", field: "cancelReason" };
    if (reason.length > CANCEL_REASON_MAX)
      return { ok: false, message: `Use at most ${CANCEL_REASON_MAX} characters.`, field: "cancelReason" };
    return { ok: true, next: to, cancelReason: reason };
  }
  return { ok: true, next: to, cancelReason: null };
}
