import type { ClusterProvider, ContainerRuntime, Criticality, Environment, WorkloadKind } from "@/lib/dto/enums";
import type { NamespaceImportPlan } from "@/lib/domain/namespace-import";
import type { ResolvedOwners, ScopeOwners } from "@/lib/domain/owner-resolution";

/** A person as owners are shown and returned by `GET /api/plan/owners`. */
export type OwnerPersonDto = { id: string; name: string; email: string; phone: string | null; team: string | null; active: boolean };

export type ScopeOwnersDto = ScopeOwners<OwnerPersonDto>;

/** One resolved role of a matrix row; `inheritedFrom` is null when the row's own scope provides it. */
export type EffectiveRole<T> = { value: T; inheritedFrom: string | null };

export type ScopeType = "cluster" | "namespace" | "workload";

/** One row of the ownership matrix: a cluster, one of its namespaces (or patterns), or a workload. */
export type MatrixRowDto = {
  /** `prod-eu`, `prod-eu/payments`, `prod-eu/payments/payments-api`. */
  key: string;
  scopeType: ScopeType;
  scopeId: string;
  version: number;
  name: string;
  isPattern: boolean;
  workloadKind: WorkloadKind | null;
  own: ScopeOwnersDto;
  /** Each role of OwnersByRole as it resolves for this row, with where it comes from. */
  effective: { [R in keyof ScopeOwnersDto]: EffectiveRole<ScopeOwnersDto[R]> };
  warnings: string[];
};

export type ClusterDto = {
  id: string;
  name: string;
  provider: ClusterProvider;
  runtime: ContainerRuntime;
  environment: Environment;
  criticality: Criticality;
  description: string | null;
  version: number;
  updatedAt: Date;
  namespaces: { id: string; name: string; isPattern: boolean; labels: Record<string, string> | null }[];
  /** The cluster row first, then each namespace followed by its workloads. */
  rows: MatrixRowDto[];
};

export type OwnerContactOptionDto = { id: string; name: string; email: string; team: string | null; active: boolean };

export type ImportPreviewDto = {
  clusterId: string;
  clusterName: string;
  /** sha256 of the plan; applying with it refuses if the plan has changed since. */
  digest: string;
  plan: NamespaceImportPlan;
  hasChanges: boolean;
};

export type ImportResultDto = {
  clusterName: string;
  added: number;
  updated: number;
  ownersPrefilled: number;
  unchanged: number;
  notInList: number;
};

/** The body of `GET /api/plan/owners`: the resolution (lib/domain/owner-resolution.ts) of the scope asked about. */
export type ResolvedOwnersDto = { cluster: string; namespace: string | null; workload: string | null } & ResolvedOwners<OwnerPersonDto>;
