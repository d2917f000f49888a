"use server";

import { revalidatePath } from "next/cache";
import { settle, type ActionState } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import { addIncidentNote, assignCommander, transitionIncident } from "@/lib/dal/incident-response";
import { INCIDENT_STATUS_LABELS } from "@/lib/dto/labels";
import { AddIncidentNoteInput, AssignCommanderInput, TransitionIncidentInput } from "@/lib/validation/incidents";

function revalidatedOnSuccess(result: ActionState, key: unknown): ActionState {
  if (result?.ok) {
    revalidatePath("/incidents");
    if (typeof key === "string") revalidatePath(`/incidents/${key}`);
  }
  return result;
}

export async function transitionIncidentAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const result = await settle("transitionIncident", async () => {
    const incident = await transitionIncident(actor, TransitionIncidentInput.parse(Object.fromEntries(formData)));
    return `${incident.key} is now ${INCIDENT_STATUS_LABELS[incident.status].toLowerCase()}.`;
  });
  return revalidatedOnSuccess(result, formData.get("key"));
}

export async function assignCommanderAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const result = await settle("assignCommander", async () => {
    const incident = await assignCommander(actor, AssignCommanderInput.parse(Object.fromEntries(formData)));
    return incident.commander ? `${incident.commander} is commanding ${incident.key}.` : `${incident.key} has no commander now.`;
  });
  return revalidatedOnSuccess(result, formData.get("key"));
}

export async function addIncidentNoteAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const result = await settle("addIncidentNote", async () => {
    const incident = await addIncidentNote(actor, AddIncidentNoteInput.parse(Object.fromEntries(formData)));
    return `Note added to ${incident.key}.`;
  });
  return revalidatedOnSuccess(result, formData.get("key"));
}
