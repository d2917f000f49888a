import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ExerciseForm } from "@/components/exercises/exercise-form";
import { exerciseFormChoices, exerciseFormValues } from "@/components/exercises/exercise-form-choices";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/page";
import { NotFoundError } from "@/lib/dal/errors";
import { getExerciseOrThrow } from "@/lib/dal/exercises/exercises";
import { getExerciseFormOptions } from "@/lib/dal/exercises/form-options";
import { updateExerciseAction } from "../actions";
import { BackLink } from "@/components/ui/back-link";

export const metadata: Metadata = { title: "Edit exercise" };

type Props = { params: Promise<{ id: string }> };

export default async function EditExercisePage({ params }: Props) {
  const actor = await requirePagePermission("exercises.edit");
  const { id } = await params;
  const [exercise, options] = await Promise.all([
    getExerciseOrThrow(actor, id).catch((error: unknown) => {
      if (error instanceof NotFoundError) notFound();
      throw error;
    }),
    getExerciseFormOptions(actor),
  ]);
  return (
    <>
      <BackLink href={`/exercises/${exercise.id}`}>{exercise.title}</BackLink>
      <PageHeader
        title="Edit exercise"
        description="Participants, playbooks and scope are replaced as a whole; a colleague's change since you opened this form is refused rather than overwritten."
      />
      <div className="max-w-4xl">
        <ExerciseForm
          action={updateExerciseAction}
          choices={exerciseFormChoices(options, exercise)}
          initial={exerciseFormValues(exercise)}
        />
      </div>
    </>
  );
}
