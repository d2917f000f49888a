/**
 * The container dossier: per container and per workload of an incident, what its alerts recorded
 * it doing. Containers are short-lived (many live under five minutes), so by the time someone
 * looks, the alert stream is often all that is left of them.
 *
 * The grouping itself runs in SQL (lib/dal/incident-dossier.ts: GROUP BY container id and by
 * namespace/workload, counts, first and last seen, at most `DOSSIER_SAMPLES` distinct values per
 * list), so an incident of 100,000 alerts costs the page a few dozen rows; this module labels the
 * groups and decides what a responder is told about each.
 */

/** One group as the database aggregates it; lists hold distinct values, at most `DOSSIER_SAMPLES` each. */
export type DossierGroup = {
  kind: "container" | "workload";
  /** Container id, or `namespace/workload` (the pod name when no workload was derived). */
  key: string;
  namespace: string | null;
  workload: string | null;
  containerId: string | null;
  containerNames: string[];
  pods: string[];
  images: { repository: string; tag: string | null; digest: string | null }[];
  nodes: string[];
  processes: string[];
  files: string[];
  connections: string[];
  users: string[];
  alertCount: number;
  firstSeen: Date;
  lastSeen: Date;
};

export type DossierEntry = {
  /** Container id when the alerts carry one, else `namespace/workload`. */
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

/** Keeps each list readable (and the page within its size budget); the alerts table has the rest. */
export const DOSSIER_SAMPLES = 10;

/** Groups shown per kind, most recently active first; the rest are counted. */
export const DOSSIER_GROUPS = 10;

/** Characters kept of each listed value (alert text, any length); the alert's own page has it whole. */
export const DOSSIER_VALUE_CHARS = 160;

function label(g: DossierGroup): string {
  if (g.kind === "container") {
    const name = g.containerNames[0];
    return name ? `${name} (${g.containerId ?? g.key})` : (g.containerId ?? g.key);
  }
  return g.namespace ? `${g.namespace}/${g.workload ?? g.key}` : (g.workload ?? g.key);
}

/**
 * One entry per workload (all its containers together) and one per container id, each most
 * recently active first. Alerts without a container id (host or Kubernetes audit events) count
 * only toward their workload (the SQL groups them so).
 */
export function buildDossier(
  groups: readonly DossierGroup[],
  now: Date,
  lifetimeMinutes = DEFAULT_LIFETIME_MINUTES,
): { workloads: DossierEntry[]; containers: DossierEntry[] } {
  const lifetimeMs = lifetimeMinutes * 60_000;
  const entries = groups.map((g): DossierEntry => ({
    id: g.key,
    kind: g.kind,
    label: label(g),
    pods: g.pods.slice(0, DOSSIER_SAMPLES),
    containerNames: g.containerNames.slice(0, DOSSIER_SAMPLES),
    images: g.images.slice(0, DOSSIER_SAMPLES),
    nodes: g.nodes.slice(0, DOSSIER_SAMPLES),
    processes: g.processes.slice(0, DOSSIER_SAMPLES),
    files: g.files.slice(0, DOSSIER_SAMPLES),
    connections: g.connections.slice(0, DOSSIER_SAMPLES),
    users: g.users.slice(0, DOSSIER_SAMPLES),
    alertCount: g.alertCount,
    firstSeen: g.firstSeen,
    lastSeen: g.lastSeen,
    probablyGone: now.getTime() - g.lastSeen.getTime() > lifetimeMs,
  }));
  const newestFirst = (x: DossierEntry, y: DossierEntry) => y.lastSeen.getTime() - x.lastSeen.getTime() || x.id.localeCompare(y.id);
  return {
    workloads: entries.filter((e) => e.kind === "workload").sort(newestFirst),
    containers: entries.filter((e) => e.kind === "container").sort(newestFirst),
  };
}
