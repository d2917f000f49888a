import type {
  ActionItemStatus,
  ClusterProvider,
  ExerciseAttendance,
  ExerciseKind,
  ExerciseStatus,
  FindingCategory,
  FindingSeverity,
  FindingStatus,
  ContainerRuntime,
  Criticality,
  CustodyAction,
  EvidenceKind,
  DetectionSourceKind,
  Environment,
  FalcoPriority,
  IncidentStatus,
  IncidentType,
  OwnershipRole,
  PlaybookPhase,
  Role,
  RunStatus,
  RunStepStatus,
  TimelineKind,
  WorkloadKind,
} from "@/lib/dto/enums";
import { FALCO_PRIORITY_NAMES } from "@/lib/domain/falco/priority-names";

// The words people read for each enum value: one `Record<Enum, string>` per enum, here and nowhere
// else (decision 019). The Record type makes a new enum value a compile error until it has its
// word; labels.test.ts checks every map against the generated enum at run time as well.

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Admin",
  IR_MANAGER: "IR manager",
  RESPONDER: "Responder",
  AUDITOR: "Auditor",
};

export const INCIDENT_STATUS_LABELS: Record<IncidentStatus, string> = {
  OPEN: "Open",
  TRIAGED: "Triaged",
  CONTAINED: "Contained",
  ERADICATED: "Eradicated",
  RECOVERED: "Recovered",
  CLOSED: "Closed",
};

/** In the order the playbook forms and the library filter offer them (the common ones first). */
export const INCIDENT_TYPE_LABELS: Record<IncidentType, string> = {
  SHELL_IN_CONTAINER: "Shell in a container",
  CRYPTOMINING: "Cryptomining",
  CONTAINER_ESCAPE: "Container escape",
  MALICIOUS_IMAGE: "Malicious or compromised image",
  CREDENTIAL_ACCESS: "Credential access / leaked secrets",
  RANSOMWARE: "Ransomware",
  DATA_EXFILTRATION: "Data exfiltration",
  MALWARE: "Malware",
  PERSISTENCE: "Persistence",
  DISCOVERY: "Discovery",
  OTHER: "Other",
};

export const TIMELINE_KIND_LABELS: Record<TimelineKind, string> = {
  ALERT: "Alert",
  STATUS_CHANGE: "Status",
  NOTE: "Note",
  ASSIGNMENT: "Assignment",
  OWNERS: "Owners",
  EVIDENCE: "Evidence",
  RUN: "Playbook run",
  SYSTEM: "System",
};

export const PLAYBOOK_PHASE_LABELS: Record<PlaybookPhase, string> = {
  PREPARATION: "Preparation",
  DETECTION_ANALYSIS: "Detection & analysis",
  CONTAINMENT: "Containment",
  ERADICATION: "Eradication",
  RECOVERY: "Recovery",
  POST_INCIDENT: "Post-incident",
};

export const RUN_STATUS_LABELS: Record<RunStatus, string> = {
  ACTIVE: "Active",
  COMPLETED: "Completed",
  ABANDONED: "Abandoned",
};

export const RUN_STEP_STATUS_LABELS: Record<RunStepStatus, string> = {
  TODO: "To do",
  IN_PROGRESS: "In progress",
  DONE: "Done",
  SKIPPED: "Skipped",
  BLOCKED: "Blocked",
};

/** In the order the new-source form offers them (falcosidekick is the usual sender). */
export const DETECTION_SOURCE_KIND_LABELS: Record<DetectionSourceKind, string> = {
  FALCOSIDEKICK: "falcosidekick",
  FALCO: "Falco",
  GENERIC: "Generic",
};

/** As Falco itself prints them, most severe first. */
export const FALCO_PRIORITY_LABELS: Readonly<Record<FalcoPriority, string>> = FALCO_PRIORITY_NAMES;

export const CLUSTER_PROVIDER_LABELS: Record<ClusterProvider, string> = {
  EKS: "Amazon EKS",
  GKE: "Google GKE",
  AKS: "Azure AKS",
  OPENSHIFT: "OpenShift",
  ON_PREMISES: "On-premises",
  OTHER: "Other",
};

export const CONTAINER_RUNTIME_LABELS: Record<ContainerRuntime, string> = {
  CONTAINERD: "containerd",
  CRI_O: "CRI-O",
  DOCKER: "Docker",
};

