import type { IncidentStatus, IncidentType, Severity, TimelineKind } from "@/lib/dto/enums";
import type { DossierEntry } from "@/lib/domain/container-dossier";
import type { AlertColumns } from "@/lib/domain/falco/normalize";
import type { TimelineItem } from "@/lib/domain/incident-timeline";
import type { OwnersByRole } from "@/lib/domain/owner-resolution";

/**
 * One row of an incident's alert table. Every text field was written inside the container and may
 * be megabytes long: the DAL cuts each to `ALERT_FIELD_CHARS` (the output to `ALERT_OUTPUT_CHARS`)
 * in SQL, so a page of alerts has a size bound; the alert's own page has the whole event.
 */
export type IncidentAlertRowDto = Pick<
  AlertColumns,
  | "eventTime"
  | "rule"
  | "priority"
  | "output"
  | "podName"
  | "containerName"
  | "processName"
  | "processCmdline"
  | "parentProcess"
  | "userName"
  | "fileName"
  | "connection"
> & {
  id: string;
  /** Characters in the full output, so the row can say it was cut. */
  outputLength: number;
};

/** Keyset page of alerts, newest first; a cursor is null when there is nothing that way. */
export type IncidentAlertPageDto = {
  alerts: IncidentAlertRowDto[];
  /** For the page of newer alerts (null on the first page). */
  newerCursor: string | null;
  /** For the page of older alerts. */
  olderCursor: string | null;
};

/** One alert with its raw event, for the alert's own page. */
export type IncidentAlertDetailDto = IncidentAlertRowDto & {
  incidentKey: string;
  receivedAt: Date;
  eventSource: string | null;
  tags: string[];
  cluster: string | null;
  namespace: string | null;
  workload: string | null;
  containerId: string | null;
  imageRepository: string | null;
  imageTag: string | null;
  imageDigest: string | null;
  nodeName: string | null;
  hostname: string | null;
  /** The event as received, pretty-printed JSON, cut at `RAW_EVENT_CHARS`. */
  raw: string;
  rawLength: number;
};

export type IncidentTimelineEntryDto = { id: string; kind: TimelineKind; at: Date; message: string; actor: string | null };

export type IncidentTimelineDto = {
  items: TimelineItem<IncidentTimelineEntryDto>[];
  /** True when older non-alert entries exist than the timeline shows. */
  olderEntriesHidden: boolean;
};

export type IncidentDossierDto = {
  workloads: DossierEntry[];
  containers: DossierEntry[];
  /** How many of the newest alerts the dossier was aggregated from. */
  fromAlerts: number;
  /** Groups in that window beyond the ones shown. */
  moreWorkloads: number;
  moreContainers: number;
  lifetimeMinutes: number;
};

/** An owner of an incident as the list, the incident page and the API show it. */
export type IncidentOwnerDto = {
  contactId: string;
  name: string;
  email: string;
  phone: string | null;
  team: string | null;
  active: boolean;
  inheritedFrom: string | null;
};
export type IncidentOwnersDto = OwnersByRole<IncidentOwnerDto>;

export type IncidentSummaryDto = {
  key: string;
  title: string;
  type: IncidentType;
  severity: Severity;
  status: IncidentStatus;
  cluster: string | null;
  namespace: string | null;
  workload: string | null;
  alertCount: number;
  lastAlertAt: Date | null;
  detectedAt: Date;
  owners: IncidentOwnersDto;
  commander: string | null;
};

export type IncidentTechniqueDto = { id: string; name: string; tactics: string[]; url: string | null };

/**
 * The incident itself, without its alerts: the page reads those a page at a time
 * (lib/dal/incident-alerts.ts), the timeline as summaries (incident-timeline.ts) and the dossier as
 * SQL aggregates (incident-dossier.ts), so this costs the same at 10 alerts and at 100,000.
 */
export type IncidentDetailDto = IncidentSummaryDto & {
  id: string;
  version: number;
  summary: string | null;
  firstAlertAt: Date | null;
  commander: string | null;
  commanderId: string | null;
  phaseTimes: {
    triagedAt: Date | null;
    containedAt: Date | null;
    eradicatedAt: Date | null;
    recoveredAt: Date | null;
    resolvedAt: Date | null;
  };
  suggestedPlaybook: string | null;
  techniques: IncidentTechniqueDto[];
  tactics: { id: string; name: string }[];
};
