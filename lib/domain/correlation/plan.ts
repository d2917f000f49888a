import type { Severity } from "@/lib/generated/prisma/enums";
import { attackFromTags, priorityAtLeast, severityForPriority, tacticsInMatrixOrder, worseSeverity } from "@/lib/domain/falco/classify";
import { correlationKeyOf } from "@/lib/domain/correlation/key";
import {
  alertMessage,
  earlierData,
  earlierMessage,
  joinedData,
  joinedMessage,
  openedData,
} from "@/lib/domain/correlation/timeline-messages";
import type {
  CorrelatedAlert,
  CorrelationInput,
  CorrelationPlan,
  IncidentRef,
  OpenIncident,
  PlannedOpening,
  PlannedTimelineRow,
} from "@/lib/domain/correlation/types";

// Correlation of a flush's alerts into incidents (docs/decisions/006, 017), as a plan the ingest
// DAL carries out. The rules, per correlation key (correlationKeyOf):
// - join: an alert joins an open incident of its key whose [first − window, last + window] holds
//   its time — the one the previous alert of its key went to while that holds it, else one this
//   flush already touched (its times are ahead of the database's), else the latest;
// - threshold: with none to join, an alert at or above the source's minimum priority opens one;
//   below it, it stays unattached;
// - take-along: an incident that opens takes the unattached alerts of its key within the window of
//   its opening alert, those of the flush first, then stored ones (below the threshold earlier);
// - folding: an incident's severity is the worst of its alerts', its ATT&CK techniques and
//   tactics the union of theirs, its first/last alert times their bounds.
// Alerts are taken in time order (ties by id) and keys in key order, and incidents open in the
// order of their opening alerts, so the plan does not depend on the order the alerts arrived in.

type State = {
  ref: IncidentRef;
  isNew: boolean;
  loadedSeverity: Severity;
  severity: Severity;
  techniques: Set<string>;
  tactics: Set<string>;
  first: number;
  last: number;
  alertIds: string[];
};

const refKey = (ref: IncidentRef) => (ref.kind === "existing" ? `e:${ref.id}` : `o:${ref.alertId}`);
const byTime = (a: CorrelatedAlert, b: CorrelatedAlert) =>
  a.eventTime.getTime() - b.eventTime.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function within(state: State, at: Date, windowMs: number): boolean {
  return at.getTime() >= state.first - windowMs && at.getTime() <= state.last + windowMs;
}

/** Folds an alert into the incident's totals. */
function fold(state: State, alert: CorrelatedAlert): void {
  state.severity = worseSeverity(state.severity, severityForPriority(alert.priority));
  const attack = attackFromTags(alert.tags);
  for (const t of attack.techniques) state.techniques.add(t);
  for (const t of attack.tactics) state.tactics.add(t);
  state.first = Math.min(state.first, alert.eventTime.getTime());
  state.last = Math.max(state.last, alert.eventTime.getTime());
  state.alertIds.push(alert.id);
}

function existingState(row: OpenIncident): State {
  return {
    ref: { kind: "existing", id: row.id, number: row.number },
    isNew: false,
    loadedSeverity: row.severity,
    severity: row.severity,
    techniques: new Set(row.attackTechniques),
    tactics: new Set(row.attackTactics),
    first: row.firstAlertMs,
    last: row.lastAlertMs,
    alertIds: [],
  };
}

function openedState(alert: CorrelatedAlert): State {
  const severity = severityForPriority(alert.priority);
  const t = alert.eventTime.getTime();
  return {
    ref: { kind: "opened", alertId: alert.id },
    isNew: true,
    loadedSeverity: severity,
    severity,
    techniques: new Set(),
    tactics: new Set(),
    first: t,
    last: t,
    alertIds: [],
  };
}

function groupByKey(alerts: readonly CorrelatedAlert[], skip: ReadonlySet<string> = new Set()): Map<string, CorrelatedAlert[]> {
  const groups = new Map<string, CorrelatedAlert[]>();
  const seen = new Set<string>();
  for (const alert of alerts) {
    if (!alert.security || skip.has(alert.id) || seen.has(alert.id)) continue;
    seen.add(alert.id);
    const key = correlationKeyOf(alert);
    const group = groups.get(key);
    if (group) group.push(alert);
    else groups.set(key, [alert]);
  }
  for (const group of groups.values()) group.sort(byTime);
  return groups;
}

