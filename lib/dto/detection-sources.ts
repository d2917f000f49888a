import type { DetectionSourceKind, FalcoPriority } from "@/lib/generated/prisma/enums";

// Components take the enum types from here, not from the generated client.
export type { DetectionSourceKind, FalcoPriority };

/** Revoked is final (a new source replaces it); inactive is a source switched off outside this page. */
export type DetectionSourceStatus = "active" | "inactive" | "revoked";

/** A detection source as the /sources list shows it. Never carries the token or its hash. */
export type DetectionSourceDto = {
  id: string;
  name: string;
  kind: DetectionSourceKind;
  defaultCluster: string | null;
  minIncidentPriority: FalcoPriority;
  /** The token's first characters (`bh_xxxxx`), to tell tokens apart. */
  tokenPrefix: string;
  status: DetectionSourceStatus;
  lastSeenAt: Date | null;
  /** Kept by ingest: every alert this source has delivered. */
  alertCount: number;
  /** Alerts received from this source in the 24 hours before the list was read. */
  alertsLast24h: number;
  createdAt: Date;
  createdBy: string | null;
  revokedAt: Date | null;
  /** Who revoked it, from the audit trail (`source.revoke`). */
  revokedBy: string | null;
  version: number;
};

/**
 * A freshly issued token, returned once by create and rotate and never stored: the database keeps
 * only its sha256.
 */
export type IssuedSourceTokenDto = {
  sourceId: string;
  sourceName: string;
  kind: DetectionSourceKind;
  minIncidentPriority: FalcoPriority;
  token: string;
};

/** What a change returns: the source as it now stands, without the list's counts. */
export type DetectionSourceSummaryDto = Pick<
  DetectionSourceDto,
  "id" | "name" | "kind" | "defaultCluster" | "minIncidentPriority" | "tokenPrefix" | "status" | "revokedAt" | "version"
>;
