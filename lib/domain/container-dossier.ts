/**
 * The container dossier: per container and per workload of an incident, what its alerts recorded
 * it doing. Containers are short-lived (many live under five minutes), so by the time someone
 * looks, the alert stream is often all that is left of them.
 */

export type DossierAlert = {
  eventTime: Date;
  containerId: string | null;
  containerName: string | null;
  podName: string | null;
  workload: string | null;
  namespace: string | null;
  imageRepository: string | null;
  imageTag: string | null;
  imageDigest: string | null;
  nodeName: string | null;
  processName: string | null;
  processCmdline: string | null;
  userName: string | null;
  fileName: string | null;
  connection: string | null;
};

export type DossierEntry = {
  /** Container id when the alerts carry one, else the pod or workload name. */
  id: string;
  kind: "container" | "workload";
  label: string;
  pods: string[];
  containerNames: string[];
  images: { repository: string; tag: string | null; digest: string | null }[];
  nodes: string[];
  processes: string[];
  files: string[];
  connections: string[];
  users: string[];
  alertCount: number;
  firstSeen: Date;
  lastSeen: Date;
  /** Heuristic only: no alert for longer than the lifetime; the container may still be running quietly. */
  probablyGone: boolean;
};

/** How long without an alert before a container is shown as probably gone, unless configured (BULKHEAD_CONTAINER_LIFETIME_MINUTES). */
export const DEFAULT_LIFETIME_MINUTES = 15;

/** Keeps each list readable; the alerts table has the rest. */
const MAX_ITEMS = 20;

type Acc = Omit<DossierEntry, "pods" | "containerNames" | "images" | "nodes" | "processes" | "files" | "connections" | "users" | "probablyGone"> & {
  sets: Record<"pods" | "containerNames" | "nodes" | "processes" | "files" | "connections" | "users", Set<string>>;
  images: Map<string, { repository: string; tag: string | null; digest: string | null }>;
};

function add(set: Set<string>, value: string | null) {
  if (value && set.size < MAX_ITEMS) set.add(value);
}

function accumulate(groups: Map<string, Acc>, key: string, kind: DossierEntry["kind"], label: string, a: DossierAlert) {
  let g = groups.get(key);
  if (!g) {
    g = {
      id: key, kind, label, alertCount: 0, firstSeen: a.eventTime, lastSeen: a.eventTime,
      sets: { pods: new Set(), containerNames: new Set(), nodes: new Set(), processes: new Set(), files: new Set(), connections: new Set(), users: new Set() },
      images: new Map(),
    };
    groups.set(key, g);
  }
  g.alertCount += 1;
  if (a.eventTime < g.firstSeen) g.firstSeen = a.eventTime;
  if (a.eventTime > g.lastSeen) g.lastSeen = a.eventTime;
  add(g.sets.pods, a.podName);
  add(g.sets.containerNames, a.containerName);
  add(g.sets.nodes, a.nodeName);
  add(g.sets.processes, a.processCmdline ?? a.processName);
  add(g.sets.files, a.fileName);
  add(g.sets.connections, a.connection);
  add(g.sets.users, a.userName);
  if (a.imageRepository) {
    const imageKey = `${a.imageRepository}:${a.imageTag ?? ""}@${a.imageDigest ?? ""}`;
    if (!g.images.has(imageKey) && g.images.size < MAX_ITEMS) g.images.set(imageKey, { repository: a.imageRepository, tag: a.imageTag, digest: a.imageDigest });
  }
}

function finish(g: Acc, now: Date, lifetimeMs: number): DossierEntry {
  const { sets, images, ...rest } = g;
  return {
    ...rest,
    pods: [...sets.pods], containerNames: [...sets.containerNames], nodes: [...sets.nodes], processes: [...sets.processes],
    files: [...sets.files], connections: [...sets.connections], users: [...sets.users], images: [...images.values()],
    probablyGone: now.getTime() - g.lastSeen.getTime() > lifetimeMs,
  };
}

/**
 * One entry per workload (all its containers together) and one per container id, each newest
 * first. Alerts without a container id (host or Kubernetes audit events) count only toward their
 * workload.
 */
export function buildDossier(
  alerts: readonly DossierAlert[],
  now: Date,
  lifetimeMinutes = DEFAULT_LIFETIME_MINUTES,
): { workloads: DossierEntry[]; containers: DossierEntry[] } {
  const lifetimeMs = lifetimeMinutes * 60_000;
  const workloads = new Map<string, Acc>();
  const containers = new Map<string, Acc>();
  for (const a of alerts) {
    const workload = a.workload ?? a.podName;
    if (workload) accumulate(workloads, `${a.namespace ?? "-"}/${workload}`, "workload", a.namespace ? `${a.namespace}/${workload}` : workload, a);
    if (a.containerId) accumulate(containers, a.containerId, "container", a.containerName ? `${a.containerName} (${a.containerId})` : a.containerId, a);
  }
  const newestFirst = (x: DossierEntry, y: DossierEntry) => y.lastSeen.getTime() - x.lastSeen.getTime();
  return {
    workloads: [...workloads.values()].map((g) => finish(g, now, lifetimeMs)).sort(newestFirst),
    containers: [...containers.values()].map((g) => finish(g, now, lifetimeMs)).sort(newestFirst),
  };
}
