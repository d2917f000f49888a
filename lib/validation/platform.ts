import { z } from "zod";
import { Id, Version } from "@/lib/validation/record-ref";
import { ClusterProvider, ContainerRuntime, Criticality, Environment, valuesOf, WorkloadKind } from "@/lib/dto/enums";
import { wildcardCount } from "@/lib/domain/glob-match";
import { CLUSTER_NAME, CLUSTER_NAME_MAX } from "@/lib/domain/kubernetes-names";
import { DNS1123_LABEL } from "@/lib/domain/namespace-import";

/**
 * Patterns are matched against every namespace an alert names. Matching is linear in the name
 * (lib/domain/glob-match), its cost grows with the pattern's length; a bound on both keeps one owner
 * lookup cheap. Real plans use one or two (`payments-*`, `team-??-*`).
 */
export const MAX_PATTERN_WILDCARDS = 4;

export const ClusterProviderInput = z.enum(valuesOf(ClusterProvider), { error: "Choose a provider" });
export const ContainerRuntimeInput = z.enum(valuesOf(ContainerRuntime), { error: "Choose a container runtime" });
export const EnvironmentInput = z.enum(valuesOf(Environment), { error: "Choose an environment" });
export const CriticalityInput = z.enum(valuesOf(Criticality), { error: "Choose a criticality" });
export const WorkloadKindInput = z.enum(valuesOf(WorkloadKind), { error: "Choose a workload kind" });

/**
 * As alerts name it (Falco's k8s.cluster.name / falcosidekick's cluster field): the name is the
 * join key between alerts and the plan, so it is fixed once created.
 */
export const ClusterName = z
  .string()
  .trim()
  .min(1, "Enter the cluster's name")
  .max(CLUSTER_NAME_MAX, `Use at most ${CLUSTER_NAME_MAX} characters`)
  .regex(CLUSTER_NAME, "Use letters, digits, '.', '_' and '-' (as the cluster is named in alerts)");

/** An exact namespace name (DNS-1123 label) or a pattern with `*` / `?`, e.g. `payments-*`. */
export const NamespaceNameOrPattern = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter a namespace name or pattern")
  .max(63, "A namespace name has at most 63 characters")
  .refine((v) => (/[*?]/.test(v) ? /^[a-z0-9*?-]+$/.test(v) : DNS1123_LABEL.test(v)), {
    error: "Use lowercase letters, digits and '-' (a pattern may use * and ?), starting and ending with a letter or digit",
  })
  .refine((v) => wildcardCount(v) <= MAX_PATTERN_WILDCARDS, { error: `A pattern has at most ${MAX_PATTERN_WILDCARDS} wildcards (* or ?)` });

/** A Kubernetes object name (DNS-1123 subdomain), as in a Deployment's metadata.name. */
export const WorkloadName = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter the workload's name")
  .max(253)
  .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, "Use lowercase letters, digits, '-' and '.' (the Kubernetes object name)");

const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters`)
    .optional()
    .transform((v) => v || null);

/** Form selects send "" for "none"; multi-selects arrive as arrays (FormData.getAll). */
const IdList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.string().max(64)).max(20, "Choose at most 20 people"));

export const OwnerFields = z.object({ primary: IdList, secondary: IdList, security: IdList });

export const ClusterDetails = z.object({
  provider: ClusterProviderInput,
  runtime: ContainerRuntimeInput,
  environment: EnvironmentInput,
  criticality: CriticalityInput,
  description: OptionalText(2000),
});

export const CreateClusterInput = ClusterDetails.extend({ name: ClusterName }).extend(OwnerFields.shape);
export const UpdateClusterInput = ClusterDetails.extend({ id: Id, version: Version });

export const AddNamespaceInput = z.object({ clusterId: Id, name: NamespaceNameOrPattern });
export const AddWorkloadInput = z.object({ namespaceId: Id, name: WorkloadName, kind: WorkloadKindInput.default("DEPLOYMENT") });

export const ScopeType = z.enum(["cluster", "namespace", "workload"], { error: "Unknown scope" });
export const SetOwnersInput = z.object({ scopeType: ScopeType, scopeId: Id, version: Version }).extend(OwnerFields.shape);
export const ClearOwnersInput = z.object({
  scopeType: z.enum(["namespace", "workload"], { error: "A cluster's owners cannot be cleared: every scope inherits from its cluster" }),
  scopeId: Id,
  version: Version,
});

/**
 * Under Next.js's default 1 MB server-action body limit (serverActions.bodySizeLimit): about 1,500
 * namespaces of kubectl output with their labels. Larger clusters import in parts (-l selectors).
 */
export const MAX_IMPORT_CHARS = 900_000;

export const NamespaceImportInput = z.object({
  clusterId: Id,
  json: z
    .string()
    .max(MAX_IMPORT_CHARS, "That is more than 900,000 characters; import a narrower list (kubectl get namespaces -l … -o json)."),
  /** The digest of the preview the manager looked at; apply refuses if the plan has changed since. */
  digest: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

/** `GET /api/plan/owners` */
export const OwnerLookupInput = z
  .object({
    cluster: z.string({ error: "The cluster parameter is required" }).trim().min(1, "The cluster parameter is required").max(100),
    namespace: z
      .string()
      .trim()
      .max(63)
      .optional()
      .transform((v) => v || undefined),
    workload: z
      .string()
      .trim()
      .max(253)
      .optional()
      .transform((v) => v || undefined),
  })
  .refine((q) => !q.workload || q.namespace, { error: "A workload needs its namespace: add &namespace=…", path: ["namespace"] });

/** Query-string filter of the platform page; malformed values are ignored. */
export const PlatformFilter = z.object({
  cluster: z.string().trim().max(100).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
});

/** FormData → plain object, keeping repeated fields (multi-selects) as arrays. */
export function formFields(formData: FormData, arrays: readonly string[] = ["primary", "secondary", "security"]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = arrays.includes(key) ? values : values[0];
  }
  return out;
}
