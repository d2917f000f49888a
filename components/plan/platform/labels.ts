export type { FormAction } from "@/lib/form-state";
export type { ClusterDto, ContactOptionDto, ImportPreviewDto, MatrixRowDto, OwnerPersonDto } from "@/lib/dto/platform";

/** Display words for the platform enums, in the order forms offer them. */
export const PROVIDERS = [
  { value: "EKS", label: "Amazon EKS" },
  { value: "GKE", label: "Google GKE" },
  { value: "AKS", label: "Azure AKS" },
  { value: "OPENSHIFT", label: "OpenShift" },
  { value: "ON_PREMISES", label: "On-premises" },
  { value: "OTHER", label: "Other" },
] as const;

export const RUNTIMES = [
  { value: "CONTAINERD", label: "containerd" },
  { value: "CRI_O", label: "CRI-O" },
  { value: "DOCKER", label: "Docker" },
] as const;

export const ENVIRONMENTS = [
  { value: "PRODUCTION", label: "Production" },
  { value: "STAGING", label: "Staging" },
  { value: "DEVELOPMENT", label: "Development" },
] as const;

export const CRITICALITIES = [
  { value: "CRITICAL", label: "Critical" },
  { value: "HIGH", label: "High" },
  { value: "MEDIUM", label: "Medium" },
  { value: "LOW", label: "Low" },
] as const;

export const WORKLOAD_KINDS = [
  { value: "DEPLOYMENT", label: "Deployment" },
  { value: "STATEFULSET", label: "StatefulSet" },
  { value: "DAEMONSET", label: "DaemonSet" },
  { value: "JOB", label: "Job" },
  { value: "CRONJOB", label: "CronJob" },
  { value: "POD", label: "Pod" },
  { value: "OTHER", label: "Other" },
] as const;

export function labelOf(options: readonly { value: string; label: string }[], value: string): string {
  return options.find((o) => o.value === value)?.label ?? value;
}
