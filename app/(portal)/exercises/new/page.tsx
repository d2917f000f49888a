import type { Metadata } from "next";
import { ExerciseForm } from "@/components/exercises/exercise-form";
import { exerciseFormChoices } from "@/components/exercises/exercise-form-choices";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/page";
import { getExerciseFormOptions } from "@/lib/dal/exercises/form-options";
import { createExerciseAction } from "./actions";
import { BackLink } from "@/components/ui/back-link";

export const metadata: Metadata = { title: "New exercise" };

export default async function NewExercisePage() {
  // Only managers record exercises; everyone else gets the same 404 as for a page that does not exist.
  const actor = await requirePagePermission("exercises.edit");
  const options = await getExerciseFormOptions(actor);
  return (
    <>
      <BackLink href="/exercises">All exercises</BackLink>
      <PageHeader
        title="New exercise"
        description="Plan a tabletop (or, after a clean tabletop of the same scenario, a purple team). Findings and action items are recorded on the exercise once it is held."
      />
      <div className="max-w-4xl">
        <ExerciseForm action={createExerciseAction} choices={exerciseFormChoices(options)} />
      </div>
    </>
  );
}
