"use server";

import { runAction, type ActionState, type Revalidation } from "@/lib/action-result";
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

/** The library and every playbook page (a change shows on the playbook's page and in the list). */
const PLAYBOOK_PAGES: Revalidation[] = ["/playbooks", { path: "/playbooks/[id]", type: "page" }];

const formObject = (formData: FormData) => Object.fromEntries(formData);

export async function updatePlaybookDetailsAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("updatePlaybookDetails", async () => {
    const input = UpdatePlaybookDetailsInput.parse({ ...formObject(formData), attackTechniques: formData.getAll("attackTechniques") });
    const playbook = await updatePlaybookDetails(actor, input);
    return { message: `Saved the details of "${playbook.title}".`, revalidate: PLAYBOOK_PAGES };
  });
}

export async function retirePlaybookAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("retirePlaybook", async () => {
    const playbook = await retirePlaybook(actor, RetirePlaybookInput.parse(formObject(formData)));
    return {
      message: `"${playbook.title}" is retired: it gets no new drafts or runs; runs already going continue.`,
      revalidate: PLAYBOOK_PAGES,
      // The retire form leaves the page with the controls it sat in; the page says what happened.
      redirect: `/playbooks/${playbook.id}?done=retired`,
    };
  });
}

/** Opens the new draft after starting it: the manager came to edit it. */
export async function startPlaybookDraftAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("startPlaybookDraft", async () => {
    const input = StartPlaybookDraftInput.parse(formObject(formData));
    const draft = await startPlaybookDraft(actor, input);
    return {
      message: `Started draft version ${draft.number} with ${draft.stepCount} step${draft.stepCount === 1 ? "" : "s"} copied from the latest version.`,
      revalidate: PLAYBOOK_PAGES,
      redirect: `/playbooks/${input.playbookId}?version=${draft.number}`,
    };
  });
}

export async function addPlaybookStepAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("addPlaybookStep", async () => {
    const step = await addPlaybookStep(actor, AddPlaybookStepInput.parse(stepFormToInput(formObject(formData))));
    return { message: `Added "${step.title}".`, revalidate: PLAYBOOK_PAGES };
  });
}

export async function updatePlaybookStepAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("updatePlaybookStep", async () => {
    const step = await updatePlaybookStep(actor, UpdatePlaybookStepInput.parse(stepFormToInput(formObject(formData))));
    return { message: `Saved "${step.title}".`, revalidate: PLAYBOOK_PAGES };
  });
}

export async function movePlaybookStepAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("movePlaybookStep", async () => {
    const input = MovePlaybookStepInput.parse(formObject(formData));
    const step = await movePlaybookStep(actor, input);
    return { message: `Moved "${step.title}" ${input.direction}.`, revalidate: PLAYBOOK_PAGES };
  });
}

export async function removePlaybookStepAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("removePlaybookStep", async () => {
    const step = await removePlaybookStep(actor, RemovePlaybookStepInput.parse(formObject(formData)));
    return { message: `Removed "${step.title}".`, revalidate: PLAYBOOK_PAGES };
  });
}

export async function discardPlaybookDraftAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("discardPlaybookDraft", async () => {
    const draft = await discardPlaybookDraft(actor, DiscardPlaybookDraftInput.parse(formObject(formData)));
    return { message: `Discarded draft version ${draft.number}.`, revalidate: PLAYBOOK_PAGES };
  });
}

export async function publishPlaybookVersionAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("publishPlaybookVersion", async () => {
    const published = await publishPlaybookVersion(actor, PublishPlaybookVersionInput.parse(formObject(formData)));
    return {
      message: `Published version ${published.number} of "${published.title}". New runs use it; runs already going keep their version.`,
      revalidate: PLAYBOOK_PAGES,
      // The publish form leaves the page with the draft; the page says what happened.
      redirect: `/playbooks/${published.playbookId}?version=${published.number}&done=published`,
    };
  });
}
