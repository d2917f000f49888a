import "server-only";
import { createHash } from "node:crypto";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { FalcoPriority, IncidentType, OwnershipRole, Severity } from "@/lib/generated/prisma/enums";
import { clusterTreeSelect, toClusterScopes } from "@/lib/dal/platform-scopes";
import {
  attackFromTags,
  correlationKey,
  incidentTitle,
  incidentTypeFor,
  priorityAtLeast,
  severityForPriority,
  tacticsInMatrixOrder,
  worseSeverity,
} from "@/lib/domain/falco/classify";
import { incidentKey } from "@/lib/domain/incident-status";
import { resolveOwners, type ScopeRef } from "@/lib/domain/owner-resolution";

// Correlation of freshly inserted alerts into incidents, inside the ingest transaction
// (lib/dal/ingest.ts). Alerts of one cluster/namespace/workload within the window join one open
// incident; otherwise an alert at or above the source's threshold opens one.

/**
 * Two-key advisory locks (class, id) are a key space of their own: the audit chain and the seed use
 * one-key locks. The id is computed here rather than with PostgreSQL's hashtext so that batches can
 * take their locks in ascending id order — the same order everywhere, so never a deadlock, even
 * when two correlation keys share an id (then they merely wait for each other).
 */
const CORRELATION_LOCK_CLASS = 7_310_600;

function lockId(key: string): number {
  return createHash("sha256").update(key).digest().readInt32BE(0);
}

export type InsertedAlert = {
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

export type CorrelationOptions = { minIncidentPriority: FalcoPriority; windowMinutes: number; now: Date };

type IncidentState = {
  id: string;
  key: string;
  number: number;
  isNew: boolean;
  loadedSeverity: Severity;
  severity: Severity;
  techniques: Set<string>;
  tactics: Set<string>;
  firstAlertAt: Date;
  lastAlertAt: Date;
  alertIds: string[];
};

type BatchCache = {
  clusters: Map<string, Prisma.ClusterGetPayload<{ select: typeof clusterTreeSelect }> | null>;
  playbooks: Map<IncidentType, string | null>;
  planRevisionId?: string | null;
};

const minutes = (n: number) => n * 60_000;

function within(state: IncidentState, at: Date, windowMs: number): boolean {
  return at.getTime() >= state.firstAlertAt.getTime() - windowMs && at.getTime() <= state.lastAlertAt.getTime() + windowMs;
}

/** The open incident for this key around `at`, row-locked so that a concurrent close waits for this batch. */
async function findOpenIncident(tx: Tx, key: string, at: Date, windowMs: number): Promise<IncidentState | null> {
  const rows = await tx.$queryRaw<{ id: string; number: number; severity: Severity; attackTechniques: string[]; attackTactics: string[]; firstAlertAt: Date | null; lastAlertAt: Date | null }[]>`
    SELECT id, number, severity::text AS severity, "attackTechniques", "attackTactics", "firstAlertAt", "lastAlertAt"
    FROM "Incident"
    WHERE "correlationKey" = ${key} AND status <> 'CLOSED'
      AND "lastAlertAt" >= ${new Date(at.getTime() - windowMs)} AND "firstAlertAt" <= ${new Date(at.getTime() + windowMs)}
    ORDER BY "lastAlertAt" DESC
    LIMIT 1
    FOR UPDATE`;
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    key,
    number: row.number,
    isNew: false,
    loadedSeverity: row.severity,
    severity: row.severity,
    techniques: new Set(row.attackTechniques),
    tactics: new Set(row.attackTactics),
    firstAlertAt: row.firstAlertAt ?? at,
    lastAlertAt: row.lastAlertAt ?? at,
    alertIds: [],
  };
}

async function clusterTree(tx: Tx, cache: BatchCache, name: string) {
  if (!cache.clusters.has(name)) cache.clusters.set(name, await tx.cluster.findUnique({ where: { name }, select: clusterTreeSelect }));
  return cache.clusters.get(name) ?? null;
}

/** A published, non-retired playbook for the type, so responders can start it from the incident. */
async function suggestedPlaybook(tx: Tx, cache: BatchCache, type: IncidentType): Promise<string | null> {
  if (!cache.playbooks.has(type)) {
    const found = await tx.playbook.findFirst({
      where: { incidentType: type, retiredAt: null, versions: { some: { status: "PUBLISHED" } } },
      orderBy: { updatedAt: "desc" },
      select: { id: true },
    });
    cache.playbooks.set(type, found?.id ?? null);
  }
  return cache.playbooks.get(type) ?? null;
}

async function planRevisionInForce(tx: Tx, cache: BatchCache): Promise<string | null> {
  if (cache.planRevisionId === undefined) {
    const found = await tx.planRevision.findFirst({ where: { status: "PUBLISHED" }, orderBy: { number: "desc" }, select: { id: true } });
    cache.planRevisionId = found?.id ?? null;
  }
  return cache.planRevisionId;
}

