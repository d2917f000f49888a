import "server-only";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { IncidentType, OwnershipRole } from "@/lib/generated/prisma/enums";
import { clusterTreeSelect, toClusterScopes } from "@/lib/dal/platform-scopes";
import { attackFromTags, incidentTitle, incidentTypeFor, severityForPriority } from "@/lib/domain/falco/classify";
import { resolveOwners, type ScopeRef } from "@/lib/domain/owner-resolution";
import type { CorrelatedAlert } from "@/lib/domain/correlation/types";

// Opening an incident the correlation plan opens, inside the ingest flush's transaction
// (correlation.ts), from the alert that crossed its source's threshold: type, severity, ATT&CK,
// suggested playbook, the plan revision in force and the owners resolved from the plan. Rare next
// to joining, so it may take a few statements of its own. Its totals are the plan's, written with
// everyone else's (incident-statements.ts).

/** Lookups shared by every incident one flush opens. */
export type BatchCache = {
  clusters: Map<string, Prisma.ClusterGetPayload<{ select: typeof clusterTreeSelect }> | null>;
  playbooks: Map<IncidentType, string | null>;
  planRevisionId?: string | null;
};

export const newBatchCache = (): BatchCache => ({ clusters: new Map(), playbooks: new Map() });

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
async function planOwners(tx: Tx, cache: BatchCache, alert: CorrelatedAlert) {
  const where = [alert.cluster, alert.namespace].filter(Boolean).join("/");
  const tree = alert.cluster ? await clusterTree(tx, cache, alert.cluster) : null;
  if (!tree) {
    const message = alert.cluster
      ? `Cluster '${alert.cluster}' is not in the plan: no owners resolved. Add it under Plan → Platform.`
      : "The alert names no cluster and its source has no default cluster: no owners resolved.";
    return {
      rows: [] as { contactId: string; role: OwnershipRole; inheritedFrom: string | null }[],
      namespaceId: null,
      clusterId: null,
      message,
    };
  }
  const r = resolveOwners(toClusterScopes(tree), { namespace: alert.namespace, workload: alert.workload });
  const rows: { contactId: string; role: OwnershipRole; inheritedFrom: string | null }[] = [];
  const add = (role: OwnershipRole, people: { id: string }[], ref: ScopeRef | null) => {
    for (const p of people) {
      if (!rows.some((row) => row.contactId === p.id && row.role === role))
        rows.push({ contactId: p.id, role, inheritedFrom: ref ? inheritedFrom(ref, alert.namespace) : null });
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

/** A new incident from its first alert, with its owners; returns the OWNERS timeline message and data for the caller to write. */
export async function openIncident(
  tx: Tx,
  cache: BatchCache,
  alert: CorrelatedAlert,
  key: string,
  now: Date,
): Promise<{ id: string; number: number; owners: { message: string; data: unknown } }> {
  const type = incidentTypeFor(alert.rule, alert.tags);
  const attack = attackFromTags(alert.tags);
  const severity = severityForPriority(alert.priority);
  const owners = await planOwners(tx, cache, alert);
  const incident = await tx.incident.create({
    data: {
      title: incidentTitle(alert.rule, {
        cluster: alert.cluster,
        namespace: alert.namespace,
        workload: alert.workload,
        node: alert.nodeName,
      }),
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
  if (owners.rows.length)
    await tx.incidentOwner.createMany({ data: owners.rows.map((o, rank) => ({ ...o, rank, incidentId: incident.id })) });
  return { ...incident, owners: { message: owners.message, data: owners.rows.map((o) => ({ ...o })) } };
}
