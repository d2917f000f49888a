import type { FalcoPriority, Severity } from "@/lib/generated/prisma/enums";

// The shapes the correlation planner (plan.ts) reads and returns. The ingest DAL fills the inputs
// from its statements and carries the plan out (lib/dal/ingest/); the planner itself does no I/O.

/** An alert as correlation sees it: a security alert of the flush, or an earlier one stored with no incident. */
export type CorrelatedAlert = {
  id: string;
  eventTime: Date;
  rule: string;
  priority: FalcoPriority;
  tags: string[];
  cluster: string | null;
  namespace: string | null;
  workload: string | null;
  podName: string | null;
  nodeName: string | null;
  processCmdline: string | null;
  /** False for Falco's operational events: they never open or join an incident. */
  security: boolean;
};

/** An open incident that alerts of the flush may join; times in epoch milliseconds. */
export type OpenIncident = {
  id: string;
  number: number;
  severity: Severity;
  attackTechniques: string[];
  attackTactics: string[];
  firstAlertMs: number;
  lastAlertMs: number;
  correlationKey: string;
};

export type CorrelationInput = {
  /** The alerts the flush inserted (duplicates are not here); operational events are ignored. */
  alerts: readonly CorrelatedAlert[];
  /** Alert id → the incident the insert placed it in; only alerts the plan places otherwise get a link. */
  insertedWith?: ReadonlyMap<string, string | null>;
  /** The open incidents of the flush's correlation keys around its alerts' times. */
  incidents: readonly OpenIncident[];
  /**
   * Earlier stored alerts with no incident, of the keys that open an incident (any superset:
   * the plan takes along only those of the opening key within the window of the opening alert).
   * Empty is right whenever nothing opens.
   */
  unattached: readonly CorrelatedAlert[];
  minIncidentPriority: FalcoPriority;
  windowMinutes: number;
  now: Date;
};

/** An incident that is open already. */
export type ExistingIncident = { kind: "existing"; id: string; number: number };
/** An incident of the plan: one that is open already, or the one the plan opens from the alert `alertId`. */
export type IncidentRef = ExistingIncident | { kind: "opened"; alertId: string };

export type PlannedOpening = {
  key: string;
  /** The alert at or above its source's threshold that opens the incident: type, title and owners come from it. */
  alert: CorrelatedAlert;
  /** Earlier alerts below the threshold (of the flush, then stored ones) that the incident takes along. */
  takenAlong: string[];
  /** When the executor writes the OWNERS entry (it resolves the owners from the plan of record). */
  ownersAt: Date;
};

/** An incident's totals after the flush; `added` alerts more than before. */
export type IncidentTotals = {
  incident: IncidentRef;
  added: number;
  first: Date;
  last: Date;
  techniques: string[];
  tactics: string[];
  severity: Severity;
  /** 1 when an existing incident's severity rose: people editing it from a stale form get a conflict (STYLE rule 6). */
  bump: 0 | 1;
};

export type PlannedTimelineRow = { incident: IncidentRef; kind: "ALERT"; at: Date; message: string; data: unknown };

export type CorrelationPlan = {
  /** In the order their opening alerts happened: the incidents get their numbers in that order. */
  opens: PlannedOpening[];
  /** Existing incidents that alerts joined, by number. */
  joined: ExistingIncident[];
  /** Alert id of the flush → the incident it joined or opened. */
  incidentOf: Map<string, IncidentRef>;
  /** Alert rows whose incident changes from what the insert gave them (null: none). */
  links: { alertId: string; incident: IncidentRef | null }[];
  totals: IncidentTotals[];
  timeline: PlannedTimelineRow[];
};