/** Null when the owner comes from the incident's own scope (its workload or exact namespace), else where from. */
function inheritedFrom(ref: ScopeRef, namespace: string | null): string | null {
  if (ref.kind === "workload") return null;
  if (ref.kind === "namespace" && ref.name === namespace) return null;
  if (ref.kind === "cluster" && !namespace) return null;
  return ref.label;
}

/** Owners from the plan as IncidentOwner rows, and the OWNERS timeline message that explains them. */
async function planOwners(tx: Tx, cache: BatchCache, alert: InsertedAlert) {
  const where = [alert.cluster, alert.namespace].filter(Boolean).join("/");
  const tree = alert.cluster ? await clusterTree(tx, cache, alert.cluster) : null;
  if (!tree) {
    const message = alert.cluster
      ? `Cluster '${alert.cluster}' is not in the plan: no owners resolved. Add it under Plan → Platform.`
      : "The alert names no cluster and its source has no default cluster: no owners resolved.";
    return { rows: [] as { contactId: string; role: OwnershipRole; inheritedFrom: string | null }[], namespaceId: null, clusterId: null, message };
  }
  const r = resolveOwners(toClusterScopes(tree), { namespace: alert.namespace, workload: alert.workload });
  const rows: { contactId: string; role: OwnershipRole; inheritedFrom: string | null }[] = [];
  const add = (role: OwnershipRole, people: { id: string }[], ref: ScopeRef | null) => {
    for (const p of people) {
      if (!rows.some((row) => row.contactId === p.id && row.role === role)) rows.push({ contactId: p.id, role, inheritedFrom: ref ? inheritedFrom(ref, alert.namespace) : null });
    }
  };
  add("PRIMARY", r.primary ? [r.primary] : [], r.source.primary);
  add("SECONDARY", r.secondary, r.source.secondary);
  add("SECURITY", r.securityContacts, r.source.security);
  const names = (people: { name: string }[]) => people.map((p) => p.name).join(", ") || "none";
  const from = (ref: ScopeRef | null) => (ref && inheritedFrom(ref, alert.namespace) ? ` (from ${ref.label})` : "");
  const message = [
    `Owners from the plan for ${where}: primary ${r.primary?.name ?? "none"}${from(r.source.primary)}, secondary ${names(r.secondary)}${from(r.source.secondary)}.`,
    ...r.warnings,
  ].join(" ");
  const namespaceId = r.matchedNamespace ? (tree.namespaces.find((n) => n.name === r.matchedNamespace!.name)?.id ?? null) : null;
  return { rows, namespaceId, clusterId: tree.id, message };
}

/** A new incident from its first alert, with its owners; returns its OWNERS timeline entry for the caller to write. */
async function openIncident(
  tx: Tx,
  cache: BatchCache,
  alert: InsertedAlert,
  key: string,
  now: Date,
): Promise<{ state: IncidentState; ownersEntry: Prisma.TimelineEntryCreateManyInput }> {
  const type = incidentTypeFor(alert.rule, alert.tags);
  const attack = attackFromTags(alert.tags);
  const severity = severityForPriority(alert.priority);
  const owners = await planOwners(tx, cache, alert);
  const incident = await tx.incident.create({
    data: {
      title: incidentTitle(alert.rule, { cluster: alert.cluster, namespace: alert.namespace, workload: alert.workload, node: alert.nodeName }),
      type,
      severity,
      correlationKey: key,
      cluster: alert.cluster,
      namespace: alert.namespace,
      workload: alert.workload,
      clusterId: owners.clusterId,
      namespaceId: owners.namespaceId,
      suggestedPlaybookId: await suggestedPlaybook(tx, cache, type),
      planRevisionId: await planRevisionInForce(tx, cache),
      attackTechniques: attack.techniques,
      attackTactics: attack.tactics,
      alertCount: 0,
      firstAlertAt: alert.eventTime,
      lastAlertAt: alert.eventTime,
      detectedAt: now,
    },
    select: { id: true, number: true },
  });
  if (owners.rows.length) await tx.incidentOwner.createMany({ data: owners.rows.map((o) => ({ ...o, incidentId: incident.id })) });
  const ownersEntry: Prisma.TimelineEntryCreateManyInput = {
    incidentId: incident.id,
    kind: "OWNERS",
    // Just after the ALERT entry that opened the incident, so the timeline reads in that order.
    at: new Date(now.getTime() + 1),
    message: owners.message,
    data: owners.rows.map((o) => ({ ...o })),
  };
  const state: IncidentState = {
    id: incident.id,
    key,
    number: incident.number,
    isNew: true,
    loadedSeverity: severity,
    severity,
    techniques: new Set(attack.techniques),
    tactics: new Set(attack.tactics),
    firstAlertAt: alert.eventTime,
    lastAlertAt: alert.eventTime,
    alertIds: [],
  };
  return { state, ownersEntry };
}

