import "server-only";
import type { Readable } from "node:stream";
import { db, type Tx } from "@/lib/db";
import { appendAuditEvent } from "@/lib/dal/audit";
import { authorize } from "@/lib/dal/authorize";
import { NotFoundError, ValidationError } from "@/lib/dal/errors";
import { custodyDto, custodySelect } from "@/lib/dal/evidence/selects";
import { findIncidentForEvidence } from "@/lib/dal/evidence/register";
import { appendLiveEvent } from "@/lib/dal/live-events";
import type { CustodyEventDto, VerificationDto } from "@/lib/dto/evidence";
import { CUSTODY_ACTION_LABELS } from "@/lib/dto/labels";
import { custodyRefusal, custodyState } from "@/lib/domain/evidence/custody";
import { incidentKey } from "@/lib/domain/incident-status";
import type { Actor } from "@/lib/domain/roles";
import { evidenceStore, sha256OfStream } from "@/lib/storage/evidence-store";
import type { CustodyEventValue } from "@/lib/validation/evidence";

// The chain of custody is appended to, never edited (PostgreSQL refuses UPDATE and DELETE on it).
// Every event is also an audit event, so the hash-chained audit log holds the same history.

/** Any fixed number: with the item's hash, the advisory lock that orders its manual custody events. */
const CUSTODY_LOCK = 7_310_426;

const itemSelect = {
  id: true,
  number: true,
  incidentId: true,
  sha256: true,
  storageKey: true,
  fileName: true,
  kind: true,
  sizeBytes: true,
  custodyEvents: { select: custodySelect, orderBy: [{ at: "asc" as const }, { id: "asc" as const }] },
};

async function loadItem(client: Tx, id: string) {
  const item = await client.evidence.findUnique({ where: { id }, select: itemSelect });
  if (!item) throw new NotFoundError("No such evidence.");
  return item;
}

type NewCustody = {
  action: CustodyEventDto["action"];
  note?: string | null;
  fromParty?: string | null;
  toParty?: string | null;
  sha256?: string | null;
  matched?: boolean | null;
};

/** Appends one custody event with its audit event; on the incident's timeline too when `timeline` says what happened. */
export async function appendCustodyEvent(
  tx: Tx,
  actor: Actor,
  item: { id: string; number: number; incidentId: string },
  event: NewCustody,
  timeline?: string,
): Promise<CustodyEventDto> {
  const row = await tx.custodyEvent.create({
    data: { evidenceId: item.id, actorId: actor.id, ...event },
    select: custodySelect,
  });
  await appendAuditEvent(tx, {
    actor,
    action: `evidence.${event.action.toLowerCase()}`,
    outcome: event.matched === false ? "FAILURE" : "SUCCESS",
    targetType: "Evidence",
    targetId: item.id,
    after: { custodyEventId: row.id, number: item.number, ...event },
  });
  if (timeline) {
    await tx.timelineEntry.create({
      data: {
        incidentId: item.incidentId,
        kind: "EVIDENCE",
        actorId: actor.id,
        message: timeline,
        data: { evidenceId: item.id, number: item.number },
      },
    });
    await appendLiveEvent(tx, { topic: "incidents", kind: "incident.updated", entityId: item.incidentId, actorId: actor.id });
  }
  return custodyDto(row);
}

/** A hand-over (from whom to whom), a release or a disposal, with its reason. */
export async function recordCustodyEvent(actor: Actor, input: CustodyEventValue): Promise<CustodyEventDto & { number: number }> {
  await authorize(actor, "evidence.custody", { type: "Evidence", id: input.evidenceId });
  return db().$transaction(async (tx) => {
    // Two hand-overs at once take turns, each seeing the holder the other left. An advisory lock, not
    // FOR UPDATE: the app's role has no UPDATE privilege on evidence, which row locks require.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CUSTODY_LOCK}::int, hashtext(${input.evidenceId}))`;
    const item = await loadItem(tx, input.evidenceId);
    const state = custodyState(item.custodyEvents.map((c) => ({ ...c, actorName: c.actor.name })));
    const refusal = custodyRefusal(state, input.action);
    if (refusal) throw new ValidationError(refusal);
    const fromParty = input.action === "TRANSFERRED" ? (input.fromParty ?? state.holder) : null;
    const what =
      input.action === "TRANSFERRED"
        ? `E${item.number} transferred from ${fromParty} to ${input.toParty}.`
        : `E${item.number} ${CUSTODY_ACTION_LABELS[input.action].toLowerCase()}: ${input.note}`;
    const event = await appendCustodyEvent(
      tx,
      actor,
      item,
      { action: input.action, note: input.note, fromParty, toParty: input.action === "TRANSFERRED" ? input.toParty : null },
      what,
    );
    return { ...event, number: item.number };
  });
}

