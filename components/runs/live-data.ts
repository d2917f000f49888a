import type { RunStepDto, RunSummaryDto, RunViewerDto } from "@/lib/dto/runs";

// Live messages carry the DAL's DTOs as JSON, so their dates arrive as ISO strings. These turn
// them back into the shapes the page rendered from, and ignore anything that is not one.

function date(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  const d = new Date(value as string);
  return Number.isNaN(d.getTime()) ? null : d;
}

function record(data: unknown): Record<string, unknown> | null {
  return data && typeof data === "object" ? (data as Record<string, unknown>) : null;
}

export function reviveStep(data: unknown): RunStepDto | null {
  const d = record(data);
  if (!d || typeof d.id !== "string" || typeof d.version !== "number" || typeof d.status !== "string") return null;
  return { ...(d as RunStepDto), startedAt: date(d.startedAt), finishedAt: date(d.finishedAt), updatedAt: date(d.updatedAt) ?? new Date() };
}

export function reviveSummary(data: unknown): RunSummaryDto | null {
  const d = record(data);
  if (!d || typeof d.id !== "string" || typeof d.version !== "number" || typeof d.status !== "string") return null;
  return { ...(d as RunSummaryDto), startedAt: date(d.startedAt) ?? new Date(), completedAt: date(d.completedAt) };
}

export function reviveViewers(data: unknown): RunViewerDto[] | null {
  const viewers = record(data)?.viewers;
  if (!Array.isArray(viewers)) return null;
  return viewers.filter((v): v is RunViewerDto => typeof v?.userId === "string" && typeof v?.name === "string");
}

/** The newer of two copies of a record wins; versions only ever go up. */
export function newer<T extends { version: number }>(a: T, b: T | undefined): T {
  return b && b.version > a.version ? b : a;
}
