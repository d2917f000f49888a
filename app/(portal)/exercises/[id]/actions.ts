"use server";

import { revalidatePath } from "next/cache";
import { settle, type ActionState } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import { changeActionItemStatus, createActionItem, updateActionItem } from "@/lib/dal/exercises/action-items";
import { addExerciseLogEntry, changeExerciseStatus, updateExercise } from "@/lib/dal/exercises/exercises";
import { createFinding, updateFinding } from "@/lib/dal/exercises/findings";
import { EXERCISE_STATUS_LABELS } from "@/lib/domain/exercises/labels";
import {
  AddExerciseLogEntryInput,
  ChangeActionItemStatusInput,
  ChangeExerciseStatusInput,
  CreateActionItemInput,
  CreateFindingInput,
  exerciseFormInput,
  UpdateActionItemInput,
  UpdateExerciseInput,
  UpdateFindingInput,
} from "@/lib/validation/exercises";

// Every action here is a public POST endpoint: it parses its form with zod, and the DAL checks
// `exercises.edit` and the record (at the version the form loaded) before changing it. The
// purple-team gate runs in the DAL, so calling the action directly is refused the same way.

function revalidatedOnSuccess(result: ActionState): ActionState {
  // The list shows findings and action items at a glance, so every change here refreshes it too.
  if (result?.ok) revalidatePath("/exercises", "layout");
  return result;
}

export async function updateExerciseAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const result = await settle("updateExercise", async () => {
    const exercise = await updateExercise(actor, UpdateExerciseInput.parse(exerciseFormInput(formData)));
    return `Saved "${exercise.title}".`;
  });
  return revalidatedOnSuccess(result);
}

export async function changeExerciseStatusAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const result = await settle("changeExerciseStatus", async () => {
    const { exercise, overridden } = await changeExerciseStatus(actor, ChangeExerciseStatusInput.parse(Object.fromEntries(formData)));
    const status = EXERCISE_STATUS_LABELS[exercise.status].toLowerCase();
    return overridden ? `The exercise is ${status}, with your override on the record.` : `The exercise is ${status}.`;
  });
  return revalidatedOnSuccess(result);
}

export async function addExerciseLogEntryAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const result = await settle("addExerciseLogEntry", async () => {
    await addExerciseLogEntry(actor, AddExerciseLogEntryInput.parse(Object.fromEntries(formData)));
    return "Added to the facilitator's log.";
  });
  return revalidatedOnSuccess(result);
}

export async function createFindingAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const result = await settle("createFinding", async () => {
    const finding = await createFinding(actor, CreateFindingInput.parse(Object.fromEntries(formData)));
    return `Recorded the finding "${finding.title}".`;
  });
  return revalidatedOnSuccess(result);
}

export async function updateFindingAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const result = await settle("updateFinding", async () => {
    const finding = await updateFinding(actor, UpdateFindingInput.parse(Object.fromEntries(formData)));
    return `Saved the finding "${finding.title}".`;
  });
  return revalidatedOnSuccess(result);
}

export async function createActionItemAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const result = await settle("createActionItem", async () => {
    const item = await createActionItem(actor, CreateActionItemInput.parse(Object.fromEntries(formData)));
    return `Added the action item "${item.title}".`;
  });
  return revalidatedOnSuccess(result);
}

export async function updateActionItemAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const result = await settle("updateActionItem", async () => {
    const item = await updateActionItem(actor, UpdateActionItemInput.parse(Object.fromEntries(formData)));
    return `Saved the action item "${item.title}".`;
  });
  return revalidatedOnSuccess(result);
}

export async function changeActionItemStatusAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const result = await settle("changeActionItemStatus", async () => {
    const item = await changeActionItemStatus(actor, ChangeActionItemStatusInput.parse(Object.fromEntries(formData)));
    return `"${item.title}" is ${item.status === "WONT_FIX" ? "closed as won't fix" : item.status.toLowerCase().replace("_", " ")}.`;
  });
  return revalidatedOnSuccess(result);
}
