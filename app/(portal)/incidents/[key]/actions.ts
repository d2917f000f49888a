"use server";

import { runAction, type ActionState } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import { addIncidentNote, assignCommander, transitionIncident } from "@/lib/dal/incident-response";
import { INCIDENT_STATUS_LABELS } from "@/lib/dto/labels";
import { AddIncidentNoteInput, AssignCommanderInput, TransitionIncidentInput } from "@/lib/validation/incidents";

/** The list and the incident's own page. */
const incidentPages = (key: string) => ["/incidents", `/incidents/${key}`];

export async function transitionIncidentAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("transitionIncident", async () => {
    const incident = await transitionIncident(actor, TransitionIncidentInput.parse(Object.fromEntries(formData)));
    return {
      message: `${incident.key} is now ${INCIDENT_STATUS_LABELS[incident.status].toLowerCase()}.`,
      revalidate: incidentPages(incident.key),
    };
  });
}

export async function assignCommanderAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("assignCommander", async () => {
    const incident = await assignCommander(actor, AssignCommanderInput.parse(Object.fromEntries(formData)));
    return {
      message: incident.commander ? `${incident.commander} is commanding ${incident.key}.` : `${incident.key} has no commander now.`,
      revalidate: incidentPages(incident.key),
    };
  });
}

export async function addIncidentNoteAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("addIncidentNote", async () => {
    const incident = await addIncidentNote(actor, AddIncidentNoteInput.parse(Object.fromEntries(formData)));
    return { message: `Note added to ${incident.key}.`, revalidate: incidentPages(incident.key) };
  });
}
