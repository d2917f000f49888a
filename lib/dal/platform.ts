import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { appendAuditEvent } from "@/lib/dal/audit";
import { authorize } from "@/lib/dal/authorize";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/dal/errors";
import { assertOwnershipRules, loadCandidates, ownershipRows } from "@/lib/dal/ownership";
import {
  clusterTreeSelect,
  labelsOf,
  ownerEmails,
  staleVersionError,
  toClusterScopes,
  toScopeOwners,
  type ClusterTree,
} from "@/lib/dal/platform-scopes";
import { isNamespacePattern, resolveOwners, type ClusterScopes, type ScopeRef } from "@/lib/domain/owner-resolution";
import type { Actor } from "@/lib/domain/roles";
import type { ClusterDto, OwnerContactOptionDto, MatrixRowDto, OwnerPersonDto } from "@/lib/dto/platform";
import type {
  AddNamespaceInput,
  AddWorkloadInput,
  CreateClusterInput,
  PlatformFilter,
  UpdateClusterInput,
} from "@/lib/validation/platform";

const clusterDetailsSelect = {
  id: true,
  name: true,
  provider: true,
  runtime: true,
  environment: true,
  criticality: true,
  description: true,
  version: true,
} satisfies Prisma.ClusterSelect;

function matrixRow(
  scopes: ClusterScopes<OwnerPersonDto>,
  row: Omit<MatrixRowDto, "effective" | "warnings">,
  query: { namespace?: string; workload?: string },
  ownLabel: string,
): MatrixRowDto {
  const r = resolveOwners(scopes, query);
  const from = (ref: ScopeRef | null) => (ref && ref.label !== ownLabel ? ref.label : null);
  return {
    ...row,
    effective: {
      primary: { value: r.primary, inheritedFrom: from(r.source.primary) },
      secondary: { value: r.secondary, inheritedFrom: from(r.source.secondary) },
      security: { value: r.securityContacts, inheritedFrom: from(r.source.security) },
    },
    // "not in the plan" cannot apply to rows that are the plan; keep the owner problems.
    warnings: r.warnings.filter((w) => !w.includes("is not in the plan")),
  };
}

/** The ownership matrix of one cluster: the cluster, each namespace, then that namespace's workloads. */
function toClusterDto(tree: ClusterTree, q?: string): ClusterDto {
  const scopes = toClusterScopes(tree);
  const rows: MatrixRowDto[] = [
    matrixRow(
      scopes,
      {
        key: tree.name,
        scopeType: "cluster",
        scopeId: tree.id,
        version: tree.version,
        name: tree.name,
        isPattern: false,
        workloadKind: null,
        own: toScopeOwners(tree.ownerships),
      },
      {},
      `cluster ${tree.name}`,
    ),
  ];
  const shown = q
    ? tree.namespaces.filter((ns) => ns.name.includes(q.toLowerCase()) || ns.workloads.some((w) => w.name.includes(q.toLowerCase())))
    : tree.namespaces;
  for (const ns of shown) {
    rows.push(
      matrixRow(
        scopes,
        {
          key: `${tree.name}/${ns.name}`,
          scopeType: "namespace",
          scopeId: ns.id,
          version: ns.version,
          name: ns.name,
          isPattern: ns.isPattern,
          workloadKind: null,
          own: toScopeOwners(ns.ownerships),
        },
        { namespace: ns.name },
        `namespace ${ns.name}`,
      ),
    );
    for (const w of ns.workloads) {
      rows.push(
        matrixRow(
          scopes,
          {
            key: `${tree.name}/${ns.name}/${w.name}`,
            scopeType: "workload",
            scopeId: w.id,
            version: w.version,
            name: w.name,
            isPattern: false,
            workloadKind: w.kind,
            own: toScopeOwners(w.ownerships),
          },
          { namespace: ns.name, workload: w.name },
          `workload ${ns.name}/${w.name}`,
        ),
      );
    }
  }
  return {
    id: tree.id,
    name: tree.name,
    provider: tree.provider,
    runtime: tree.runtime,
    environment: tree.environment,
    criticality: tree.criticality,
    description: tree.description,
    version: tree.version,
    updatedAt: tree.updatedAt,
    namespaces: tree.namespaces.map((ns) => ({ id: ns.id, name: ns.name, isPattern: ns.isPattern, labels: labelsOf(ns.labels) })),
    rows,
  };
}

export async function listPlatform(actor: Actor, filter: z.output<typeof PlatformFilter> = {}): Promise<ClusterDto[]> {
  await authorize(actor, "plan.read", { type: "Cluster" });
  const trees = await db().cluster.findMany({
    where: filter.cluster ? { name: filter.cluster } : undefined,
    orderBy: { name: "asc" },
    select: clusterTreeSelect,
  });
  return trees.map((t) => toClusterDto(t, filter.q));
}

/** Everyone who could own a scope; inactive contacts are included so that existing owners still show. */
export async function listOwnerContacts(actor: Actor): Promise<OwnerContactOptionDto[]> {
  await authorize(actor, "plan.read", { type: "Contact" });
  return db().contact.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: { id: true, name: true, email: true, team: true, active: true },
  });
}

