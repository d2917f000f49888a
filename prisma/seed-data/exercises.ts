import type { Tx } from "@/lib/db";
import { decideActionItemChange, type FindingConcern, type LinkedFix } from "@/lib/domain/exercises/action-items";
import { findingStatusOf } from "@/lib/domain/exercises/findings";
import { SCENARIO_LIBRARY } from "@/lib/domain/exercises/scenarios";
import type { Assets } from "./assets";
import { later, type Clock } from "./clock";
import {
  DETECTION_PURPLE_TEAM,
  TABLETOP_1,
  type ActionItemSeed,
  type ExerciseKey,
  type ExerciseSeed,
  type FindingSeed,
} from "./exercise-story";
import { PURPLE_TEAM, TABLETOP_2 } from "./exercise-story-rerun";
import type { SeededPlanRevision } from "./plan";
import type { People } from "./people";
import type { SeededPlaybooks, SeededPlaybookVersion } from "./playbooks";

// Writes the exercise story (exercise-story.ts) in the order it happened. Findings' statuses and
// the fixes that closed their items go through the app's own rules, so the demo cannot show
// something the portal would have refused.

export const EXERCISE_STORY: readonly ExerciseSeed[] = [TABLETOP_1, DETECTION_PURPLE_TEAM, TABLETOP_2, PURPLE_TEAM];

const SCENARIO = SCENARIO_LIBRARY.find((s) => s.key === "cryptominer-production");

type Refs = { people: People; assets: Assets; playbooks: SeededPlaybooks; planRevisions: readonly SeededPlanRevision[] };

/** The last of `rows` published at or before `at` (the one in force then), if any. */
function inForceAt<T extends { publishedAt: Date }>(rows: readonly T[], at: Date): T | null {
  return rows.filter((r) => r.publishedAt.getTime() <= at.getTime()).at(-1) ?? null;
}

export async function seedExercises(tx: Tx, clock: Clock, refs: Refs): Promise<Record<ExerciseKey, string>> {
  const ids = {} as Record<ExerciseKey, string>;
  const findingIds = new Map<string, string>();
  for (const seed of EXERCISE_STORY) {
    ids[seed.key] = await seedExercise(tx, clock, seed, refs, { ids, findingIds });
  }
  return ids;
}

async function seedExercise(
  tx: Tx,
  clock: Clock,
  seed: ExerciseSeed,
  refs: Refs,
  seeded: { ids: Partial<Record<ExerciseKey, string>>; findingIds: Map<string, string> },
): Promise<string> {
  if (!SCENARIO) throw new Error("the scenario library has no cryptominer scenario");
  const { contacts, users } = refs.people;
  const conductedAt = clock.ago(seed.conductedAgo);
  const createdAt = later(conductedAt, { days: -seed.plannedDaysBefore });
  const playbookVersion = inForceAt(refs.playbooks.cryptomining.versions, createdAt);
  if (!playbookVersion) throw new Error(`${seed.key}: no cryptomining playbook version was published when it was planned`);
  const linked = (key: ExerciseKey | undefined) => {
    if (!key) return null;
    const id = seeded.ids[key];
    if (!id) throw new Error(`${seed.key} links ${key}, which the story has not seeded before it`);
    return id;
  };

  const exercise = await tx.exercise.create({
    data: {
      kind: seed.kind,
      title: seed.title,
      scenario: SCENARIO.title,
      scenarioDescription: SCENARIO.description,
      scheduledAt: conductedAt,
      conductedAt,
      facilitator: seed.facilitator,
      facilitatorOrganisation: seed.facilitatorOrganisation ?? null,
      redTeamOrganisation: seed.redTeamOrganisation ?? null,
      attackTechniques: seed.attackTechniques,
      status: "COMPLETED",
      outcome: seed.outcome,
      // As the DAL records it on create: the revision in force then (none before the first).
      planRevisionId: inForceAt(refs.planRevisions, createdAt)?.id ?? null,
      prerequisiteId: linked(seed.prerequisite),
      repeatsId: linked(seed.repeats),
      ...(seed.overrideReason ? { overrideReason: seed.overrideReason, overrideById: users.manager.id, overrideAt: conductedAt } : {}),
      createdById: users.manager.id,
      updatedById: users.manager.id,
      createdAt,
      participants: {
        create: seed.participants.map((p) => ({
          contactId: contacts[p.contact],
          part: p.part,
          planRole: p.planRole ?? null,
          attendance: p.attendance,
        })),
      },
      playbooks: { create: [{ playbookVersionId: playbookVersion.id }] },
      scope: {
        create: seed.scope.map((s) => ({
          clusterId: refs.assets.clusters[s.cluster],
          namespaceId: s.namespace ? namespaceId(refs.assets, `${s.cluster}/${s.namespace}`) : null,
        })),
      },
      logEntries: {
        create: (seed.log ?? []).map((entry) => {
          const at = later(conductedAt, { minutes: entry.minutes });
          return { at, text: entry.text, authorId: users[entry.by].id, createdAt: at };
        }),
      },
    },
    select: { id: true },
  });

  const findingsAt = later(conductedAt, { days: 2 });
  for (const f of seed.findings) {
    const id = await seedFinding(tx, clock, f, refs, { exerciseId: exercise.id, createdAt: findingsAt, findingIds: seeded.findingIds });
    seeded.findingIds.set(f.key, id);
  }
  return exercise.id;
}

