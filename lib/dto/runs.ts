import type { PlanRoleKind, PlaybookPhase, Role, RunStatus, RunStepStatus } from "@/lib/generated/prisma/enums";
import type { TemplateContext } from "@/lib/domain/playbook-template";

/**
 * One step of a run as the run page shows it and as `step.updated` live events carry it. Over
 * server-sent events the dates arrive as ISO strings; the page revives them.
 */
export type RunStepDto = {
  id: string;
  runId: string;
  position: number;
  phase: PlaybookPhase;
  title: string;
  /** Rendered with the run's container context when the run started. */
  instructions: string;
  responsibleRole: PlanRoleKind | null;
  expectedMinutes: number | null;
  /** The playbook step's "evidence expected", rendered with the run's context. */
  evidenceExpected: string | null;
  /** Evidence items registered from this step. */
  evidenceCount: number;
  /** Why the step was completed without the evidence it expected. */
  noEvidenceReason: string | null;
  status: RunStepStatus;
  assigneeId: string | null;
  assigneeName: string | null;
  /** Why the step was skipped or blocked. */
  reason: string | null;
  notes: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  updatedAt: Date;
  updatedById: string | null;
  updatedByName: string | null;
  version: number;
};

export type RunStepCounts = Record<RunStepStatus, number>;

/** The run without its steps: the header of the run page, `run.updated` live events, list rows. */
export type RunSummaryDto = {
  id: string;
  status: RunStatus;
  version: number;
  playbookId: string;
  playbookTitle: string;
  playbookVersionId: string;
  versionNumber: number;
  incident: { key: string; title: string } | null;
  startedByName: string;
  startedAt: Date;
  /** When the run was completed or abandoned. */
  completedAt: Date | null;
  /** Given when the run was abandoned. */
  abandonReason: string | null;
  counts: RunStepCounts;
  total: number;
  percent: number;
};

export type RunDetailDto = RunSummaryDto & { context: TemplateContext; steps: RunStepDto[] };

/** A published version a run may pin, as the "Start a run" form offers it. */
export type RunPlaybookChoiceDto = { versionId: string; playbookId: string; title: string; versionNumber: number; incidentType: string };

export type RunAssigneeDto = { id: string; name: string; role: string };

export type RunListDto = { runs: RunSummaryDto[]; page: number; pageCount: number; total: number };

/** Someone who has the run open now (presence), as the run page lists them. */
export type RunViewerDto = { userId: string; name: string; role: Role };
