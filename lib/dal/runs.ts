import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { appendAuditEvent } from "@/lib/dal/audit";
import { authorize } from "@/lib/dal/authorize";
import { NotFoundError, ValidationError } from "@/lib/dal/errors";
import { listPublishedPlaybooks } from "@/lib/dal/playbooks";
import { loadDetail, loadSummary, runLabel, runSelect, stepSelect, summarize, toStepDto, type RunRow } from "@/lib/dal/run-records";
import { ASSIGNEE_ROLES } from "@/lib/dal/run-step-updates";
import { assertOneRowUpdated, staleVersionConflict } from "@/lib/dal/versioning";
import type { Actor } from "@/lib/domain/roles";
import { checkRunCompletion } from "@/lib/domain/run-steps";
import type { LiveEventKind } from "@/lib/dto/live";
import type { RunAssigneeDto, RunDetailDto, RunListDto, RunPlaybookChoiceDto, RunStepDto, RunSummaryDto } from "@/lib/dto/runs";
import { appendLiveEvent, runTopic } from "@/lib/dal/live-events";
import { IncidentKeyInput } from "@/lib/validation/incidents";
import type { RunListFilterInput } from "@/lib/validation/runs";

export { startRun } from "@/lib/dal/run-start";
// The benchmark and the server actions share this one code path for step changes.
export { updateRunStep, type UpdateRunStepInput } from "@/lib/dal/run-step-updates";

export const RUN_PAGE_SIZE = 25;

export async function getRunOrThrow(actor: Actor, runId: string): Promise<RunDetailDto> {
  await authorize(actor, "runs.read", { type: "PlaybookRun", id: runId });
  const run = await loadDetail(db(), runId);
  if (!run) throw new NotFoundError("That run was not found.");
  return run;
}

