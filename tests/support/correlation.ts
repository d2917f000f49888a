import type { FalcoPriority, Severity } from "@/lib/generated/prisma/enums";
import type { CorrelatedAlert, CorrelationInput, CorrelationPlan, IncidentRef, OpenIncident } from "@/lib/domain/correlation/types";

// Builders for the correlation planner's unit and property tests (lib/domain/correlation/plan*.test.ts): an
// alert of prod-eu/payments/payments-api at 10:00 UTC plus `minute`, unless told otherwise.

export const T0 = Date.UTC(2024, 5, 1, 10, 0, 0);
export const NOW = new Date(Date.UTC(2024, 5, 1, 12, 0, 0));
export const at = (minute: number) => new Date(T0 + minute * 60_000);

export type AlertSpec = Partial<Omit<CorrelatedAlert, "eventTime">> & { minute?: number };

export function alert(id: string, spec: AlertSpec = {}): CorrelatedAlert {
  const { minute = 0, ...rest } = spec;
  return {
    id,
    eventTime: at(minute),
    rule: "Terminal shell in container",
    priority: "WARNING",
    tags: ["container", "mitre_execution", "T1609"],
    cluster: "prod-eu",
    namespace: "payments",
    workload: "payments-api",
    podName: "payments-api-7d9f8b6c5d-x2kqp",
    nodeName: "node-1",
    processCmdline: "sh -c id",
    security: true,
    ...rest,
  };
}

export type IncidentSpec = Partial<Omit<OpenIncident, "firstAlertMs" | "lastAlertMs">> & { first?: number; last?: number };

export function incident(id: string, spec: IncidentSpec = {}): OpenIncident {
  const { first = 0, last = first, ...rest } = spec;
  return {
    id,
    number: 1,
    severity: "SEV3" as Severity,
    attackTechniques: ["T1609"],
    attackTactics: ["execution"],
    firstAlertMs: at(first).getTime(),
    lastAlertMs: at(last).getTime(),
    correlationKey: "prod-eu/payments/payments-api",
    ...rest,
  };
}

export function input(spec: Partial<CorrelationInput>): CorrelationInput {
  return {
    alerts: [],
    incidents: [],
    unattached: [],
    minIncidentPriority: "WARNING" as FalcoPriority,
    windowMinutes: 10,
    now: NOW,
    ...spec,
  };
}

/** An incident of a plan as a test names it: the existing incident's id, or `new:` and the alert it opened from. */
export const label = (ref: IncidentRef | null) => (ref === null ? null : ref.kind === "existing" ? ref.id : `new:${ref.alertId}`);

/** Where the plan puts each alert: the flush's security alerts (null: none), and stored ones that an opening took along. */
export function placement(plan: CorrelationPlan, alerts: readonly CorrelatedAlert[]): Record<string, string | null> {
  const placed: Record<string, string | null> = {};
  for (const a of alerts) if (a.security) placed[a.id] = label(plan.incidentOf.get(a.id) ?? null);
  for (const o of plan.opens) for (const id of o.takenAlong) placed[id] = `new:${o.alert.id}`;
  return placed;
}
