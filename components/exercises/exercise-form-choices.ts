import type { ExerciseFormChoices, ExerciseFormValues } from "@/components/exercises/exercise-form";
import type { FindingChoices } from "@/components/exercises/finding-form";
import { CONTAINER_TECHNIQUES } from "@/lib/domain/attack";
import { SCENARIO_LIBRARY } from "@/lib/domain/exercises/scenarios";
import { PLAN_ROLE_DEFAULTS, PLAN_ROLE_KINDS } from "@/lib/domain/plan-roles";
import { PLAN_SECTION_DEFINITIONS } from "@/lib/domain/plan-text";
import type { ExerciseDto, ExerciseFormOptions } from "@/lib/dto/exercises";
import {
  EXERCISE_ATTENDANCE_LABELS,
  EXERCISE_KIND_LABELS,
  FINDING_CATEGORY_LABELS,
  FINDING_SEVERITY_LABELS,
  optionsOf,
} from "@/lib/dto/labels";

// Server-side mapping from what the DAL offers to what the exercise form shows; shared by the new
// and edit pages so both offer the same choices.

/** The choices of the exercise form; when editing, the versions the exercise pins stay offered. */
export function exerciseFormChoices(options: ExerciseFormOptions, editing?: ExerciseDto): ExerciseFormChoices {
  const pinned = new Map((editing?.playbooks ?? []).map((p) => [p.playbookVersion.playbook.id, p.playbookVersion]));
  const playbooks = options.playbooks
    .filter((p) => !pinned.has(p.playbookId))
    .map((p) => ({ value: p.versionId, label: `${p.title} (v${p.number})` }));
  for (const v of pinned.values()) playbooks.push({ value: v.id, label: `${v.playbook.title} (v${v.number}, pinned)` });
  playbooks.sort((a, b) => a.label.localeCompare(b.label));
  return {
    kinds: optionsOf(EXERCISE_KIND_LABELS),
    scenarios: SCENARIO_LIBRARY.map((s) => ({
      key: s.key,
      title: s.title,
      description: s.description,
      attackTechniques: s.attackTechniques,
    })),
    techniques: CONTAINER_TECHNIQUES.map((t) => ({ value: t.id, label: `${t.id} ${t.name}` })),
    playbooks,
    participants: [
      ...options.contacts.map((c) => ({ ref: `contact:${c.id}`, label: c.team ? `${c.name} (${c.team})` : c.name })),
      ...options.users.map((u) => ({ ref: `user:${u.id}`, label: `${u.name} (portal user)` })),
    ],
    planRoles: PLAN_ROLE_KINDS.map((k) => ({ value: k, label: PLAN_ROLE_DEFAULTS[k].name })),
    attendance: optionsOf(EXERCISE_ATTENDANCE_LABELS),
    clusters: options.clusters,
    repeatable: options.exercises.map((e) => ({ value: e.id, label: `${e.title} — ${e.scenario}` })),
  };
}

/** An exercise's record as the edit form's starting values. */
export function exerciseFormValues(e: ExerciseDto): ExerciseFormValues {
  return {
    id: e.id,
    version: e.version,
    kind: e.kind,
    title: e.title,
    scenario: e.scenario,
    scenarioDescription: e.scenarioDescription,
    scheduledAt: e.scheduledAt,
    conductedAt: e.conductedAt,
    facilitator: e.facilitator,
    facilitatorOrganisation: e.facilitatorOrganisation,
    redTeamOrganisation: e.redTeamOrganisation,
    attackTechniques: e.attackTechniques,
    outcome: e.outcome,
    repeatsId: e.repeats?.id ?? null,
    playbookVersionIds: e.playbooks.map((p) => p.playbookVersion.id),
    participants: e.participants.map((p) => ({
      ref: p.contact ? `contact:${p.contact.id}` : `user:${p.user!.id}`,
      planRole: p.planRole,
      part: p.part,
      attendance: p.attendance,
    })),
    scope: e.scope.map((s) => (s.namespace ? `${s.cluster.id}/${s.namespace.id}` : s.cluster.id)),
  };
}

/** What a finding of this exercise can be about; recurrences name findings of the exercise it repeats. */
export function findingChoices(options: ExerciseFormOptions, exercise: ExerciseDto): FindingChoices {
  return {
    categories: optionsOf(FINDING_CATEGORY_LABELS),
    severities: optionsOf(FINDING_SEVERITY_LABELS),
    planSections: PLAN_SECTION_DEFINITIONS.map((d) => ({ value: d.key, label: d.title })),
    playbooks: options.playbooks.map((p) => ({ id: p.playbookId, title: p.title, steps: p.steps })),
    techniques: CONTAINER_TECHNIQUES.map((t) => ({ value: t.id, label: `${t.id} ${t.name}` })),
    clusters: options.clusters.map((c) => ({ value: c.id, label: c.name })),
    earlierFindings: (exercise.repeats?.findings ?? []).map((f) => ({
      value: f.id,
      label: `${f.title} (${FINDING_SEVERITY_LABELS[f.severity]})`,
    })),
  };
}
