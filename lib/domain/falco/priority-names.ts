import { FalcoPriority, valuesOf } from "@/lib/dto/enums";

/** Falco's priorities as Falco itself prints them, most severe first. */
export const FALCO_PRIORITY_NAMES: Readonly<Record<FalcoPriority, string>> = {
  EMERGENCY: "Emergency",
  ALERT: "Alert",
  CRITICAL: "Critical",
  ERROR: "Error",
  WARNING: "Warning",
  NOTICE: "Notice",
  INFORMATIONAL: "Informational",
  DEBUG: "Debug",
};

/** Falco's priorities, most severe first (the FalcoPriority enum's order). */
export const FALCO_PRIORITIES = valuesOf(FalcoPriority);

const PRIORITY_NAMES: Record<string, FalcoPriority> = {
  ...Object.fromEntries(FALCO_PRIORITIES.map((p) => [p.toLowerCase(), p])),
  // Rule files write INFO; Falco prints "Informational". WARN appears in hand-written events.
  info: "INFORMATIONAL",
  warn: "WARNING",
};

/** A priority name in any case, or null. */
export function parsePriority(value: string): FalcoPriority | null {
  return PRIORITY_NAMES[value.trim().toLowerCase()] ?? null;
}
