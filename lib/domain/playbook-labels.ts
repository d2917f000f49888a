import { keysOf, PlaybookPhase, valuesOf, type IncidentType } from "@/lib/dto/enums";
import { INCIDENT_TYPE_LABELS } from "@/lib/dto/labels";
import { PLAN_ROLE_DEFAULTS, type PlanRoleKind } from "@/lib/domain/plan-roles";
import type { Placeholder } from "@/lib/domain/playbook-template";

/** The NIST SP 800-61 r2 phases in the order a response walks through them (section 3). */
// The schema declares the phases in the order a response walks through them.
export const PLAYBOOK_PHASES: readonly PlaybookPhase[] = valuesOf(PlaybookPhase);

/** In the order the forms offer them, which is the label map's. */
export const INCIDENT_TYPES: readonly IncidentType[] = keysOf(INCIDENT_TYPE_LABELS);

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
