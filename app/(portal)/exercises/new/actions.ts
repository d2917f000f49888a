"use server";

import { runAction, type ActionState } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import { createExercise } from "@/lib/dal/exercises/exercises";
import { CreateExerciseInput, exerciseFormInput } from "@/lib/validation/exercises";

/** Records a planned exercise (with the plan revision in force) and opens it. */
export async function createExerciseAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("createExercise", async () => {
    const created = await createExercise(actor, CreateExerciseInput.parse(exerciseFormInput(formData)));
    return { message: `Recorded "${created.title}".`, revalidate: ["/exercises"], redirect: `/exercises/${created.id}` };
  });
}
