import { INCIDENT_STATUS_LABELS } from "@/lib/dto/labels";
import type { IncidentStatus } from "@/lib/generated/prisma/enums";

/**
 * The incident lifecycle, after NIST SP 800-61's phases: detection & analysis (OPEN → TRIAGED),
 * containment, eradication and recovery (CONTAINED → ERADICATED → RECOVERED), then closure.
 *
 * Rules: forward one phase at a time, so every phase gets its time recorded by someone who
 * declared it. CLOSED may also be reached from any open state, because false positives and benign
 * activity are closed straight from triage — but closing early requires a reason, which goes on
 * the timeline. Nothing moves backwards and a closed incident is never reopened: new activity
 * opens a new incident (correlation only joins open ones), so closed records stay as they were
 * reviewed.
 */
export const INCIDENT_LIFECYCLE = [
  "OPEN",
  "TRIAGED",
  "CONTAINED",
  "ERADICATED",
  "RECOVERED",
  "CLOSED",
] as const satisfies readonly IncidentStatus[];

/** The column each status's time is recorded in. */
export const PHASE_TIME_FIELD = {
  TRIAGED: "triagedAt",
  CONTAINED: "containedAt",
  ERADICATED: "eradicatedAt",
  RECOVERED: "recoveredAt",
  CLOSED: "resolvedAt",
} as const satisfies Partial<Record<IncidentStatus, string>>;

export type PhaseTimeField = (typeof PHASE_TIME_FIELD)[keyof typeof PHASE_TIME_FIELD];

/** How people and the API name an incident: `INC-` and its number padded to four digits (`INC-0042`). */
export function incidentKey(number: number): string {
  return `INC-${String(number).padStart(4, "0")}`;
}

/** The next phase in order, or null when closed. */
export function nextStatus(from: IncidentStatus): IncidentStatus | null {
  const i = INCIDENT_LIFECYCLE.indexOf(from);
  return INCIDENT_LIFECYCLE[i + 1] ?? null;
}

/** Where an incident may go from `from`: the next phase, and CLOSED (early) when that is not already next. */
export function allowedTransitions(from: IncidentStatus): IncidentStatus[] {
  const next = nextStatus(from);
  if (!next) return [];
  return next === "CLOSED" ? ["CLOSED"] : [next, "CLOSED"];
}

/** True when a move to CLOSED skips phases, which needs a reason. */
export function isEarlyClose(from: IncidentStatus, to: IncidentStatus): boolean {
  return to === "CLOSED" && nextStatus(from) !== "CLOSED";
}

export type TransitionCheck = { ok: true; timeField: PhaseTimeField } | { ok: false; message: string; field?: "to" | "note" };

export function checkTransition(from: IncidentStatus, to: IncidentStatus, note?: string | null): TransitionCheck {
  if (from === "CLOSED") return { ok: false, message: "This incident is closed; closed incidents are not reopened.", field: "to" };
  if (from === to) return { ok: false, message: `The incident is already ${INCIDENT_STATUS_LABELS[to].toLowerCase()}.`, field: "to" };
  if (!allowedTransitions(from).includes(to)) {
    const next = nextStatus(from)!;
    return {
      ok: false,
      message: `An incident moves one phase at a time: from ${INCIDENT_STATUS_LABELS[from].toLowerCase()} it can go to ${INCIDENT_STATUS_LABELS[next].toLowerCase()}${next === "CLOSED" ? "" : " or be closed"}.`,
      field: "to",
    };
  }
  if (isEarlyClose(from, to) && !note?.trim()) {
    return { ok: false, message: "Say why the incident is closed before recovery (e.g. false positive).", field: "note" };
  }
  return { ok: true, timeField: PHASE_TIME_FIELD[to as keyof typeof PHASE_TIME_FIELD] };
}
