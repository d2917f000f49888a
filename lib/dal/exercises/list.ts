import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorize } from "@/lib/dal/authorize";
import type { ExerciseListItemDto, ExercisePageDto } from "@/lib/dto/exercises";
import { isOverdue } from "@/lib/domain/exercises/action-items";
import type { Actor } from "@/lib/domain/roles";
import { utcDayRange } from "@/lib/domain/utc-time";
import { EXERCISE_PAGE_SIZE, type ExerciseListFilterValue } from "@/lib/validation/exercises";

const listSelect = {
  id: true,
  kind: true,
  title: true,
  scenario: true,
  status: true,
  scheduledAt: true,
  conductedAt: true,
  facilitatorOrganisation: true,
  redTeamOrganisation: true,
  overrideReason: true,
  findings: { select: { severity: true, status: true, actionItems: { select: { status: true, dueAt: true } } } },
} satisfies Prisma.ExerciseSelect;

type Row = Prisma.ExerciseGetPayload<{ select: typeof listSelect }>;

export type { ExerciseListItemDto, ExercisePageDto };

function summarise({ findings, ...row }: Row, now: Date): ExerciseListItemDto {
  const openFindings = { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0 };
  const actionItems = { open: 0, closed: 0, overdue: 0 };
  for (const f of findings) {
    if (f.status === "OPEN") openFindings[f.severity] += 1;
    for (const item of f.actionItems) {
      if (item.status === "DONE" || item.status === "WONT_FIX") actionItems.closed += 1;
      else actionItems.open += 1;
      if (isOverdue(item, now)) actionItems.overdue += 1;
    }
  }
  return { ...row, openFindings, findingCount: findings.length, actionItems };
}

/** The list's filter as a query: the period is when it was held, or scheduled if it has not been. */
function listWhere(filter: ExerciseListFilterValue): Prisma.ExerciseWhereInput {
  const period = utcDayRange(filter.from, filter.to);
  const and: Prisma.ExerciseWhereInput[] = [];
  if (period.gte || period.lt) {
    and.push({ OR: [{ conductedAt: period }, { conductedAt: null, scheduledAt: period }] });
  }
  if (filter.thirdParty === "yes") and.push({ OR: [{ facilitatorOrganisation: { not: null } }, { redTeamOrganisation: { not: null } }] });
  if (filter.thirdParty === "no") and.push({ facilitatorOrganisation: null, redTeamOrganisation: null });
  return { kind: filter.kind, status: filter.status, scenario: filter.scenario, AND: and };
}

/** One page of exercises, newest first (scheduled or conducted); a page past the end shows the last page. */
export async function listExercises(actor: Actor, filter: ExerciseListFilterValue, now = new Date()): Promise<ExercisePageDto> {
  await authorize(actor, "exercises.read", { type: "Exercise" });
  const where = listWhere(filter);
  const [total, scenarioRows] = await Promise.all([
    db().exercise.count({ where }),
    db().exercise.findMany({ distinct: ["scenario"], orderBy: { scenario: "asc" }, select: { scenario: true } }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / EXERCISE_PAGE_SIZE));
  const page = Math.min(filter.page, pageCount);
  const rows = await db().exercise.findMany({
    where,
    orderBy: [{ scheduledAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * EXERCISE_PAGE_SIZE,
    take: EXERCISE_PAGE_SIZE,
    select: listSelect,
  });
  return {
    exercises: rows.map((r) => summarise(r, now)),
    total,
    page,
    pageSize: EXERCISE_PAGE_SIZE,
    pageCount,
    scenarios: scenarioRows.map((r) => r.scenario),
  };
}