export const ENVIRONMENT_LABELS: Record<Environment, string> = {
  PRODUCTION: "Production",
  STAGING: "Staging",
  DEVELOPMENT: "Development",
};

export const CRITICALITY_LABELS: Record<Criticality, string> = {
  CRITICAL: "Critical",
  HIGH: "High",
  MEDIUM: "Medium",
  LOW: "Low",
};

export const WORKLOAD_KIND_LABELS: Record<WorkloadKind, string> = {
  DEPLOYMENT: "Deployment",
  STATEFULSET: "StatefulSet",
  DAEMONSET: "DaemonSet",
  JOB: "Job",
  CRONJOB: "CronJob",
  POD: "Pod",
  OTHER: "Other",
};

/** The role an ownership gives a contact on a cluster, namespace or workload. */
export const OWNERSHIP_ROLE_LABELS: Record<OwnershipRole, string> = {
  PRIMARY: "DevOps primary owner",
  SECONDARY: "DevOps secondary owner",
  SECURITY: "Security owner",
};

export const EXERCISE_KIND_LABELS: Readonly<Record<ExerciseKind, string>> = { TABLETOP: "Tabletop", PURPLE_TEAM: "Purple team" };

export const EXERCISE_STATUS_LABELS: Readonly<Record<ExerciseStatus, string>> = {
  PLANNED: "Planned",
  IN_PROGRESS: "In progress",
  COMPLETED: "Completed",
  CANCELLED: "Cancelled",
};

export const EXERCISE_ATTENDANCE_LABELS: Readonly<Record<ExerciseAttendance, string>> = {
  INVITED: "Invited",
  ATTENDED: "Attended",
  ABSENT: "Absent",
};

export const FINDING_CATEGORY_LABELS: Readonly<Record<FindingCategory, string>> = {
  PLAN: "Plan",
  PLAYBOOK: "Playbook",
  DETECTION: "Detection",
  TOOLING: "Tooling",
  PEOPLE: "People and training",
  COMMUNICATION: "Communication",
  OTHER: "Other",
};

export const FINDING_SEVERITY_LABELS: Readonly<Record<FindingSeverity, string>> = {
  CRITICAL: "Critical",
  HIGH: "High",
  MEDIUM: "Medium",
  LOW: "Low",
};

export const FINDING_STATUS_LABELS: Readonly<Record<FindingStatus, string>> = {
  OPEN: "Open",
  RESOLVED: "Resolved",
  ACCEPTED: "Accepted",
};

export const ACTION_ITEM_STATUS_LABELS: Readonly<Record<ActionItemStatus, string>> = {
  OPEN: "Open",
  IN_PROGRESS: "In progress",
  DONE: "Done",
  WONT_FIX: "Won't fix",
};

export const EVIDENCE_KIND_LABELS: Readonly<Record<EvidenceKind, string>> = {
  IMAGE: "Image by digest",
  FILESYSTEM_DIFF: "Container filesystem diff",
  CONTAINER_EXPORT: "Container filesystem export",
  CHECKPOINT: "Checkpoint archive",
  LOGS: "Container logs",
  MANIFEST: "Pod or workload manifest",
  KUBERNETES_EVENTS: "Kubernetes events",
  NETWORK_CAPTURE: "Network capture",
  FALCO_CAPTURE: "Falco capture file",
  MEMORY: "Memory dump",
  NODE_ARTEFACT: "Node artefact",
  ALERT_RECORD: "Alert record",
  OTHER: "Other",
};

export const CUSTODY_ACTION_LABELS: Readonly<Record<CustodyAction, string>> = {
  COLLECTED: "Collected",
  TRANSFERRED: "Transferred",
  ACCESSED: "Accessed",
  VERIFIED: "Verified",
  RELEASED: "Released",
  DISPOSED: "Disposed of",
};

export type Option<E extends string = string> = { value: E; label: string };

/** A label map as the `{value, label}` list a select or a set of checkboxes offers, in the map's order. */
export function optionsOf<E extends string>(labels: Readonly<Record<E, string>>): Option<E>[] {
  return (Object.keys(labels) as E[]).map((value) => ({ value, label: labels[value] }));
}
