"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { settle, type ActionState } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import { createExercise } from "@/lib/dal/exercises/exercises";
import { CreateExerciseInput, exerciseFormInput } from "@/lib/validation/exercises";

/** Records a planned exercise (with the plan revision in force) and opens it. */
export async function createExerciseAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  let createdId: string | null = null;
  const result = await settle("createExercise", async () => {
    const created = await createExercise(actor, CreateExerciseInput.parse(exerciseFormInput(formData)));
    createdId = created.id;
    return `Recorded "${created.title}".`;
  });
  if (!result.ok || !createdId) return result;
  revalidatePath("/exercises");
  // After the try/catch: redirect() throws to navigate.
  redirect(`/exercises/${createdId}`);
}
