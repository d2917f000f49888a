import type { Severity } from "@/lib/generated/prisma/enums";
import type { CorrelatedAlert } from "@/lib/domain/correlation/types";

// The words of the ALERT timeline entries correlation writes (plan.ts). Alert fields are hostile
// text; the timeline renders them as text, never as markup (docs/decisions/015).

/** At most this many alert ids and rules in one entry's data; the count is always whole. */
const JOINED_SAMPLE = 100;
const JOINED_RULES = 20;

function raised(head: string, raisedFrom: Severity | null, severity: Severity): string {
  return raisedFrom ? `${head} Severity raised from ${raisedFrom} to ${severity}.` : head;
}

export function alertMessage(alert: CorrelatedAlert, opened: boolean, raisedFrom: Severity | null, severity: Severity): string {
  const subject = alert.podName ?? alert.workload ?? (alert.nodeName ? `node ${alert.nodeName}` : "an unknown container");
  const where = [alert.cluster, alert.namespace].filter(Boolean).join("/");
  const head = opened
    ? `Opened from Falco alert "${alert.rule}" (${alert.priority}) on ${subject}${where ? ` in ${where}` : ""}.`
    : `Alert joined: "${alert.rule}" (${alert.priority}) on ${subject}${alert.processCmdline ? `: ${alert.processCmdline}` : ""}.`;
  return raised(head, raisedFrom, severity);
}

export function openedData(alert: CorrelatedAlert) {
  return { alertId: alert.id, rule: alert.rule, priority: alert.priority };
}

export function earlierMessage(alerts: readonly CorrelatedAlert[], raisedFrom: Severity | null, severity: Severity): string {
  const rules = [...new Set(alerts.map((a) => `"${a.rule}"`))];
  const shown = rules.length > 5 ? `${rules.slice(0, 5).join(", ")} and ${rules.length - 5} more rules` : rules.join(", ");
  const head = `Attached ${alerts.length} earlier alert${alerts.length === 1 ? "" : "s"} of this workload that were below the source's threshold: ${shown}.`;
  return raised(head, raisedFrom, severity);
}

export function earlierData(alerts: readonly CorrelatedAlert[]) {
  return { alertIds: alerts.slice(0, JOINED_SAMPLE).map((a) => a.id), count: alerts.length };
}

function ruleCounts(alerts: readonly CorrelatedAlert[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const a of alerts) counts.set(a.rule, (counts.get(a.rule) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/**
 * One entry for every alert of a flush that joined one incident. A single alert reads as
 * "Alert joined: …"; several are summarised with their count and rules, so an alert storm adds
 * a timeline entry per flush, not one per alert.
 */
export function joinedMessage(alerts: readonly CorrelatedAlert[], raisedFrom: Severity | null, severity: Severity): string {
  if (alerts.length === 1) return alertMessage(alerts[0]!, false, raisedFrom, severity);
  const rules = ruleCounts(alerts);
  const shown = rules.slice(0, 5).map(([rule, n]) => `"${rule}"${n > 1 ? ` ×${n}` : ""}`);
  const more = rules.length > 5 ? ` and ${rules.length - 5} more rules` : "";
  return raised(`${alerts.length} alerts joined: ${shown.join(", ")}${more}.`, raisedFrom, severity);
}

export function joinedData(alerts: readonly CorrelatedAlert[]) {
  if (alerts.length === 1) return { alertId: alerts[0]!.id, rule: alerts[0]!.rule, priority: alerts[0]!.priority, count: 1 };
  return {
    count: alerts.length,
    alertIds: alerts.slice(0, JOINED_SAMPLE).map((a) => a.id),
    rules: ruleCounts(alerts)
      .slice(0, JOINED_RULES)
      .map(([rule, count]) => ({ rule, count })),
    priorities: [...new Set(alerts.map((a) => a.priority))],
    first: alerts[0]!.eventTime.toISOString(),
    last: alerts[alerts.length - 1]!.eventTime.toISOString(),
  };
}
