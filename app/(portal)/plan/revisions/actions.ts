"use server";

import { runAction, type ActionState } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import { discardDraft, publishDraft, saveDraftSections, startDraft } from "@/lib/dal/plan-revisions";
import { sectionTitle } from "@/lib/domain/plan-text";
import { DiscardDraftInput, PublishDraftInput, SaveDraftInput } from "@/lib/validation/plan-revisions";

const REVISIONS_PATH = "/plan/revisions";

/** Takes no input: a draft always starts from the latest published revision. */
export async function startDraftAction(): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("startDraft", async () => {
    await startDraft(actor);
    return {
      message: "Draft started from the published plan. Edit the sections below and save; nothing changes for readers until you publish.",
      revalidate: [REVISIONS_PATH],
    };
  });
}

export async function saveDraftAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("saveDraftSections", async () => {
    const { changed } = await saveDraftSections(actor, SaveDraftInput.parse(Object.fromEntries(formData)));
    if (changed.length === 0) return { message: "Nothing to save: the draft already has this text." };
    return { message: `Draft saved (${changed.map(sectionTitle).join(", ")}).`, revalidate: [REVISIONS_PATH] };
  });
}

export async function publishDraftAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("publishDraft", async () => {
    const revision = await publishDraft(actor, PublishDraftInput.parse(Object.fromEntries(formData)));
    // The revision in force shows on the dashboard, the plan pages and the print copy.
    return { message: `Revision ${revision.number} is published and now in force.`, revalidate: [{ path: "/", type: "layout" }] };
  });
}

export async function discardDraftAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("discardDraft", async () => {
    await discardDraft(actor, DiscardDraftInput.parse(Object.fromEntries(formData)));
    return { message: "Draft discarded. The published plan is unchanged.", revalidate: [REVISIONS_PATH] };
  });
}
