import "server-only";
import type { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { appendAuditEvent } from "@/lib/dal/audit";
import { authorize } from "@/lib/dal/authorize";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/dal/errors";
import {
  AUDIT_TARGET,
  clusterTreeSelect,
  ownerEmails,
  ownerPersonSelect,
  staleVersionError,
  toClusterScopes,
  toScopeOwners,
} from "@/lib/dal/platform-scopes";
import { resolveOwners, type OwnerQuery } from "@/lib/domain/owner-resolution";
import { checkOwnershipRules, violationsByField, type OwnerCandidate, type ProposedOwners } from "@/lib/domain/ownership-rules";
import type { Actor } from "@/lib/domain/roles";
import type { ResolvedOwnersDto, ScopeOwnersDto, ScopeType } from "@/lib/dto/platform";
import type { ClearOwnersInput, SetOwnersInput } from "@/lib/validation/platform";

/** The contacts a proposal names, as the rules need them (missing ids simply are not in the map). */
export async function loadCandidates(tx: Tx, p: ProposedOwners): Promise<Map<string, OwnerCandidate>> {
  const ids = [...new Set([...p.primaryIds, ...p.secondaryIds, ...p.securityIds])];
  const rows = ids.length ? await tx.contact.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, active: true } }) : [];
  return new Map(rows.map((r) => [r.id, r]));
}

/** Throws the rules' messages as one ValidationError with per-field messages for the form. */
export function assertOwnershipRules(p: ProposedOwners, people: ReadonlyMap<string, OwnerCandidate>): void {
  const violations = checkOwnershipRules(p, people);
  if (violations.length > 0) throw new ValidationError(violations.map((v) => v.message).join(" "), violationsByField(violations));
}

/** Ownership rows for a proposal, secondaries and security contacts in the order chosen. */
export function ownershipRows(p: ProposedOwners) {
  return [
    ...p.primaryIds.map((contactId) => ({ role: "PRIMARY" as const, contactId, rank: 0 })),
    ...p.secondaryIds.map((contactId, rank) => ({ role: "SECONDARY" as const, contactId, rank })),
    ...p.securityIds.map((contactId, rank) => ({ role: "SECURITY" as const, contactId, rank })),
  ];
}

const ownershipsSelect = {
  ownerships: {
    select: { role: true, rank: true, contact: { select: ownerPersonSelect } },
    orderBy: [{ role: "asc" as const }, { rank: "asc" as const }],
  },
};

type LoadedScope = { id: string; version: number; label: string; owners: ScopeOwnersDto; fk: "clusterId" | "namespaceId" | "workloadId" };

/** The scope a form named, with its current owners; a stale version is refused before anything is written. */
async function loadScope(tx: Tx, scopeType: ScopeType, id: string, version: number): Promise<LoadedScope> {
  let found: { id: string; version: number; label: string; ownerships: Parameters<typeof toScopeOwners>[0] } | null = null;
  if (scopeType === "cluster") {
    const c = await tx.cluster.findUnique({ where: { id }, select: { id: true, version: true, name: true, ...ownershipsSelect } });
    found = c && { ...c, label: `cluster ${c.name}` };
  } else if (scopeType === "namespace") {
    const n = await tx.namespace.findUnique({
      where: { id },
      select: { id: true, version: true, name: true, cluster: { select: { name: true } }, ...ownershipsSelect },
    });
    found = n && { ...n, label: `namespace ${n.cluster.name}/${n.name}` };
  } else {
    const w = await tx.workload.findUnique({
      where: { id },
      select: {
        id: true,
        version: true,
        name: true,
        namespace: { select: { name: true, cluster: { select: { name: true } } } },
        ...ownershipsSelect,
      },
    });
    found = w && { ...w, label: `workload ${w.namespace.cluster.name}/${w.namespace.name}/${w.name}` };
  }
  if (!found) throw new NotFoundError("That scope no longer exists — reload the page.");
  if (found.version !== version) throw await staleVersionError(tx, scopeType, id, `The owners of ${found.label}`);
  const fk = scopeType === "cluster" ? "clusterId" : scopeType === "namespace" ? "namespaceId" : "workloadId";
  return { id: found.id, version: found.version, label: found.label, owners: toScopeOwners(found.ownerships), fk };
}

