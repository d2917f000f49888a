import type { CustodyAction, EvidenceKind } from "@/lib/dto/enums";
import type { CustodyState } from "@/lib/domain/evidence/custody";

export type CustodyEventDto = {
  id: string;
  action: CustodyAction;
  at: Date;
  actor: string;
  note: string | null;
  fromParty: string | null;
  toParty: string | null;
  sha256: string | null;
  matched: boolean | null;
};

export type EvidenceDto = {
  id: string;
  /** 1, 2, … per incident; shown as E1, E2. */
  number: number;
  incidentKey: string;
  kind: EvidenceKind;
  description: string;
  containerId: string | null;
  podName: string | null;
  nodeName: string | null;
  imageDigest: string | null;
  /** An uploaded file Bulkhead holds (downloadable), or an external location it only names. */
  stored: boolean;
  storageLocation: string | null;
  fileName: string | null;
  sha256: string;
  sizeBytes: number | null;
  collectedBy: string;
  collectedAt: Date;
  createdBy: string;
  createdAt: Date;
  runStepId: string | null;
  custody: CustodyEventDto[];
  state: CustodyState;
};

/** What `POST /api/incidents/<key>/evidence` answers (201). */
export type EvidenceCreatedDto = {
  id: string;
  number: number;
  incidentKey: string;
  kind: EvidenceKind;
  sha256: string;
  size: number;
  fileName: string | null;
  /** False when these bytes were already in the store (another item holds the same content). */
  storedNewContent: boolean;
  /** Earlier items of this incident with the same content. */
  sameContentAs: number[];
};

export type VerificationDto = { id: string; number: number; matched: boolean; sha256: string | null; expected: string; message: string };
