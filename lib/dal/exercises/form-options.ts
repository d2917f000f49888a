import "server-only";
import { db } from "@/lib/db";
import { authorize } from "@/lib/dal/authorize";
import type { ExerciseFormOptions } from "@/lib/dto/exercises";
import type { Actor } from "@/lib/domain/roles";

export type { ExerciseFormOptions };

// What the exercise, finding and action-item forms offer to pick from, read once per page. Only
// published plan revisions and playbook versions are offered as fixes: the DAL refuses others.

const MAX_EXERCISES_OFFERED = 200;

export async function getExerciseFormOptions(actor: Actor): Promise<ExerciseFormOptions> {
  await authorize(actor, "exercises.edit", { type: "Exercise" });
  const [contacts, users, clusters, versions, revisions, exercises] = await Promise.all([
    db().contact.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true, team: true } }),
    db().user.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true, email: true } }),
    db().cluster.findMany({
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        namespaces: { where: { isPattern: false }, orderBy: { name: "asc" }, select: { id: true, name: true } },
      },
    }),
    db().playbookVersion.findMany({
      where: { status: "PUBLISHED", publishedAt: { not: null } },
      orderBy: [{ playbook: { title: "asc" } }, { number: "desc" }],
      select: {
        id: true,
        number: true,
        publishedAt: true,
        playbook: { select: { id: true, title: true, retiredAt: true } },
        steps: { orderBy: { position: "asc" }, select: { id: true, title: true, position: true } },
      },
    }),
    db().planRevision.findMany({
      where: { status: "PUBLISHED", number: { not: null }, publishedAt: { not: null } },
      orderBy: { number: "desc" },
      select: { id: true, number: true, publishedAt: true },
    }),
    db().exercise.findMany({
      orderBy: [{ createdAt: "desc" }],
      take: MAX_EXERCISES_OFFERED,
      select: { id: true, title: true, kind: true, scenario: true },
    }),
  ]);
  const latest = new Map<string, (typeof versions)[number]>();
  for (const v of versions) if (!v.playbook.retiredAt && !latest.has(v.playbook.id)) latest.set(v.playbook.id, v);
  return {
    contacts,
    users,
    clusters,
    playbooks: [...latest.values()].map((v) => ({
      versionId: v.id,
      playbookId: v.playbook.id,
      title: v.playbook.title,
      number: v.number,
      steps: v.steps,
    })),
    playbookVersions: versions.map((v) => ({
      id: v.id,
      playbookId: v.playbook.id,
      title: v.playbook.title,
      number: v.number,
      publishedAt: v.publishedAt!,
    })),
    planRevisions: revisions.map((r) => ({ id: r.id, number: r.number!, publishedAt: r.publishedAt! })),
    exercises,
  };
}