/**
 * Re-hashes the stored bytes and records a VERIFIED event with what was found. A mismatch (or
 * bytes gone from the store) is kept as such: it is shown on the item from then on and written
 * to the audit log as a failure. External items cannot be re-hashed here: their bytes are elsewhere.
 */
export async function verifyEvidence(actor: Actor, evidenceId: string): Promise<VerificationDto> {
  await authorize(actor, "evidence.verify", { type: "Evidence", id: evidenceId });
  const item = await loadItem(db(), evidenceId);
  return verifyLoaded(actor, item);
}

async function verifyLoaded(actor: Actor, item: Awaited<ReturnType<typeof loadItem>>): Promise<VerificationDto> {
  if (!item.storageKey) {
    throw new ValidationError(`E${item.number} is kept outside Bulkhead: verify it where it is stored, and record the result as a note.`);
  }
  const content = await evidenceStore().open(item.storageKey);
  const observed = content ? await sha256OfStream(content.stream()) : null;
  const matched = observed?.sha256 === item.sha256;
  const message = !observed
    ? `E${item.number}: the stored file is missing.`
    : matched
      ? `E${item.number}: the stored bytes still hash to the registered sha256.`
      : `E${item.number}: MISMATCH — the stored bytes hash to ${observed.sha256}, not the registered ${item.sha256}.`;
  await db().$transaction((tx) =>
    appendCustodyEvent(
      tx,
      actor,
      item,
      { action: "VERIFIED", sha256: observed?.sha256 ?? null, matched, note: message },
      matched ? undefined : message,
    ),
  );
  return { id: item.id, number: item.number, matched, sha256: observed?.sha256 ?? null, expected: item.sha256, message };
}

/** Verifies every stored item of an incident; external ones are skipped (and counted). */
export async function verifyIncidentEvidence(actor: Actor, key: string): Promise<{ results: VerificationDto[]; external: number }> {
  await authorize(actor, "evidence.verify", { type: "Incident" });
  const incident = await findIncidentForEvidence(db(), key);
  const items = await db().evidence.findMany({ where: { incidentId: incident.id }, select: itemSelect, orderBy: { number: "asc" } });
  const results: VerificationDto[] = [];
  for (const item of items.filter((i) => i.storageKey)) results.push(await verifyLoaded(actor, item));
  return { results, external: items.length - results.length };
}

export type EvidenceDownload = {
  number: number;
  incidentKey: string;
  fileName: string | null;
  sha256: string;
  size: number;
  stream: () => Readable;
};

/** Opens an uploaded item's bytes for download, recording the access in its chain of custody first. */
export async function openEvidenceDownload(actor: Actor, evidenceId: string): Promise<EvidenceDownload> {
  await authorize(actor, "evidence.access", { type: "Evidence", id: evidenceId });
  const item = await db().evidence.findUnique({
    where: { id: evidenceId },
    select: {
      id: true,
      number: true,
      incidentId: true,
      storageKey: true,
      fileName: true,
      sha256: true,
      incident: { select: { number: true } },
    },
  });
  if (!item) throw new NotFoundError("No such evidence.");
  if (!item.storageKey) throw new NotFoundError(`E${item.number} is kept outside Bulkhead; its location is on the register.`);
  const content = await evidenceStore().open(item.storageKey);
  if (!content) throw new NotFoundError(`E${item.number}'s stored file is missing: verify it to record that.`);
  await db().$transaction((tx) => appendCustodyEvent(tx, actor, item, { action: "ACCESSED", note: "Downloaded." }));
  return {
    number: item.number,
    incidentKey: incidentKey(item.incident.number),
    fileName: item.fileName,
    sha256: item.sha256,
    size: content.size,
    stream: content.stream,
  };
}
