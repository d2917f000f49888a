import "server-only";
import { staleVersionConflict } from "@/lib/dal/versioning";
import type { Db, Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ConflictError } from "@/lib/dal/errors";
import type { ClusterScopes, OwnersByRole } from "@/lib/domain/owner-resolution";
import type { OwnerPersonDto, ScopeOwnersDto, ScopeType } from "@/lib/dto/platform";

// Shared by the platform DAL files (clusters, ownership, namespace import): how a cluster's scopes
// and their owners are read, and how a lost versioned update is explained.

export const ownerPersonSelect = {
  id: true,
  name: true,
  email: true,
  phone: true,
  team: true,
  active: true,
} satisfies Prisma.ContactSelect;

const ownershipSelect = {
  role: true,
  rank: true,
  contact: { select: ownerPersonSelect },
} satisfies Prisma.OwnershipSelect;

const ownershipOrder = [{ role: "asc" }, { rank: "asc" }, { createdAt: "asc" }] satisfies Prisma.OwnershipOrderByWithRelationInput[];

export const clusterTreeSelect = {
  id: true,
  name: true,
  provider: true,
  runtime: true,
  environment: true,
  criticality: true,
  description: true,
  version: true,
  updatedAt: true,
  ownerships: { select: ownershipSelect, orderBy: ownershipOrder },
  namespaces: {
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      isPattern: true,
      labels: true,
      version: true,
      ownerships: { select: ownershipSelect, orderBy: ownershipOrder },
      workloads: {
        orderBy: { name: "asc" },
        select: { id: true, name: true, kind: true, version: true, ownerships: { select: ownershipSelect, orderBy: ownershipOrder } },
      },
    },
  },
} satisfies Prisma.ClusterSelect;

export type ClusterTree = Prisma.ClusterGetPayload<{ select: typeof clusterTreeSelect }>;

type OwnershipRow = Prisma.OwnershipGetPayload<{ select: typeof ownershipSelect }>;

export function toScopeOwners(rows: OwnershipRow[]): ScopeOwnersDto {
  return {
    primary: rows.find((r) => r.role === "PRIMARY")?.contact ?? null,
    secondary: rows.filter((r) => r.role === "SECONDARY").map((r) => r.contact),
    security: rows.filter((r) => r.role === "SECURITY").map((r) => r.contact),
  };
}

export function toClusterScopes(tree: ClusterTree): ClusterScopes<OwnerPersonDto> {
  return {
    name: tree.name,
    owners: toScopeOwners(tree.ownerships),
    namespaces: tree.namespaces.map((ns) => ({
      name: ns.name,
      isPattern: ns.isPattern,
      owners: toScopeOwners(ns.ownerships),
      workloads: ns.workloads.map((w) => ({ name: w.name, owners: toScopeOwners(w.ownerships) })),
    })),
  };
}

/** Labels as stored (jsonb) back to a string map; anything else is treated as none. */
export function labelsOf(value: Prisma.JsonValue | null): Record<string, string> | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"));
}

/** Owners as the audit log records them: emails, which stay readable after ids are forgotten. */
export function ownerEmails(owners: ScopeOwnersDto): OwnersByRole<string> {
  return {
    primary: owners.primary?.email ?? null,
    secondary: owners.secondary.map((p) => p.email),
    security: owners.security.map((p) => p.email),
  };
}

export const AUDIT_TARGET: Record<ScopeType, "Cluster" | "Namespace" | "Workload"> = {
  cluster: "Cluster",
  namespace: "Namespace",
  workload: "Workload",
};

/** The ConflictError of a lost versioned update, naming who changed the scope last and when. */
export async function staleVersionError(tx: Tx | Db, scopeType: ScopeType, id: string, what: string): Promise<ConflictError> {
  return staleVersionConflict(tx, { type: AUDIT_TARGET[scopeType], id, label: what });
}
