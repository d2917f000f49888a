import type { AlertColumns } from "@/lib/domain/falco/normalize";
import type { TemplateContext } from "@/lib/domain/playbook-template";

/**
 * The container context a run renders its instructions with, taken from the incident and its
 * alerts. The incident carries where it happened (cluster/namespace/workload, its correlation
 * key); the pod, container, image and node live only on the alerts, because containers come and
 * go while the incident stays. The newest alert that names a container is the one responders act
 * on; fields it lacks (a digest, a node) are filled from other alerts of the same container.
 */

/** What a run's context reads of an alert: where it happened, down to the container and node. */
export type ContextAlert = Pick<
  AlertColumns,
  | "eventTime"
  | "cluster"
  | "namespace"
  | "workload"
  | "podName"
  | "containerId"
  | "containerName"
  | "imageRepository"
  | "imageTag"
  | "imageDigest"
  | "nodeName"
  | "hostname"
>;

export type ContextIncident = {
  key: string;
  cluster: string | null;
  namespace: string | null;
  workload: string | null;
};

export type ContextOwners = { primary: string | null; secondary: string[] };

/** The alert whose container the run is about: newest with a container id, else newest with a pod, else newest. */
function primaryAlert(alerts: readonly ContextAlert[]): ContextAlert | null {
  const newestFirst = [...alerts].sort((a, b) => b.eventTime.getTime() - a.eventTime.getTime());
  return newestFirst.find((a) => a.containerId) ?? newestFirst.find((a) => a.podName) ?? newestFirst[0] ?? null;
}

function imageRef(a: ContextAlert): string | null {
  if (!a.imageRepository) return null;
  return a.imageTag ? `${a.imageRepository}:${a.imageTag}` : a.imageRepository;
}

export function buildRunContext(incident: ContextIncident, alerts: readonly ContextAlert[], owners: ContextOwners): TemplateContext {
  const primary = primaryAlert(alerts);
  // Other alerts of the same container (or pod, when there is no container id), newest first.
  const sameContainer = primary
    ? [...alerts]
        .filter((a) =>
          primary.containerId ? a.containerId === primary.containerId : primary.podName ? a.podName === primary.podName : a === primary,
        )
        .sort((a, b) => b.eventTime.getTime() - a.eventTime.getTime())
    : [];
  const first = <T>(pick: (a: ContextAlert) => T | null): T | null => {
    for (const a of primary ? [primary, ...sameContainer] : []) {
      const v = pick(a);
      if (v) return v;
    }
    return null;
  };
  return {
    incident_key: incident.key,
    cluster: incident.cluster ?? first((a) => a.cluster),
    namespace: incident.namespace ?? first((a) => a.namespace),
    workload: incident.workload ?? first((a) => a.workload),
    pod: first((a) => a.podName),
    container_id: first((a) => a.containerId),
    container_name: first((a) => a.containerName),
    image: first(imageRef),
    image_digest: first((a) => a.imageDigest),
    node: first((a) => a.nodeName ?? a.hostname),
    primary_owner: owners.primary,
    // "If the primary does not answer, {{secondary_owner}}": every secondary reads as an alternative.
    secondary_owner: owners.secondary.length ? owners.secondary.join(" or ") : null,
  };
}
