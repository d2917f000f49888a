import "server-only";
import type { Db, Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RunStepStatus } from "@/lib/generated/prisma/enums";
import { incidentKey } from "@/lib/domain/incident-status";
import type { TemplateContext } from "@/lib/domain/playbook-template";
import { runProgress } from "@/lib/domain/run-steps";
import type { RunDetailDto, RunStepDto, RunSummaryDto } from "@/lib/dto/runs";

// The select constants and DTO mappers shared by the run DAL files.

export const stepSelect = {
  id: true,
  runId: true,
  position: true,
  phase: true,
  title: true,
  instructions: true,
  responsibleRole: true,
  expectedMinutes: true,
  evidenceExpected: true,
  noEvidenceReason: true,
  status: true,
  assigneeId: true,
  reason: true,
  notes: true,
  startedAt: true,
  finishedAt: true,
  updatedAt: true,
  updatedById: true,
  version: true,
  assignee: { select: { name: true } },
  updatedBy: { select: { name: true } },
  _count: { select: { evidence: true } },
} satisfies Prisma.RunStepSelect;

export type StepRow = Prisma.RunStepGetPayload<{ select: typeof stepSelect }>;

export function toStepDto(row: StepRow): RunStepDto {
  const { assignee, updatedBy, _count, ...rest } = row;
  return { ...rest, assigneeName: assignee?.name ?? null, updatedByName: updatedBy?.name ?? null, evidenceCount: _count.evidence };
}

/** What the audit trail keeps of a step before and after each change (and what conflicts compare). */
export function stepSnapshot(row: StepRow) {
  return {
    runId: row.runId,
    title: row.title,
    version: row.version,
    status: row.status,
    assigneeId: row.assigneeId,
    assignee: row.assignee?.name ?? null,
    reason: row.reason,
    notes: row.notes,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    noEvidenceReason: row.noEvidenceReason,
  };
}

export const runSelect = {
  id: true,
  status: true,
  version: true,
  startedAt: true,
  completedAt: true,
  abandonReason: true,
  playbookVersion: { select: { id: true, number: true, playbook: { select: { id: true, title: true } } } },
  incident: { select: { id: true, number: true, title: true } },
  startedBy: { select: { name: true } },
} satisfies Prisma.PlaybookRunSelect;

export type RunRow = Prisma.PlaybookRunGetPayload<{ select: typeof runSelect }>;

/** "Cryptominer in a pod v2": how timelines and messages name a run. */
export function runLabel(row: RunRow): string {
  return `${row.playbookVersion.playbook.title} v${row.playbookVersion.number}`;
}

type Client = Tx | Db;

/**
 * Summaries for the given runs, in the order given. Step counts come from one grouped query.
 */
export async function summarize(client: Client, rows: RunRow[]): Promise<RunSummaryDto[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  // One after the other: inside a transaction the client is a single connection.
  const groups = await client.runStep.groupBy({ by: ["runId", "status"], where: { runId: { in: ids } }, _count: { _all: true } });
  return rows.map((row) => {
    const statuses: { status: RunStepStatus }[] = groups
      .filter((g) => g.runId === row.id)
      .flatMap((g) => Array.from({ length: g._count._all }, () => ({ status: g.status })));
    const progress = runProgress(statuses);
    return {
      id: row.id,
      status: row.status,
      version: row.version,
      playbookId: row.playbookVersion.playbook.id,
      playbookTitle: row.playbookVersion.playbook.title,
      playbookVersionId: row.playbookVersion.id,
      versionNumber: row.playbookVersion.number,
      incident: row.incident ? { key: incidentKey(row.incident.number), title: row.incident.title } : null,
      startedByName: row.startedBy.name,
      startedAt: row.startedAt,
      completedAt: row.completedAt,
      abandonReason: row.abandonReason,
      counts: progress.counts,
      total: progress.total,
      percent: progress.percent,
    };
  });
}

export async function loadSummary(client: Client, runId: string): Promise<RunSummaryDto | null> {
  const row = await client.playbookRun.findUnique({ where: { id: runId }, select: runSelect });
  return row ? ((await summarize(client, [row]))[0] ?? null) : null;
}

export async function loadDetail(client: Client, runId: string): Promise<RunDetailDto | null> {
  const row = await client.playbookRun.findUnique({ where: { id: runId }, select: { ...runSelect, context: true } });
  if (!row) return null;
  const [summary] = await summarize(client, [row]);
  const steps = await client.runStep.findMany({ where: { runId }, orderBy: [{ position: "asc" }, { id: "asc" }], select: stepSelect });
  if (!summary) return null;
  return { ...summary, context: row.context as TemplateContext, steps: steps.map(toStepDto) };
}