/** Bumps the scope's version where it still is what the form loaded, so a racing writer misses instead of overwriting. */
async function claimVersion(tx: Tx, actor: Actor, scopeType: ScopeType, scope: LoadedScope): Promise<void> {
  const where = { id: scope.id, version: scope.version };
  const data = { updatedById: actor.id, version: { increment: 1 } };
  const claimed =
    scopeType === "cluster"
      ? await tx.cluster.updateMany({ where, data })
      : scopeType === "namespace"
        ? await tx.namespace.updateMany({ where, data })
        : await tx.workload.updateMany({ where, data });
  if (claimed.count !== 1)
    throw new ConflictError(`Someone else changed the owners of ${scope.label} at the same moment — reload and try again.`);
}

async function replaceOwners(tx: Tx, scope: LoadedScope, p: ProposedOwners): Promise<ScopeOwnersDto> {
  await tx.ownership.deleteMany({ where: { [scope.fk]: scope.id } });
  const rows = ownershipRows(p).map((r) => ({ ...r, [scope.fk]: scope.id }));
  if (rows.length) await tx.ownership.createMany({ data: rows });
  const after = await tx.ownership.findMany({ where: { [scope.fk]: scope.id }, ...ownershipsSelect.ownerships });
  return toScopeOwners(after);
}

/**
 * Replaces the PRIMARY/SECONDARY/SECURITY owners of one scope after the ownership rules pass, in
 * one transaction with its audit event (before/after as emails). Naming no DevOps owners on a
 * namespace or workload is allowed and means "inherit".
 */
export async function setScopeOwners(actor: Actor, input: z.output<typeof SetOwnersInput>) {
  await authorize(actor, "plan.edit", { type: AUDIT_TARGET[input.scopeType], id: input.scopeId });
  return db().$transaction(async (tx) => {
    const scope = await loadScope(tx, input.scopeType, input.scopeId, input.version);
    const proposal: ProposedOwners = {
      scope: input.scopeType,
      primaryIds: input.primary,
      secondaryIds: input.secondary,
      securityIds: input.security,
    };
    assertOwnershipRules(proposal, await loadCandidates(tx, proposal));
    await claimVersion(tx, actor, input.scopeType, scope);
    const after = await replaceOwners(tx, scope, proposal);
    await appendAuditEvent(tx, {
      actor,
      action: "ownership.set",
      targetType: AUDIT_TARGET[input.scopeType],
      targetId: scope.id,
      before: { scope: scope.label, ...ownerEmails(scope.owners) },
      after: { scope: scope.label, ...ownerEmails(after) },
    });
    return { label: scope.label, owners: after };
  });
}

/** Removes every owner of a namespace or workload so that it inherits. A cluster can never be cleared. */
export async function clearScopeOwners(
  actor: Actor,
  input: z.output<typeof ClearOwnersInput> | { scopeType: "cluster"; scopeId: string; version: number },
) {
  await authorize(actor, "plan.edit", { type: AUDIT_TARGET[input.scopeType], id: input.scopeId });
  if (input.scopeType === "cluster") {
    throw new ValidationError(
      "A cluster's owners cannot be cleared: every namespace inherits from its cluster, so it always needs a primary, a secondary and a security contact.",
    );
  }
  return db().$transaction(async (tx) => {
    const scope = await loadScope(tx, input.scopeType, input.scopeId, input.version);
    await claimVersion(tx, actor, input.scopeType, scope);
    const after = await replaceOwners(tx, scope, { scope: input.scopeType, primaryIds: [], secondaryIds: [], securityIds: [] });
    await appendAuditEvent(tx, {
      actor,
      action: "ownership.clear",
      targetType: AUDIT_TARGET[input.scopeType],
      targetId: scope.id,
      before: { scope: scope.label, ...ownerEmails(scope.owners) },
      after: { scope: scope.label, ...ownerEmails(after) },
    });
    return { label: scope.label };
  });
}

/** A scope to look up: the domain's OwnerQuery within a cluster named as alerts name it. */
export type OwnerLookup = { cluster: string } & OwnerQuery;

/**
 * Who owns `(cluster, namespace, workload)` — the contract of `GET /api/plan/owners` (query parsed
 * with OwnerLookupInput), and what incidents use. Throws NotFoundError for an unknown cluster.
 */
export async function lookUpOwners(actor: Actor, query: OwnerLookup): Promise<ResolvedOwnersDto> {
  await authorize(actor, "plan.read", { type: "Cluster" });
  const tree = await db().cluster.findUnique({ where: { name: query.cluster }, select: clusterTreeSelect });
  if (!tree) throw new NotFoundError(`Unknown cluster '${query.cluster}'`);
  return {
    cluster: tree.name,
    namespace: query.namespace || null,
    workload: query.namespace ? query.workload || null : null,
    ...resolveOwners(toClusterScopes(tree), { namespace: query.namespace, workload: query.workload }),
  };
}
