"use server";

import { revalidatePath } from "next/cache";
import { settle, type ActionState } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import { createContact, markContactReviewed, setContactActive, updateContact } from "@/lib/dal/contacts";
import { CreateContactInput, MarkContactReviewedInput, SetContactActiveInput, UpdateContactInput } from "@/lib/validation/contacts";

// Contacts appear across the plan (owners, roles, escalation, readiness), so a change refreshes it all.
function revalidatedOnSuccess(result: ActionState): ActionState {
  if (result?.ok) revalidatePath("/plan", "layout");
  return result;
}

export async function createContactAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const result = await settle("createContact", async () => {
    const contact = await createContact(actor, CreateContactInput.parse(Object.fromEntries(formData)));
    return `Added ${contact.name}.`;
  });
  return revalidatedOnSuccess(result);
}

export async function updateContactAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const result = await settle("updateContact", async () => {
    const contact = await updateContact(actor, UpdateContactInput.parse(Object.fromEntries(formData)));
    return `Saved ${contact.name}.`;
  });
  return revalidatedOnSuccess(result);
}

export async function setContactActiveAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const result = await settle("setContactActive", async () => {
    const { contact, leftUncovered } = await setContactActive(actor, SetContactActiveInput.parse(Object.fromEntries(formData)));
    if (contact.active) return `${contact.name} is active again.`;
    if (leftUncovered.length === 0) return `${contact.name} is deactivated.`;
    return `${contact.name} is deactivated but the plan still names them as: ${leftUncovered.join("; ")}. Name a replacement — the readiness score shows the gap until then.`;
  });
  return revalidatedOnSuccess(result);
}

export async function markContactReviewedAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const result = await settle("markContactReviewed", async () => {
    const contact = await markContactReviewed(actor, MarkContactReviewedInput.parse(Object.fromEntries(formData)));
    return `${contact.name}'s details are marked reviewed.`;
  });
  return revalidatedOnSuccess(result);
}
