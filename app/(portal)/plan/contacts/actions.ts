"use server";

import { runAction, type ActionState, type Revalidation } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import { createContact, markContactReviewed, setContactActive, updateContact } from "@/lib/dal/contacts";
import { CreateContactInput, MarkContactReviewedInput, SetContactActiveInput, UpdateContactInput } from "@/lib/validation/contacts";

// Contacts appear across the plan (owners, roles, escalation, readiness), so a change refreshes it all.
const PLAN_PAGES: Revalidation[] = [{ path: "/plan", type: "layout" }];

export async function createContactAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("createContact", async () => {
    const contact = await createContact(actor, CreateContactInput.parse(Object.fromEntries(formData)));
    return { message: `Added ${contact.name}.`, revalidate: PLAN_PAGES };
  });
}

export async function updateContactAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("updateContact", async () => {
    const contact = await updateContact(actor, UpdateContactInput.parse(Object.fromEntries(formData)));
    return { message: `Saved ${contact.name}.`, revalidate: PLAN_PAGES };
  });
}

export async function setContactActiveAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("setContactActive", async () => {
    const { contact, leftUncovered } = await setContactActive(actor, SetContactActiveInput.parse(Object.fromEntries(formData)));
    if (contact.active) return { message: `${contact.name} is active again.`, revalidate: PLAN_PAGES };
    if (leftUncovered.length === 0) return { message: `${contact.name} is deactivated.`, revalidate: PLAN_PAGES };
    return {
      message: `${contact.name} is deactivated but the plan still names them as: ${leftUncovered.join("; ")}. Name a replacement — the readiness score shows the gap until then.`,
      revalidate: PLAN_PAGES,
    };
  });
}

export async function markContactReviewedAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("markContactReviewed", async () => {
    const contact = await markContactReviewed(actor, MarkContactReviewedInput.parse(Object.fromEntries(formData)));
    return { message: `${contact.name}'s details are marked reviewed.`, revalidate: PLAN_PAGES };
  });
}
