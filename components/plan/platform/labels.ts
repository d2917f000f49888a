import {
  CLUSTER_PROVIDER_LABELS,
  CONTAINER_RUNTIME_LABELS,
  CRITICALITY_LABELS,
  ENVIRONMENT_LABELS,
  optionsOf,
  WORKLOAD_KIND_LABELS,
} from "@/lib/dto/labels";

export type { FormAction } from "@/lib/form-state";
export type { ClusterDto, OwnerContactOptionDto, ImportPreviewDto, MatrixRowDto, OwnerPersonDto } from "@/lib/dto/platform";

/** The platform enums as the forms offer them, with the words of lib/dto/labels. */
export const PROVIDERS = optionsOf(CLUSTER_PROVIDER_LABELS);
export const RUNTIMES = optionsOf(CONTAINER_RUNTIME_LABELS);
export const ENVIRONMENTS = optionsOf(ENVIRONMENT_LABELS);
export const CRITICALITIES = optionsOf(CRITICALITY_LABELS);
export const WORKLOAD_KINDS = optionsOf(WORKLOAD_KIND_LABELS);
