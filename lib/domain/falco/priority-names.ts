import type { FalcoPriority } from "@/lib/generated/prisma/enums";

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