export async function listClusterNames(actor: Actor): Promise<{ id: string; name: string }[]> {
  await authorize(actor, "plan.read", { type: "Cluster" });
  return db().cluster.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

/** A cluster is created with its full owner set: resolution ends at the cluster, so it may never lack one. */
export async function createCluster(actor: Actor, input: z.output<typeof CreateClusterInput>) {
  await authorize(actor, "plan.edit", { type: "Cluster" });
  return db().$transaction(async (tx) => {
    if (await tx.cluster.findUnique({ where: { name: input.name }, select: { id: true } })) {
      throw new ValidationError(`A cluster named ${input.name} already exists.`, { name: ["Already in the plan"] });
    }
    const proposal = { scope: "cluster" as const, primaryIds: input.primary, secondaryIds: input.secondary, securityIds: input.security };
    const people = await loadCandidates(tx, proposal);
    assertOwnershipRules(proposal, people);
    const cluster = await tx.cluster.create({
      data: {
        name: input.name,
        provider: input.provider,
        runtime: input.runtime,
        environment: input.environment,
        criticality: input.criticality,
        description: input.description,
        ownerships: { create: ownershipRows(proposal) },
      },
      select: { ...clusterDetailsSelect, ownerships: clusterTreeSelect.ownerships },
    });
    const { ownerships, ...details } = cluster;
    await appendAuditEvent(tx, {
      actor,
      action: "cluster.create",
      targetType: "Cluster",
      targetId: cluster.id,
      after: { ...details, owners: ownerEmails(toScopeOwners(ownerships)) },
    });
    return details;
  });
}

/** Provider, runtime, environment, criticality and description; the name is the alerts' join key and stays. */
export async function updateCluster(actor: Actor, input: z.output<typeof UpdateClusterInput>) {
  await authorize(actor, "plan.edit", { type: "Cluster", id: input.id });
  return db().$transaction(async (tx) => {
    const before = await tx.cluster.findUnique({ where: { id: input.id }, select: clusterDetailsSelect });
    if (!before) throw new NotFoundError();
    if (before.version !== input.version) throw await staleVersionError(tx, "cluster", input.id, `Cluster ${before.name}`);
    const updated = await tx.cluster.updateMany({
      where: { id: input.id, version: input.version },
      data: {
        provider: input.provider,
        runtime: input.runtime,
        environment: input.environment,
        criticality: input.criticality,
        description: input.description,
        updatedById: actor.id,
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1)
      throw new ConflictError(`Someone else changed cluster ${before.name} at the same moment — reload and try again.`);
    const after = await tx.cluster.findUniqueOrThrow({ where: { id: input.id }, select: clusterDetailsSelect });
    await appendAuditEvent(tx, { actor, action: "cluster.update", targetType: "Cluster", targetId: input.id, before, after });
    return after;
  });
}

/** A new namespace (or pattern) has no owners of its own: it inherits until someone sets them. */
export async function addNamespace(actor: Actor, input: z.output<typeof AddNamespaceInput>) {
  await authorize(actor, "plan.edit", { type: "Cluster", id: input.clusterId });
  return db().$transaction(async (tx) => {
    const cluster = await tx.cluster.findUnique({ where: { id: input.clusterId }, select: { id: true, name: true } });
    if (!cluster) throw new NotFoundError("That cluster no longer exists — reload the page.");
    const existing = await tx.namespace.findUnique({
      where: { clusterId_name: { clusterId: cluster.id, name: input.name } },
      select: { id: true },
    });
    if (existing) throw new ValidationError(`${cluster.name} already has ${input.name}.`, { name: ["Already in the plan"] });
    const namespace = await tx.namespace.create({
      data: { clusterId: cluster.id, name: input.name, isPattern: isNamespacePattern(input.name) },
      select: { id: true, name: true, isPattern: true, clusterId: true, version: true },
    });
    await appendAuditEvent(tx, {
      actor,
      action: "namespace.create",
      targetType: "Namespace",
      targetId: namespace.id,
      after: { ...namespace, cluster: cluster.name },
    });
    return { ...namespace, cluster: cluster.name };
  });
}

export async function addWorkload(actor: Actor, input: z.output<typeof AddWorkloadInput>) {
  await authorize(actor, "plan.edit", { type: "Namespace", id: input.namespaceId });
  return db().$transaction(async (tx) => {
    const namespace = await tx.namespace.findUnique({
      where: { id: input.namespaceId },
      select: { id: true, name: true, cluster: { select: { name: true } } },
    });
    if (!namespace) throw new NotFoundError("That namespace no longer exists — reload the page.");
    const where = `${namespace.cluster.name}/${namespace.name}`;
    const existing = await tx.workload.findUnique({
      where: { namespaceId_name: { namespaceId: namespace.id, name: input.name } },
      select: { id: true },
    });
    if (existing) throw new ValidationError(`${where} already has a workload ${input.name}.`, { name: ["Already in the plan"] });
    const workload = await tx.workload.create({
      data: { namespaceId: namespace.id, name: input.name, kind: input.kind },
      select: { id: true, name: true, kind: true, namespaceId: true, version: true },
    });
    await appendAuditEvent(tx, {
      actor,
      action: "workload.create",
      targetType: "Workload",
      targetId: workload.id,
      after: { ...workload, scope: where },
    });
    return { ...workload, scope: `${where}/${workload.name}` };
  });
}
