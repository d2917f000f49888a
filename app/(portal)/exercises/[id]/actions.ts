"use server";

import { runAction, type ActionState, type Revalidation } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import { changeActionItemStatus, createActionItem, updateActionItem } from "@/lib/dal/exercises/action-items";
import { addExerciseLogEntry, changeExerciseStatus, updateExercise } from "@/lib/dal/exercises/exercises";
import { createFinding, updateFinding } from "@/lib/dal/exercises/findings";
import { EXERCISE_STATUS_LABELS } from "@/lib/dto/labels";
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

// The list shows findings and action items at a glance, so every change here refreshes it too.
const EXERCISE_PAGES: Revalidation[] = [{ path: "/exercises", type: "layout" }];

export async function updateExerciseAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("updateExercise", async () => {
    const exercise = await updateExercise(actor, UpdateExerciseInput.parse(exerciseFormInput(formData)));
    return { message: `Saved "${exercise.title}".`, revalidate: EXERCISE_PAGES, redirect: `/exercises/${exercise.id}` };
  });
}

export async function changeExerciseStatusAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("changeExerciseStatus", async () => {
    const { exercise, overridden } = await changeExerciseStatus(actor, ChangeExerciseStatusInput.parse(Object.fromEntries(formData)));
    const status = EXERCISE_STATUS_LABELS[exercise.status].toLowerCase();
    return {
      message: overridden ? `The exercise is ${status}, with your override on the record.` : `The exercise is ${status}.`,
      revalidate: EXERCISE_PAGES,
    };
  });
}

export async function addExerciseLogEntryAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("addExerciseLogEntry", async () => {
    await addExerciseLogEntry(actor, AddExerciseLogEntryInput.parse(Object.fromEntries(formData)));
    return { message: "Added to the facilitator's log.", revalidate: EXERCISE_PAGES };
  });
}

export async function createFindingAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("createFinding", async () => {
    const finding = await createFinding(actor, CreateFindingInput.parse(Object.fromEntries(formData)));
    return { message: `Recorded the finding "${finding.title}".`, revalidate: EXERCISE_PAGES };
  });
}

export async function updateFindingAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("updateFinding", async () => {
    const finding = await updateFinding(actor, UpdateFindingInput.parse(Object.fromEntries(formData)));
    return { message: `Saved the finding "${finding.title}".`, revalidate: EXERCISE_PAGES };
  });
}

export async function createActionItemAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("createActionItem", async () => {
    const item = await createActionItem(actor, CreateActionItemInput.parse(Object.fromEntries(formData)));
    return { message: `Added the action item "${item.title}".`, revalidate: EXERCISE_PAGES };
  });
}

export async function updateActionItemAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("updateActionItem", async () => {
    const item = await updateActionItem(actor, UpdateActionItemInput.parse(Object.fromEntries(formData)));
    return { message: `Saved the action item "${item.title}".`, revalidate: EXERCISE_PAGES };
  });
}

export async function changeActionItemStatusAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("changeActionItemStatus", async () => {
    const item = await changeActionItemStatus(actor, ChangeActionItemStatusInput.parse(Object.fromEntries(formData)));
    return {
      message: `"${item.title}" is ${item.status === "WONT_FIX" ? "closed as won't fix" : item.status.toLowerCase().replace("_", " ")}.`,
      revalidate: EXERCISE_PAGES,
    };
  });
}
