"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { settle, type ActionState } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import {
  addPlaybookStep,
  discardPlaybookDraft,
  movePlaybookStep,
  publishPlaybookVersion,
  removePlaybookStep,
  startPlaybookDraft,
  updatePlaybookStep,
} from "@/lib/dal/playbook-drafts";
import { retirePlaybook, updatePlaybookDetails } from "@/lib/dal/playbooks";
import {
  AddPlaybookStepInput,
  DiscardPlaybookDraftInput,
  MovePlaybookStepInput,
  PublishPlaybookVersionInput,
  RemovePlaybookStepInput,
  RetirePlaybookInput,
  StartPlaybookDraftInput,
  stepFormToInput,
  UpdatePlaybookDetailsInput,
  UpdatePlaybookStepInput,
} from "@/lib/validation/playbooks";

// Every action here is a public POST endpoint: it parses its form with zod, and the DAL checks
// `playbooks.edit` and the record (a draft, at the version the form loaded) before changing it.

function revalidatedOnSuccess(result: ActionState, playbookId: unknown): ActionState {
  if (result?.ok) {
    revalidatePath("/playbooks");
    if (typeof playbookId === "string") revalidatePath(`/playbooks/${playbookId}`);
  }
  return result;
}

const formObject = (formData: FormData) => Object.fromEntries(formData);

export async function updatePlaybookDetailsAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const result = await settle("updatePlaybookDetails", async () => {
    const input = UpdatePlaybookDetailsInput.parse({ ...formObject(formData), attackTechniques: formData.getAll("attackTechniques") });
    const playbook = await updatePlaybookDetails(actor, input);
    return `Saved the details of "${playbook.title}".`;
  });
  return revalidatedOnSuccess(result, formData.get("id"));
}

export async function retirePlaybookAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  let opened: string | null = null;
  const result = await settle("retirePlaybook", async () => {
    const playbook = await retirePlaybook(actor, RetirePlaybookInput.parse(formObject(formData)));
    opened = `/playbooks/${playbook.id}?done=retired`;
    return `"${playbook.title}" is retired: it gets no new drafts or runs; runs already going continue.`;
  });
  revalidatedOnSuccess(result, formData.get("id"));
  if (!result.ok || !opened) return result;
  // The retire form leaves the page with the controls it sat in; the page says what happened.
  redirect(opened);
}

/** Opens the new draft after starting it: the manager came to edit it. */
export async function startPlaybookDraftAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  let opened: string | null = null;
  const result = await settle("startPlaybookDraft", async () => {
    const input = StartPlaybookDraftInput.parse(formObject(formData));
    const draft = await startPlaybookDraft(actor, input);
    opened = `/playbooks/${input.playbookId}?version=${draft.number}`;
    return `Started draft version ${draft.number} with ${draft.stepCount} step${draft.stepCount === 1 ? "" : "s"} copied from the latest version.`;
  });
  revalidatedOnSuccess(result, formData.get("playbookId"));
  if (!result.ok || !opened) return result;
  // After the try/catch: redirect() throws to navigate.
  redirect(opened);
}

export async function addPlaybookStepAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const result = await settle("addPlaybookStep", async () => {
    const step = await addPlaybookStep(actor, AddPlaybookStepInput.parse(stepFormToInput(formObject(formData))));
    return `Added "${step.title}".`;
  });
  return revalidatedOnSuccess(result, formData.get("playbookId"));
}

export async function updatePlaybookStepAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const result = await settle("updatePlaybookStep", async () => {
    const step = await updatePlaybookStep(actor, UpdatePlaybookStepInput.parse(stepFormToInput(formObject(formData))));
    return `Saved "${step.title}".`;
  });
  return revalidatedOnSuccess(result, formData.get("playbookId"));
}

export async function movePlaybookStepAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const result = await settle("movePlaybookStep", async () => {
    const input = MovePlaybookStepInput.parse(formObject(formData));
    const step = await movePlaybookStep(actor, input);
    return `Moved "${step.title}" ${input.direction}.`;
  });
  return revalidatedOnSuccess(result, formData.get("playbookId"));
}

export async function removePlaybookStepAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const result = await settle("removePlaybookStep", async () => {
    const step = await removePlaybookStep(actor, RemovePlaybookStepInput.parse(formObject(formData)));
    return `Removed "${step.title}".`;
  });
  return revalidatedOnSuccess(result, formData.get("playbookId"));
}

export async function discardPlaybookDraftAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const result = await settle("discardPlaybookDraft", async () => {
    const draft = await discardPlaybookDraft(actor, DiscardPlaybookDraftInput.parse(formObject(formData)));
    return `Discarded draft version ${draft.number}.`;
  });
  return revalidatedOnSuccess(result, formData.get("playbookId"));
}

export async function publishPlaybookVersionAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  let opened: string | null = null;
  const result = await settle("publishPlaybookVersion", async () => {
    const published = await publishPlaybookVersion(actor, PublishPlaybookVersionInput.parse(formObject(formData)));
    opened = `/playbooks/${published.playbookId}?version=${published.number}&done=published`;
    return `Published version ${published.number} of "${published.title}". New runs use it; runs already going keep their version.`;
  });
  revalidatedOnSuccess(result, formData.get("playbookId"));
  if (!result.ok || !opened) return result;
  // The publish form leaves the page with the draft; the page says what happened.
  redirect(opened);
}
