import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { custodyState } from "@/lib/domain/evidence/custody";
import { incidentKey } from "@/lib/domain/incident-status";
import type { CustodyEventDto, EvidenceDto } from "@/lib/dto/evidence";

export const custodySelect = {
  id: true,
  action: true,
  at: true,
  note: true,
  fromParty: true,
  toParty: true,
  sha256: true,
  matched: true,
  actor: { select: { name: true } },
} satisfies Prisma.CustodyEventSelect;

export const evidenceSelect = {
  id: true,
  number: true,
  kind: true,
  description: true,
  containerId: true,
  podName: true,
  nodeName: true,
  imageDigest: true,
  storageKey: true,
  storageLocation: true,
  fileName: true,
  sha256: true,
  sizeBytes: true,
  collectedAt: true,
  createdAt: true,
  runStepId: true,
  incident: { select: { number: true } },
  collectedBy: { select: { name: true } },
  createdBy: { select: { name: true } },
  custodyEvents: { select: custodySelect, orderBy: [{ at: "asc" }, { id: "asc" }] },
} satisfies Prisma.EvidenceSelect;

type CustodyRow = Prisma.CustodyEventGetPayload<{ select: typeof custodySelect }>;
export type EvidenceRow = Prisma.EvidenceGetPayload<{ select: typeof evidenceSelect }>;

export function custodyDto(row: CustodyRow): CustodyEventDto {
  const { actor, ...rest } = row;
  return { ...rest, actor: actor.name };
}

export function evidenceDto(row: EvidenceRow): EvidenceDto {
  const custody = row.custodyEvents.map(custodyDto);
  return {
    id: row.id,
    number: row.number,
    incidentKey: incidentKey(row.incident.number),
    kind: row.kind,
    description: row.description,
    containerId: row.containerId,
    podName: row.podName,
    nodeName: row.nodeName,
    imageDigest: row.imageDigest,
    stored: row.storageKey !== null,
    storageLocation: row.storageLocation,
    fileName: row.fileName,
    sha256: row.sha256,
    sizeBytes: row.sizeBytes === null ? null : Number(row.sizeBytes),
    collectedBy: row.collectedBy.name,
    collectedAt: row.collectedAt,
    createdBy: row.createdBy.name,
    createdAt: row.createdAt,
    runStepId: row.runStepId,
    custody,
    state: custodyState(custody.map((c) => ({ ...c, actorName: c.actor }))),
  };
}
