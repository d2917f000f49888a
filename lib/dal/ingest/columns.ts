import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TimelineKind } from "@/lib/generated/prisma/enums";
import type { AlertColumns } from "@/lib/domain/falco/normalize";
import type { CorrelatedAlert, OpenIncident } from "@/lib/domain/correlation/types";
import { recordColumns, selectList, type RecordMap, type SelectMap } from "@/lib/server/db/columns";

// The one map of the columns that ingest's raw statements write and read (alert-statements.ts,
// incident-statements.ts): their column lists and record types are generated from it, and the
// compiler holds it to the record types on one side and to the models Prisma generates on the
// other. A field added to the normalised event (lib/domain/falco/normalize.ts AlertColumns), or a
// column added to the Alert model, fails to compile here until it is mapped; columns.test.ts checks
// the same against a normalised event and the generated field lists at run time.

/** An Alert row as the insert's JSON document carries it (times as ISO text); alert-rows.ts builds it. */
export type AlertInsertRow = Omit<AlertColumns, "eventTime" | "raw"> & {
  id: string;
  sourceId: string;
  dedupKey: string;
  receivedAt: string;
  eventTime: string;
  /** The raw event as stored (lib/domain/falco/raw-event.ts), in base64. */
  raw: string;
};

const ALERT_INSERT: RecordMap<AlertInsertRow, Prisma.AlertScalarFieldEnum> = {
  id: { record: "text" },
  sourceId: { record: "text" },
  dedupKey: { record: "text" },
  receivedAt: { record: "timestamp" },
  eventTime: { record: "timestamp" },
  rule: { record: "text" },
  priority: { record: "text", cast: '"FalcoPriority"' },
  eventSource: { record: "text" },
  output: { record: "text" },
  tags: { record: "text[]" },
  hostname: { record: "text" },
  cluster: { record: "text" },
  namespace: { record: "text" },
  podName: { record: "text" },
  workload: { record: "text" },
  containerId: { record: "text" },
  containerName: { record: "text" },
  imageRepository: { record: "text" },
  imageTag: { record: "text" },
  imageDigest: { record: "text" },
  nodeName: { record: "text" },
  processName: { record: "text" },
  processCmdline: { record: "text" },
  parentProcess: { record: "text" },
  userName: { record: "text" },
  fileName: { record: "text" },
  connection: { record: "text" },
  raw: { record: "bytea-base64" },
};

/** Alert columns the insert does not take from the row: the incident comes from its join (alert-statements.ts). */
export const ALERT_COLUMNS_NOT_FROM_ROW = ["incidentId"] as const;

// A column of the Alert model in neither list is a compile error here.
type UnmappedAlertColumn = Exclude<Prisma.AlertScalarFieldEnum, keyof AlertInsertRow | (typeof ALERT_COLUMNS_NOT_FROM_ROW)[number]>;
const everyAlertColumnMapped: [UnmappedAlertColumn] extends [never] ? true : UnmappedAlertColumn = true;
void everyAlertColumnMapped;

export const alertInsert = recordColumns(ALERT_INSERT);

/** What correlation reads of a stored alert; stored ones it reads are security alerts. */
const STORED_ALERT: SelectMap<Omit<CorrelatedAlert, "security">, Prisma.AlertScalarFieldEnum> = {
  id: { column: "id" },
  eventTime: { column: "eventTime" },
  rule: { column: "rule" },
  priority: { column: "priority", as: "text" },
  tags: { column: "tags" },
  cluster: { column: "cluster" },
  namespace: { column: "namespace" },
  workload: { column: "workload" },
  podName: { column: "podName" },
  nodeName: { column: "nodeName" },
  processCmdline: { column: "processCmdline" },
};

export const storedAlertSelect = selectList(STORED_ALERT);

/** An open incident as correlation reads it; times in epoch milliseconds, which read the same through either driver. */
const OPEN_INCIDENT: SelectMap<OpenIncident, Prisma.IncidentScalarFieldEnum> = {
  id: { column: "id" },
  number: { column: "number" },
  severity: { column: "severity", as: "text" },
  attackTechniques: { column: "attackTechniques" },
  attackTactics: { column: "attackTactics" },
  firstAlertMs: { column: "firstAlertAt", as: "epoch-ms" },
  lastAlertMs: { column: "lastAlertAt", as: "epoch-ms" },
  correlationKey: { column: "correlationKey" },
};

export const openIncidentSelect = selectList(OPEN_INCIDENT);

/**
 * An incident's totals after a flush, named after the columns they set; `alertCount` and `version`
 * are added to the stored values (incident-statements.ts), the rest replace them.
 */
export type IncidentTotalsRow = {
  id: string;
  alertCount: number;
  firstAlertAt: string;
  lastAlertAt: string;
  attackTechniques: string[];
  attackTactics: string[];
  severity: string;
  version: 0 | 1;
};

const INCIDENT_TOTALS: RecordMap<IncidentTotalsRow, Prisma.IncidentScalarFieldEnum> = {
  id: { record: "text" },
  alertCount: { record: "int" },
  firstAlertAt: { record: "timestamp" },
  lastAlertAt: { record: "timestamp" },
  attackTechniques: { record: "text[]" },
  attackTactics: { record: "text[]" },
  severity: { record: "text", cast: '"Severity"' },
  version: { record: "int" },
};

export const incidentTotals = recordColumns(INCIDENT_TOTALS);

/** A timeline entry as the flush inserts it. */
export type TimelineRow = {
  id: string;
  incidentId: string;
  kind: Extract<TimelineKind, "ALERT" | "OWNERS">;
  at: string;
  message: string;
  data: unknown;
};

const TIMELINE_INSERT: RecordMap<TimelineRow, Prisma.TimelineEntryScalarFieldEnum> = {
  id: { record: "text" },
  incidentId: { record: "text" },
  kind: { record: "text", cast: '"TimelineKind"' },
  at: { record: "timestamp" },
  message: { record: "text" },
  data: { record: "jsonb" },
};

export const timelineInsert = recordColumns(TIMELINE_INSERT);