/** The plan for one flush: pure, and the same whatever order its inputs come in. */
export function planCorrelation(input: CorrelationInput): CorrelationPlan {
  const windowMs = input.windowMinutes * 60_000;
  const at = (offsetMs: number) => new Date(input.now.getTime() + offsetMs);
  const groups = groupByKey(input.alerts);
  const flushIds = new Set(input.alerts.map((a) => a.id));
  const storedByKey = groupByKey(input.unattached, flushIds);
  const statesByKey = new Map<string, State[]>();
  const latestFirst = [...input.incidents].sort((a, b) => b.lastAlertMs - a.lastAlertMs || b.number - a.number);
  for (const row of latestFirst) statesByKey.set(row.correlationKey, [...(statesByKey.get(row.correlationKey) ?? []), existingState(row)]);

  const touched = new Map<string, State>();
  /** Alerts that joined an incident, per incident: one timeline entry each per flush, not one per alert. */
  const joins = new Map<string, { state: State; alerts: CorrelatedAlert[]; severityBefore: Severity }>();
  const opens: PlannedOpening[] = [];
  const timeline: PlannedTimelineRow[] = [];
  const followUps: PlannedTimelineRow[] = [];
  const incidentOf = new Map<string, IncidentRef>();

  for (const key of [...groups.keys()].sort()) {
    const states = statesByKey.get(key) ?? [];
    let stored = storedByKey.get(key) ?? [];
    // Below the threshold with nothing to join yet: taken along if an incident opens later in the flush.
    let unattached: CorrelatedAlert[] = [];
    let current: State | null = null;
    for (const alert of groups.get(key)!) {
      if (!current || !within(current, alert.eventTime, windowMs)) {
        current =
          states.find((s) => touched.has(refKey(s.ref)) && within(s, alert.eventTime, windowMs)) ??
          states.find((s) => within(s, alert.eventTime, windowMs)) ??
          null;
      }
      if (current) {
        const joining = joins.get(refKey(current.ref)) ?? { state: current, alerts: [], severityBefore: current.severity };
        joins.set(refKey(current.ref), joining);
        fold(current, alert);
        joining.alerts.push(alert);
        touched.set(refKey(current.ref), current);
        incidentOf.set(alert.id, current.ref);
        continue;
      }
      if (!priorityAtLeast(alert.priority, input.minIncidentPriority)) {
        unattached.push(alert);
        continue;
      }
      const state = openedState(alert);
      states.push(state);
      current = state;
      fold(state, alert);
      touched.set(refKey(state.ref), state);
      incidentOf.set(alert.id, state.ref);
      timeline.push({
        incident: state.ref,
        kind: "ALERT",
        at: at(0),
        message: alertMessage(alert, true, null, state.severity),
        data: openedData(alert),
      });

      // The window of the opening alert alone (the state holds only it yet).
      const earlier = [...unattached, ...stored].filter((a) => within(state, a.eventTime, windowMs));
      unattached = unattached.filter((a) => !earlier.includes(a));
      stored = stored.filter((a) => !earlier.includes(a));
      // The OWNERS entry (the executor's) just after the ALERT entry that opened the incident.
      opens.push({ key, alert, takenAlong: earlier.map((a) => a.id), ownersAt: at(1) });
      if (earlier.length === 0) continue;
      const before = state.severity;
      for (const a of earlier) {
        fold(state, a);
        if (flushIds.has(a.id)) incidentOf.set(a.id, state.ref);
      }
      // After the OWNERS entry: the timeline reads opened, owners, then what came before.
      followUps.push({
        incident: state.ref,
        kind: "ALERT",
        at: at(2),
        message: earlierMessage(earlier, before !== state.severity ? before : null, state.severity),
        data: earlierData(earlier),
      });
    }
  }
  for (const { state, alerts, severityBefore } of joins.values()) {
    const raisedFrom = severityBefore !== state.severity ? severityBefore : null;
    // After what opening the incident wrote, when it opened in this flush.
    timeline.push({
      incident: state.ref,
      kind: "ALERT",
      at: at(state.isNew ? 3 : 0),
      message: joinedMessage(alerts, raisedFrom, state.severity),
      data: joinedData(alerts),
    });
  }
  const states = [...touched.values()];
  return {
    opens: opens.sort((a, b) => byTime(a.alert, b.alert)),
    joined: states
      .map((s) => s.ref)
      .filter((ref) => ref.kind === "existing")
      .sort((a, b) => a.number - b.number),
    incidentOf,
    links: linksOf(states, input.insertedWith),
    totals: states.map((s) => ({
      incident: s.ref,
      added: s.alertIds.length,
      first: new Date(s.first),
      last: new Date(s.last),
      techniques: [...s.techniques].sort(),
      tactics: tacticsInMatrixOrder([...s.tactics]),
      severity: s.severity,
      bump: s.severity !== s.loadedSeverity && !s.isNew ? 1 : 0,
    })),
    timeline: [...timeline, ...followUps],
  };
}

/**
 * Alerts went in with the incident the insert found for them (`insertedWith`); only those the
 * plan places elsewhere — in an incident it opens, or none — are written again.
 */
function linksOf(states: State[], insertedWith?: ReadonlyMap<string, string | null>): CorrelationPlan["links"] {
  const placed = new Map<string, IncidentRef>();
  for (const s of states) for (const id of s.alertIds) placed.set(id, s.ref);
  const links: CorrelationPlan["links"] = [];
  for (const [alertId, incident] of placed) {
    const was = insertedWith?.get(alertId) ?? null;
    if (incident.kind === "opened" || was !== incident.id) links.push({ alertId, incident });
  }
  for (const [alertId, incident] of insertedWith ?? [])
    if (incident !== null && !placed.has(alertId)) links.push({ alertId, incident: null });
  return links.sort((a, b) => (a.alertId < b.alertId ? -1 : a.alertId > b.alertId ? 1 : 0));
}