/** Active runs first (they need people), then newest started. */
export async function listRuns(actor: Actor, filter: Partial<RunListFilterInput> = {}): Promise<RunListDto> {
  await authorize(actor, "runs.read", { type: "PlaybookRun" });
  const where: Prisma.PlaybookRunWhereInput = { status: filter.status };
  if (filter.incident) {
    const number = IncidentKeyInput.safeParse(filter.incident);
    where.incident = { number: number.success ? number.data : -1 };
  }
  const total = await db().playbookRun.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / RUN_PAGE_SIZE));
  const page = Math.min(filter.page ?? 1, pageCount);
  const rows = await db().playbookRun.findMany({
    where,
    orderBy: [{ status: "asc" }, { startedAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * RUN_PAGE_SIZE,
    take: RUN_PAGE_SIZE,
    select: runSelect,
  });
  return { runs: await summarize(db(), rows), page, pageCount, total };
}

export async function listIncidentRuns(actor: Actor, incidentId: string): Promise<RunSummaryDto[]> {
  await authorize(actor, "runs.read", { type: "PlaybookRun" });
  const rows = await db().playbookRun.findMany({
    where: { incidentId },
    orderBy: [{ status: "asc" }, { startedAt: "desc" }, { id: "desc" }],
    select: runSelect,
  });
  return summarize(db(), rows);
}

/**
 * What a run may pin: the newest published version of each playbook that is not retired (from the
 * playbook library); the incident's suggested playbook is preselected.
 */
export async function listRunPlaybookChoices(
  actor: Actor,
  incidentId: string,
): Promise<{ choices: RunPlaybookChoiceDto[]; suggestedVersionId: string | null }> {
  await authorize(actor, "runs.act", { type: "PlaybookRun" });
  const [incident, published] = await Promise.all([
    db().incident.findUnique({ where: { id: incidentId }, select: { suggestedPlaybookId: true } }),
    listPublishedPlaybooks(actor),
  ]);
  const choices = published.map((p) => ({
    versionId: p.versionId,
    playbookId: p.playbookId,
    title: p.title,
    versionNumber: p.number,
    incidentType: p.incidentType,
  }));
  const suggested = choices.find((c) => c.playbookId === incident?.suggestedPlaybookId);
  return { choices, suggestedVersionId: suggested?.versionId ?? null };
}

export async function listRunAssignees(actor: Actor): Promise<RunAssigneeDto[]> {
  await authorize(actor, "runs.act", { type: "PlaybookRun" });
  return db().user.findMany({
    where: { active: true, role: { in: ASSIGNEE_ROLES } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, role: true },
  });
}

/** Locks the run for a run-level change, so no step change commits between the check and the write. */
async function loadRunForUpdate(tx: Tx, runId: string, version: number): Promise<RunRow> {
  await tx.$executeRaw`SELECT 1 FROM "PlaybookRun" WHERE "id" = ${runId} FOR UPDATE`;
  const row = await tx.playbookRun.findUnique({ where: { id: runId }, select: runSelect });
  if (!row) throw new NotFoundError("That run was not found.");
  if (row.version !== version)
    throw await staleVersionConflict(tx, { type: "PlaybookRun", id: row.id, label: `The run of ${runLabel(row)}` });
  if (row.status !== "ACTIVE") throw new ValidationError(`This run is already ${row.status.toLowerCase()}.`);
  return row;
}

async function finishRun(
  tx: Tx,
  actor: Actor,
  row: RunRow,
  outcome: { status: "COMPLETED" | "ABANDONED"; message: string; action: string; details: Record<string, unknown>; abandonReason?: string },
): Promise<RunSummaryDto> {
  const at = new Date();
  const updated = await tx.playbookRun.updateMany({
    where: { id: row.id, version: row.version },
    data: {
      status: outcome.status,
      completedAt: at,
      abandonReason: outcome.abandonReason ?? null,
      updatedById: actor.id,
      version: { increment: 1 },
    },
  });
  assertOneRowUpdated(updated.count, `the run of ${runLabel(row)}`);
  if (row.incident) {
    await tx.timelineEntry.create({
      data: {
        incidentId: row.incident.id,
        kind: "RUN",
        at,
        actorId: actor.id,
        message: outcome.message,
        data: { runId: row.id, status: outcome.status },
      },
    });
  }
  await appendAuditEvent(tx, {
    actor,
    action: outcome.action,
    targetType: "PlaybookRun",
    targetId: row.id,
    before: { status: row.status, version: row.version },
    after: { status: outcome.status, version: row.version + 1, completedAt: at, ...outcome.details },
  });
  const summary = await loadSummary(tx, row.id);
  if (!summary) throw new NotFoundError("That run was not found.");
  // The incident's timeline changed too: open incident pages refresh.
  if (row.incident)
    await appendLiveEvent(tx, { topic: "incidents", kind: "incident.updated", entityId: row.incident.id, actorId: actor.id });
  await appendLiveEvent(tx, { topic: runTopic(row.id), kind: "run.updated", entityId: row.id, actorId: actor.id, data: summary });
  return summary;
}

/**
 * Completes a run. With open steps (to do, in progress, blocked) it needs `acceptOpenSteps`: the
 * refusal names them, and a confirmed completion names them on the timeline and in the audit row.
 */
export async function completeRun(
  actor: Actor,
  input: { runId: string; version: number; acceptOpenSteps: boolean },
): Promise<RunSummaryDto> {
  await authorize(actor, "runs.act", { type: "PlaybookRun", id: input.runId });
  return db().$transaction(async (tx) => {
    const row = await loadRunForUpdate(tx, input.runId, input.version);
    const steps = await tx.runStep.findMany({
      where: { runId: row.id },
      orderBy: { position: "asc" },
      select: { title: true, status: true },
    });
    const check = checkRunCompletion(steps, input.acceptOpenSteps);
    if (!check.ok) throw new ValidationError(check.message, { acceptOpenSteps: [check.message] });
    const open = check.open.map((s) => `“${s.title}”`);
    const message = `Run of ${runLabel(row)} completed by ${actor.name}${open.length ? ` with ${open.length} open step${open.length === 1 ? "" : "s"}: ${open.join(", ")}` : ""}.`;
    return finishRun(tx, actor, row, {
      status: "COMPLETED",
      action: "run.complete",
      message,
      details: { openSteps: check.open.map((s) => s.title) },
    });
  });
}

export async function abandonRun(actor: Actor, input: { runId: string; version: number; reason: string }): Promise<RunSummaryDto> {
  await authorize(actor, "runs.act", { type: "PlaybookRun", id: input.runId });
  const reason = input.reason.trim();
  if (!reason) throw new ValidationError("Say why the run is abandoned: the reason goes on the record.", { reason: ["Required"] });
  return db().$transaction(async (tx) => {
    const row = await loadRunForUpdate(tx, input.runId, input.version);
    const message = `Run of ${runLabel(row)} abandoned by ${actor.name}: ${reason}`;
    return finishRun(tx, actor, row, { status: "ABANDONED", action: "run.abandon", message, details: { reason }, abandonReason: reason });
  });
}

/**
 * For the live events route: what a browser needs to apply one change in place. `step.updated`
 * → the step DTO; `run.updated` → the run summary; anything else (or a record that is gone) → null.
 */
export async function loadRunLiveData(
  actor: Actor,
  runId: string,
  kind: LiveEventKind,
  entityId: string | null,
): Promise<RunStepDto | RunSummaryDto | null> {
  await authorize(actor, "runs.read", { type: "PlaybookRun", id: runId });
  if (kind === "step.updated" && entityId) {
    const step = await db().runStep.findFirst({ where: { id: entityId, runId }, select: stepSelect });
    return step ? toStepDto(step) : null;
  }
  if (kind === "run.updated") return loadSummary(db(), runId);
  return null;
}