function alertMessage(alert: InsertedAlert, opened: boolean, raisedFrom: Severity | null, severity: Severity): string {
  const subject = alert.podName ?? alert.workload ?? (alert.nodeName ? `node ${alert.nodeName}` : "an unknown container");
  const where = [alert.cluster, alert.namespace].filter(Boolean).join("/");
  const head = opened
    ? `Opened from Falco alert "${alert.rule}" (${alert.priority}) on ${subject}${where ? ` in ${where}` : ""}.`
    : `Alert joined: "${alert.rule}" (${alert.priority}) on ${subject}${alert.processCmdline ? `: ${alert.processCmdline}` : ""}.`;
  return raisedFrom ? `${head} Severity raised from ${raisedFrom} to ${severity}.` : head;
}

/**
 * Attaches each new security alert to an incident or opens one. Each correlation key is locked for
 * the rest of the transaction, so concurrent batches about one workload take turns and never open
 * two incidents for it.
 */
export async function correlateAlerts(tx: Tx, alerts: readonly InsertedAlert[], options: CorrelationOptions): Promise<{ opened: string[]; joined: string[] }> {
  const windowMs = minutes(options.windowMinutes);
  const groups = new Map<string, InsertedAlert[]>();
  for (const alert of alerts) {
    if (!alert.security) continue;
    const key = correlationKey(alert.cluster, alert.namespace, alert.workload, alert.nodeName);
    const group = groups.get(key);
    if (group) group.push(alert);
    else groups.set(key, [alert]);
  }
  const cache: BatchCache = { clusters: new Map(), playbooks: new Map() };
  const touched = new Map<string, IncidentState>();
  const timeline: Prisma.TimelineEntryCreateManyInput[] = [];
  const followUps: Prisma.TimelineEntryCreateManyInput[] = [];

  const ordered = [...groups.keys()].map((key) => ({ key, id: lockId(key) })).sort((a, b) => a.id - b.id || (a.key < b.key ? -1 : 1));
  for (const { key, id } of ordered) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CORRELATION_LOCK_CLASS}::int, ${id}::int)`;
    let current: IncidentState | null = null;
    for (const alert of groups.get(key)!.sort((a, b) => a.eventTime.getTime() - b.eventTime.getTime())) {
      let opened = false;
      if (!current || !within(current, alert.eventTime, windowMs)) {
        // This batch's own incidents first: their times in memory are ahead of the database's.
        const inBatch = [...touched.values()].find((s) => s.key === key && within(s, alert.eventTime, windowMs));
        const found = inBatch ?? (await findOpenIncident(tx, key, alert.eventTime, windowMs));
        current = found ? (touched.get(found.id) ?? found) : null;
      }
      if (!current) {
        if (!priorityAtLeast(alert.priority, options.minIncidentPriority)) continue;
        const { state, ownersEntry } = await openIncident(tx, cache, alert, key, options.now);
        current = state;
        followUps.push(ownersEntry);
        opened = true;
      }
      touched.set(current.id, current);
      const before = current.severity;
      current.severity = worseSeverity(current.severity, severityForPriority(alert.priority));
      const attack = attackFromTags(alert.tags);
      for (const t of attack.techniques) current.techniques.add(t);
      for (const t of attack.tactics) current.tactics.add(t);
      if (alert.eventTime < current.firstAlertAt) current.firstAlertAt = alert.eventTime;
      if (alert.eventTime > current.lastAlertAt) current.lastAlertAt = alert.eventTime;
      current.alertIds.push(alert.id);
      timeline.push({
        incidentId: current.id,
        kind: "ALERT",
        at: options.now,
        message: alertMessage(alert, opened, before !== current.severity ? before : null, current.severity),
        data: { alertId: alert.id, rule: alert.rule, priority: alert.priority },
      });
    }
  }

  for (const state of touched.values()) {
    await tx.alert.updateMany({ where: { id: { in: state.alertIds } }, data: { incidentId: state.id } });
    const raised = state.severity !== state.loadedSeverity;
    await tx.incident.update({
      where: { id: state.id },
      data: {
        alertCount: { increment: state.alertIds.length },
        firstAlertAt: state.firstAlertAt,
        lastAlertAt: state.lastAlertAt,
        attackTechniques: [...state.techniques].sort(),
        attackTactics: tacticsInMatrixOrder([...state.tactics]),
        ...(raised ? { severity: state.severity } : {}),
        // A raised severity on an incident people may be editing must not be overwritten from a
        // stale form: the version bump turns their save into a conflict (STYLE rule 6).
        ...(raised && !state.isNew ? { version: { increment: 1 } } : {}),
      },
    });
  }
  timeline.push(...followUps);
  if (timeline.length) await tx.timelineEntry.createMany({ data: timeline });

  const keys = (isNew: boolean) => [...touched.values()].filter((s) => s.isNew === isNew).sort((a, b) => a.number - b.number).map((s) => incidentKey(s.number));
  return { opened: keys(true), joined: keys(false) };
}
