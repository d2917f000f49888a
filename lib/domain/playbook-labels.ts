import type { IncidentType, PlaybookPhase } from "@/lib/generated/prisma/enums";
import { PLAN_ROLE_DEFAULTS, type PlanRoleKind } from "@/lib/domain/plan-roles";
import type { Placeholder } from "@/lib/domain/playbook-template";

/** The NIST SP 800-61 r2 phases in the order a response walks through them (section 3). */
export const PLAYBOOK_PHASES: readonly PlaybookPhase[] = [
  "PREPARATION",
  "DETECTION_ANALYSIS",
  "CONTAINMENT",
  "ERADICATION",
  "RECOVERY",
  "POST_INCIDENT",
];

export const PHASE_LABELS: Record<PlaybookPhase, string> = {
  PREPARATION: "Preparation",
  DETECTION_ANALYSIS: "Detection & analysis",
  CONTAINMENT: "Containment",
  ERADICATION: "Eradication",
  RECOVERY: "Recovery",
  POST_INCIDENT: "Post-incident",
};

export const INCIDENT_TYPES: readonly IncidentType[] = [
  "SHELL_IN_CONTAINER",
  "CRYPTOMINING",
  "CONTAINER_ESCAPE",
  "MALICIOUS_IMAGE",
  "CREDENTIAL_ACCESS",
  "RANSOMWARE",
  "DATA_EXFILTRATION",
  "MALWARE",
  "PERSISTENCE",
  "DISCOVERY",
  "OTHER",
];

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

/** The plan's own names for its roles, so a step says "Security lead" as the plan does. */
export function responsibleRoleLabel(role: PlanRoleKind | null): string {
  return role ? PLAN_ROLE_DEFAULTS[role].name : "Anyone on the incident";
}

/** What each `{{placeholder}}` becomes when a run renders a step from its incident. */
export const PLACEHOLDER_MEANINGS: Record<Placeholder, string> = {
  cluster: "The cluster the alerts came from (e.g. prod-eu).",
  namespace: "The Kubernetes namespace of the affected workload.",
  pod: "The pod name from the alerts.",
  container_id: "The runtime's container id (12 hex characters, as Falco reports it).",
  container_name: "The container's name inside the pod.",
  image: "The image repository (without tag or digest).",
  image_digest: "The image digest (sha256:…) — the only reliable way to name the image.",
  node: "The node the pod ran on.",
  workload: "The owning workload (Deployment, StatefulSet, DaemonSet…).",
  incident_key: "The incident's key, e.g. INC-0042 — use it to name evidence files.",
  primary_owner: "The DevOps primary owner of the namespace (or of its cluster).",
  secondary_owner: "The first DevOps secondary owner of the namespace (or of its cluster).",
};
