import "server-only";
import { db, type Tx } from "@/lib/db";
import { appendAuditEvent } from "@/lib/dal/audit";
import { authorize } from "@/lib/dal/authorize";
import { NotFoundError, ValidationError } from "@/lib/dal/errors";
import { appendLiveEvent } from "@/lib/dal/live-events";
import type { EvidenceKind } from "@/lib/dto/enums";
import type { EvidenceCreatedDto } from "@/lib/dto/evidence";
import { EVIDENCE_KIND_LABELS } from "@/lib/dto/labels";
import { incidentKey } from "@/lib/domain/incident-status";
import type { Actor } from "@/lib/domain/roles";
import type { StagedContent } from "@/lib/storage/evidence-store";
import { IncidentKeyInput } from "@/lib/validation/incidents";
import type { EvidenceUploadFieldsValue, ExternalEvidenceValue } from "@/lib/validation/evidence";

// Registering evidence: one row, its COLLECTED custody event, a timeline entry and the audit event,
// in one transaction. Evidence rows are never deleted or changed (the database refuses both).

/** Any fixed number: with the incident's hash, the advisory lock that numbers its evidence one at a time. */
const EVIDENCE_NUMBER_LOCK = 7_310_425;

export type IncidentRef = { id: string; key: string };

export async function findIncidentForEvidence(client: Tx, key: string): Promise<IncidentRef> {
  const number = IncidentKeyInput.safeParse(key);
  const row = number.success
    ? await client.incident.findUnique({ where: { number: number.data }, select: { id: true, number: true } })
    : null;
  if (!row) throw new NotFoundError(`Incident ${key} was not found.`);
  return { id: row.id, key: incidentKey(row.number) };
}

/** Before an upload's bytes are read: the actor may add evidence, and the incident exists. */
export async function beginEvidenceUpload(actor: Actor, key: string): Promise<IncidentRef> {
  await authorize(actor, "evidence.add", { type: "Incident" });
  return findIncidentForEvidence(db(), key);
}

type Origin = Pick<
  EvidenceUploadFieldsValue,
  "containerId" | "podName" | "nodeName" | "imageDigest" | "collectedAt" | "collectedById" | "runStepId"
>;

export type NewEvidence = Origin & {
  kind: EvidenceKind;
  description: string;
  sha256: string;
  sizeBytes: number | null;
  storageKey: string | null;
  storageLocation: string | null;
  fileName: string | null;
  /** The COLLECTED event's note: how the hash was obtained. */
  custodyNote: string;
};

async function checkOrigin(
  tx: Tx,
  actor: Actor,
  incident: IncidentRef,
  origin: Origin,
): Promise<{ collectorId: string; collectorName: string }> {
  if (origin.runStepId) {
    const step = await tx.runStep.findUnique({ where: { id: origin.runStepId }, select: { run: { select: { incidentId: true } } } });
    if (step?.run.incidentId !== incident.id) {
      throw new ValidationError("That run step is not part of a run of this incident.", {
        runStepId: ["Attach from a step of this incident's runs"],
      });
    }
  }
  if (!origin.collectedById || origin.collectedById === actor.id) return { collectorId: actor.id, collectorName: actor.name };
  const collector = await tx.user.findUnique({
    where: { id: origin.collectedById },
    select: { id: true, name: true, active: true, role: true },
  });
  if (!collector?.active || (collector.role !== "RESPONDER" && collector.role !== "IR_MANAGER")) {
    throw new ValidationError("Choose the responder or IR manager who collected it.", { collectedById: ["Choose a person from the list"] });
  }
  return { collectorId: collector.id, collectorName: collector.name };
}

/**
 * Inserts one item with its COLLECTED event, inside the caller's transaction, and returns it with
 * the earlier items of the incident that hold the same content. `beforeCommit` runs last, inside
 * the transaction: an upload keeps its bytes there, so a failure rolls the row back with it.
 */
