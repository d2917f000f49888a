import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { appendAuditEvent } from "@/lib/dal/audit";
import { appendLiveEvent } from "@/lib/dal/live-events";
import { authorize } from "@/lib/dal/authorize";
import { NotFoundError, ValidationError } from "@/lib/dal/errors";
import { assertOneRowUpdated, staleVersionConflict } from "@/lib/dal/versioning";
import { INCIDENT_STATUS_LABELS } from "@/lib/dto/labels";
import { checkTransition, incidentKey } from "@/lib/domain/incident-status";
import { PERMISSIONS, type Actor } from "@/lib/domain/roles";
import type { IncidentStatus } from "@/lib/generated/prisma/enums";
import { IncidentKeyInput } from "@/lib/validation/incidents";

// Responders' changes to an incident: status, commander, notes. Each writes its timeline entry and
// its audit event in the same transaction as the change.

const stateSelect = {
  id: true,
  number: true,
  status: true,
  version: true,
  commanderId: true,
  triagedAt: true,
  containedAt: true,
  eradicatedAt: true,
  recoveredAt: true,
  resolvedAt: true,
} satisfies Prisma.IncidentSelect;

type IncidentState = Prisma.IncidentGetPayload<{ select: typeof stateSelect }>;

async function loadByKey(tx: Tx, key: string): Promise<IncidentState> {
  const number = IncidentKeyInput.safeParse(key);
  const row = number.success ? await tx.incident.findUnique({ where: { number: number.data }, select: stateSelect }) : null;
  if (!row) throw new NotFoundError(`Incident ${key} was not found.`);
  return row;
}

/** Loads the incident for a versioned change, or explains who changed it since the page was loaded. */
async function loadForUpdate(tx: Tx, key: string, version: number): Promise<IncidentState> {
  const row = await loadByKey(tx, key);
  if (row.version !== version) throw await staleVersionConflict(tx, { type: "Incident", id: row.id, label: incidentKey(row.number) });
  return row;
}

async function update(tx: Tx, actor: Actor, before: IncidentState, data: Prisma.IncidentUncheckedUpdateManyInput): Promise<IncidentState> {
  // The version in the WHERE makes a racing writer miss instead of overwrite.
  const updated = await tx.incident.updateMany({
    where: { id: before.id, version: before.version },
    data: { ...data, updatedById: actor.id, version: { increment: 1 } },
  });
  assertOneRowUpdated(updated.count, incidentKey(before.number));
  return tx.incident.findUniqueOrThrow({ where: { id: before.id }, select: stateSelect });
}

export async function transitionIncident(
  actor: Actor,
  input: { key: string; version: number; to: IncidentStatus; note?: string },
): Promise<{ key: string; status: IncidentStatus }> {
  await authorize(actor, "incidents.act", { type: "Incident" });
  return db().$transaction(async (tx) => {
    const before = await loadForUpdate(tx, input.key, input.version);
    const check = checkTransition(before.status, input.to, input.note);
    if (!check.ok) throw new ValidationError(check.message, check.field ? { [check.field]: [check.message] } : undefined);
    const at = new Date();
    const after = await update(tx, actor, before, { status: input.to, [check.timeField]: at });
    const message = `${INCIDENT_STATUS_LABELS[before.status]} → ${INCIDENT_STATUS_LABELS[input.to]}${input.note ? `: ${input.note}` : ""}`;
    await tx.timelineEntry.create({
      data: { incidentId: before.id, kind: "STATUS_CHANGE", at, actorId: actor.id, message, data: { from: before.status, to: input.to } },
    });
    await appendAuditEvent(tx, { actor, action: "incident.transition", targetType: "Incident", targetId: before.id, before, after });
    await appendLiveEvent(tx, { topic: "incidents", kind: "incident.updated", entityId: before.id, actorId: actor.id });
    return { key: incidentKey(after.number), status: after.status };
  });
}

/** Who may command an incident: active users whose role may act on incidents. */
const COMMANDER_ROLES = [...PERMISSIONS["incidents.act"]];

export async function listCommanderCandidates(actor: Actor): Promise<{ id: string; name: string; email: string }[]> {
  await authorize(actor, "incidents.act", { type: "Incident" });
  return db().user.findMany({
    where: { active: true, role: { in: COMMANDER_ROLES } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, email: true },
  });
}

export async function assignCommander(
  actor: Actor,
  input: { key: string; version: number; commanderId: string | null },
): Promise<{ key: string; commander: string | null }> {
  await authorize(actor, "incidents.act", { type: "Incident" });
  return db().$transaction(async (tx) => {
    const before = await loadForUpdate(tx, input.key, input.version);
    if (before.status === "CLOSED") throw new ValidationError("This incident is closed; its commander is part of the record.");
    const commander = input.commanderId
      ? await tx.user.findFirst({
          where: { id: input.commanderId, active: true, role: { in: COMMANDER_ROLES } },
          select: { id: true, name: true },
        })
      : null;
    if (input.commanderId && !commander) {
      throw new ValidationError("Choose an active IR manager or responder as commander.", { commanderId: ["Not someone who can command"] });
    }
    if (before.commanderId === (commander?.id ?? null))
      throw new ValidationError("That is already the commander.", { commanderId: ["No change"] });
    const after = await update(tx, actor, before, { commanderId: commander?.id ?? null });
    await tx.timelineEntry.create({
      data: {
        incidentId: before.id,
        kind: "ASSIGNMENT",
        actorId: actor.id,
        message: commander ? `${commander.name} is incident commander.` : "Incident commander cleared.",
        data: { from: before.commanderId, to: commander?.id ?? null },
      },
    });
    await appendAuditEvent(tx, { actor, action: "incident.assign_commander", targetType: "Incident", targetId: before.id, before, after });
    await appendLiveEvent(tx, { topic: "incidents", kind: "incident.updated", entityId: before.id, actorId: actor.id });
    return { key: incidentKey(after.number), commander: commander?.name ?? null };
  });
}

/**
 * Notes are appended, never edited, so two people writing at once cannot overwrite each other:
 * unlike status and commander, a note needs no version and does not move the incident's version
 * (which would force everyone else on the page to reload for no conflict).
 */
export async function addIncidentNote(actor: Actor, input: { key: string; note: string }): Promise<{ key: string }> {
  await authorize(actor, "incidents.act", { type: "Incident" });
  return db().$transaction(async (tx) => {
    const incident = await loadByKey(tx, input.key);
    const entry = await tx.timelineEntry.create({
      data: { incidentId: incident.id, kind: "NOTE", actorId: actor.id, message: input.note },
      select: { id: true, message: true, at: true },
    });
    await appendAuditEvent(tx, { actor, action: "incident.add_note", targetType: "Incident", targetId: incident.id, after: entry });
    await appendLiveEvent(tx, { topic: "incidents", kind: "incident.updated", entityId: incident.id, actorId: actor.id });
    return { key: incidentKey(incident.number) };
  });
}
