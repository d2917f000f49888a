import type { ExerciseKind, Severity } from "@/lib/dto/enums";

/** The home page's counts. */
export type DashboardSummaryDto = {
  openIncidents: number;
  openBySeverity: Record<Severity, number>;
  activeRuns: number;
  publishedPlaybooks: number;
  clusters: number;
  contacts: number;
  lastExercise: { title: string; kind: ExerciseKind; conductedAt: Date | null } | null;
  planRevision: { number: number | null; publishedAt: Date | null } | null;
};
