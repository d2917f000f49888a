import type { Metadata } from "next";
import Link from "next/link";
import { ExerciseForm } from "@/components/exercises/exercise-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/page";
import { listActiveContactOptions } from "@/lib/dal/contacts";
import { listClusterNames } from "@/lib/dal/platform";
import { listPublishedPlaybooks } from "@/lib/dal/playbooks";
import { CONTAINER_TECHNIQUES } from "@/lib/domain/attack";
import { SCENARIO_LIBRARY } from "@/lib/domain/exercises/scenarios";
import { EXERCISE_KIND_LABELS, optionsOf } from "@/lib/dto/labels";
import { createExerciseAction } from "./actions";

export const metadata: Metadata = { title: "New exercise" };

export default async function NewExercisePage() {
  // Only managers record exercises; everyone else gets the same 404 as for a page that does not exist.
  const actor = await requirePagePermission("exercises.edit");
  const [contacts, clusters, playbooks] = await Promise.all([
    listActiveContactOptions(actor),
    listClusterNames(actor),
    listPublishedPlaybooks(actor),
  ]);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/exercises" className="text-sky-800 underline">
          ← All exercises
        </Link>
      </p>
      <PageHeader
        title="New exercise"
        description="Plan a tabletop (or, after a clean tabletop of the same scenario, a purple team). Findings and action items are recorded on the exercise once it is held."
      />
      <div className="max-w-3xl">
        <ExerciseForm
          action={createExerciseAction}
          kinds={optionsOf(EXERCISE_KIND_LABELS)}
          scenarios={SCENARIO_LIBRARY.map((s) => ({
            key: s.key,
            title: s.title,
            description: s.description,
            attackTechniques: s.attackTechniques,
          }))}
          techniques={CONTAINER_TECHNIQUES.map((t) => ({ value: t.id, label: `${t.id} ${t.name}` }))}
          playbooks={playbooks.map((p) => ({ value: p.versionId, label: `${p.title} (v${p.number})` }))}
          participants={contacts.map((c) => ({ value: `contact:${c.id}`, label: c.team ? `${c.name} (${c.team})` : c.name }))}
          clusters={clusters.map((c) => ({ value: c.id, label: c.name }))}
        />
      </div>
    </>
  );
}