export async function insertEvidence(
  tx: Tx,
  actor: Actor,
  incident: IncidentRef,
  item: NewEvidence,
  beforeCommit?: () => Promise<{ stored: boolean }>,
): Promise<EvidenceCreatedDto> {
  const { collectorId, collectorName } = await checkOrigin(tx, actor, incident, item);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${EVIDENCE_NUMBER_LOCK}::int, hashtext(${incident.id}))`;
  const [last, same] = await Promise.all([
    tx.evidence.findFirst({ where: { incidentId: incident.id }, orderBy: { number: "desc" }, select: { number: true } }),
    tx.evidence.findMany({ where: { incidentId: incident.id, sha256: item.sha256 }, select: { number: true }, orderBy: { number: "asc" } }),
  ]);
  const number = (last?.number ?? 0) + 1;
  const collectedAt = item.collectedAt ?? new Date();
  const evidence = await tx.evidence.create({
    data: {
      incidentId: incident.id,
      number,
      kind: item.kind,
      description: item.description,
      containerId: item.containerId,
      podName: item.podName,
      nodeName: item.nodeName,
      imageDigest: item.imageDigest,
      storageKey: item.storageKey,
      storageLocation: item.storageLocation,
      fileName: item.fileName,
      sha256: item.sha256,
      sizeBytes: item.sizeBytes === null ? null : BigInt(item.sizeBytes),
      collectedById: collectorId,
      collectedAt,
      runStepId: item.runStepId,
      createdById: actor.id,
      custodyEvents: {
        create: { action: "COLLECTED", actorId: collectorId, at: collectedAt, sha256: item.sha256, note: item.custodyNote },
      },
    },
    select: { id: true },
  });
  const where = item.podName ?? item.containerId ?? item.nodeName;
  await tx.timelineEntry.create({
    data: {
      incidentId: incident.id,
      kind: "EVIDENCE",
      actorId: actor.id,
      message: `E${number} registered: ${EVIDENCE_KIND_LABELS[item.kind]}${where ? ` from ${where}` : ""}, collected by ${collectorName}, sha256 ${item.sha256.slice(0, 12)}….`,
      data: { evidenceId: evidence.id, number },
    },
  });
  const after = {
    id: evidence.id,
    incident: incident.key,
    number,
    kind: item.kind,
    sha256: item.sha256,
    sizeBytes: item.sizeBytes,
    storageKey: item.storageKey,
    storageLocation: item.storageLocation,
    fileName: item.fileName,
    collectedById: collectorId,
    collectedAt,
    runStepId: item.runStepId,
  };
  await appendAuditEvent(tx, { actor, action: "evidence.register", targetType: "Evidence", targetId: evidence.id, after });
  await appendLiveEvent(tx, { topic: "incidents", kind: "incident.updated", entityId: incident.id, actorId: actor.id });
  const stored = beforeCommit ? await beforeCommit() : { stored: false };
  return {
    id: evidence.id,
    number,
    incidentKey: incident.key,
    kind: item.kind,
    sha256: item.sha256,
    size: item.sizeBytes ?? 0,
    fileName: item.fileName,
    storedNewContent: stored.stored,
    sameContentAs: same.map((s) => s.number),
  };
}

/**
 * Registers an uploaded file whose bytes are staged (hashed while they streamed in). The bytes are
 * kept under their hash as the transaction's last step; if the collector's own hash was given and
 * differs, nothing is kept.
 */
export async function recordUploadedEvidence(
  actor: Actor,
  incident: IncidentRef,
  fields: EvidenceUploadFieldsValue & { fileName: string | null },
  staged: StagedContent,
): Promise<EvidenceCreatedDto> {
  await authorize(actor, "evidence.add", { type: "Incident", id: incident.id });
  if (fields.sha256 && fields.sha256 !== staged.sha256) {
    throw new ValidationError(
      `The file received has sha256 ${staged.sha256}, not the ${fields.sha256} you computed: it changed on the way, or it is another file. Nothing was kept.`,
      { sha256: ["Does not match the file received"] },
    );
  }
  const { sha256: collectorHash, ...origin } = fields;
  return db().$transaction(
    (tx) =>
      insertEvidence(
        tx,
        actor,
        incident,
        {
          ...origin,
          sha256: staged.sha256,
          sizeBytes: staged.size,
          storageKey: staged.sha256,
          storageLocation: null,
          custodyNote: collectorHash
            ? "Uploaded; the sha256 computed while receiving matches the collector's."
            : "Uploaded; sha256 computed by Bulkhead while receiving.",
        },
        () => staged.commit(),
      ),
    { timeout: 60_000 },
  );
}

/** Registers evidence kept elsewhere (a registry by digest, an object store), with the hash its collector computed. */
export async function registerExternalEvidence(actor: Actor, input: ExternalEvidenceValue): Promise<EvidenceCreatedDto> {
  await authorize(actor, "evidence.add", { type: "Incident" });
  const { incidentKey: key, ...fields } = input;
  return db().$transaction(async (tx) => {
    const incident = await findIncidentForEvidence(tx, key);
    return insertEvidence(tx, actor, incident, {
      ...fields,
      storageKey: null,
      fileName: null,
      custodyNote: "Registered with the sha256 its collector computed; the bytes are kept at the location given.",
    });
  });
}
