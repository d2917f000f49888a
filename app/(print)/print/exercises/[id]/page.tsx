import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ExerciseDebrief } from "@/components/exercises/exercise-debrief";
import { PrintButton } from "@/components/ui/print-button";
import { requirePagePermission } from "@/lib/auth/page";
import { NotFoundError } from "@/lib/dal/errors";
import { getExerciseOrThrow } from "@/lib/dal/exercises/exercises";

export const metadata: Metadata = { title: "Exercise debrief (print)" };

type Props = { params: Promise<{ id: string }> };

/** An exercise's debrief on paper, for players who have no portal access. */
export default async function PrintExercisePage({ params }: Props) {
  const actor = await requirePagePermission("exercises.read");
  const { id } = await params;
  const exercise = await getExerciseOrThrow(actor, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <>
      <div className="mb-6 flex items-center justify-between gap-4 print:hidden">
        <Link href={`/exercises/${exercise.id}`} className="text-sm text-slate-600 underline">
          Back to the exercise
        </Link>
        <PrintButton />
      </div>
      <ExerciseDebrief exercise={exercise} printedAt={new Date()} />
    </>
  );
}
