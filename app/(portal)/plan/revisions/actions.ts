"use server";

import { revalidatePath } from "next/cache";
import { settle, type ActionState } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import { discardDraft, publishDraft, saveDraftSections, startDraft } from "@/lib/dal/plan-revisions";
import { sectionTitle } from "@/lib/domain/plan-text";
import { DiscardDraftInput, PublishDraftInput, SaveDraftInput } from "@/lib/validation/plan-revisions";

const REVISIONS_PATH = "/plan/revisions";

/** Takes no input: a draft always starts from the latest published revision. */
export async function startDraftAction(): Promise<ActionState> {
  const actor = await requireActor();
  const result = await settle("startDraft", async () => {
    await startDraft(actor);
    return "Draft started from the published plan. Edit the sections below and save; nothing changes for readers until you publish.";
  });
  if (result.ok) revalidatePath(REVISIONS_PATH);
  return result;
}

export async function saveDraftAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const result = await settle("saveDraftSections", async () => {
    const { changed } = await saveDraftSections(actor, SaveDraftInput.parse(Object.fromEntries(formData)));
    if (changed.length === 0) return "Nothing to save: the draft already has this text.";
    return `Draft saved (${changed.map(sectionTitle).join(", ")}).`;
  });
  if (result.ok) revalidatePath(REVISIONS_PATH);
  return result;
}

export async function publishDraftAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const result = await settle("publishDraft", async () => {
    const revision = await publishDraft(actor, PublishDraftInput.parse(Object.fromEntries(formData)));
    return `Revision ${revision.number} is published and now in force.`;
  });
  // The revision in force shows on the dashboard, the plan pages and the print copy.
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function discardDraftAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const result = await settle("discardDraft", async () => {
    await discardDraft(actor, DiscardDraftInput.parse(Object.fromEntries(formData)));
    return "Draft discarded. The published plan is unchanged.";
  });
  if (result.ok) revalidatePath(REVISIONS_PATH);
  return result;
}