function namespaceId(assets: Assets, key: string): string {
  const id = assets.namespaces[key];
  if (!id) throw new Error(`the demo has no namespace ${key}`);
  return id;
}

async function seedFinding(
  tx: Tx,
  clock: Clock,
  f: FindingSeed,
  refs: Refs,
  at: { exerciseId: string; createdAt: Date; findingIds: Map<string, string> },
): Promise<string> {
  const { cryptomining } = refs.playbooks;
  const step = f.playbookStep
    ? await tx.playbookStep.findFirstOrThrow({
        where: { versionId: versionNumbered(cryptomining.versions, f.playbookStep.version).id, title: f.playbookStep.title },
        select: { id: true },
      })
    : null;
  const recurrenceOfId = f.recurrenceOf ? at.findingIds.get(f.recurrenceOf) : null;
  if (f.recurrenceOf && !recurrenceOfId) throw new Error(`${f.key} recurs ${f.recurrenceOf}, which is not seeded before it`);
  const playbookId = f.playbookStep || f.category === "PLAYBOOK" ? cryptomining.playbookId : null;
  const concern: FindingConcern = { category: f.category, createdAt: at.createdAt, planSectionKey: f.planSectionKey ?? null, playbookId };

  const items = f.actionItems.map((a) => actionItemRow(clock, a, concern, refs, f.key));
  const finding = await tx.finding.create({
    data: {
      exerciseId: at.exerciseId,
      title: f.title,
      category: f.category,
      severity: f.severity,
      status: findingStatusOf(items),
      description: f.description,
      recommendation: f.recommendation,
      planSectionKey: f.planSectionKey ?? null,
      playbookId,
      playbookStepId: step?.id ?? null,
      attackTechnique: f.attackTechnique ?? null,
      clusterId: f.cluster ? refs.assets.clusters[f.cluster] : null,
      recurrenceOfId: recurrenceOfId ?? null,
      createdAt: at.createdAt,
      actionItems: {
        create: items.map((item) => ({
          ...item,
          createdAt: at.createdAt,
          updatedById: item.closedAt ? refs.people.users.manager.id : null,
        })),
      },
    },
    select: { id: true },
  });
  return finding.id;
}

function versionNumbered(versions: readonly SeededPlaybookVersion[], number: number): SeededPlaybookVersion {
  const version = versions.find((v) => v.number === number);
  if (!version) throw new Error(`the cryptomining playbook has no version ${number}`);
  return version;
}

/** An item as the DAL would have closed it: the same decision, or the seed fails. */
function actionItemRow(clock: Clock, a: ActionItemSeed, concern: FindingConcern, refs: Refs, findingKey: string) {
  const base = { title: a.title, ownerId: refs.people.contacts[a.owner], dueAt: later(clock.now, a.dueIn), status: a.status };
  if (a.status === "OPEN" || a.status === "IN_PROGRESS") {
    if (a.closedAgo || a.closedBy || a.wontFixReason) throw new Error(`${findingKey}: an open item has no closing details`);
    return { ...base, wontFixReason: null, closedAt: null, closedByPlanRevisionId: null, closedByPlaybookVersionId: null };
  }
  if (!a.closedAgo) throw new Error(`${findingKey}: a closed item needs closedAgo`);
  const closedAt = clock.ago(a.closedAgo);
  const fix = a.closedBy ? linkedFix(a.closedBy, refs) : null;
  const decision = decideActionItemChange("IN_PROGRESS", { to: a.status, wontFixReason: a.wontFixReason ?? null, fix }, concern);
  if (!decision.ok) throw new Error(`${findingKey}: ${decision.message}`);
  if (closedAt.getTime() <= concern.createdAt.getTime() || (fix?.publishedAt && closedAt.getTime() < fix.publishedAt.getTime()))
    throw new Error(`${findingKey}: closed before the finding or its fix existed`);
  return {
    ...base,
    status: decision.status,
    wontFixReason: decision.wontFixReason,
    closedAt,
    closedByPlanRevisionId: decision.closedByPlanRevisionId,
    closedByPlaybookVersionId: decision.closedByPlaybookVersionId,
  };
}

function linkedFix(closedBy: NonNullable<ActionItemSeed["closedBy"]>, refs: Refs): LinkedFix {
  if ("planRevision" in closedBy) {
    const revision = refs.planRevisions.find((r) => r.number === closedBy.planRevision);
    if (!revision) throw new Error(`the demo plan has no revision ${closedBy.planRevision}`);
    return { kind: "planRevision", id: revision.id, status: "PUBLISHED", publishedAt: revision.publishedAt, number: revision.number };
  }
  const version = versionNumbered(refs.playbooks.cryptomining.versions, closedBy.playbookVersion);
  return {
    kind: "playbookVersion",
    id: version.id,
    playbookId: refs.playbooks.cryptomining.playbookId,
    status: "PUBLISHED",
    publishedAt: version.publishedAt,
    number: version.number,
  };
}
