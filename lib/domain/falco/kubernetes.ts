/**
 * Container and Kubernetes context that Falco events carry only implicitly: the workload behind a
 * pod name, an image reference split into repository/tag/digest, container ids in Falco's short
 * form. Alerts correlate on the workload, so these rules decide which alerts share an incident.
 */

// Kubernetes' rand.SafeEncodeString alphabet (no vowels, no 0/1/3), used for both the ReplicaSet's
// pod-template-hash and the pod's random suffix. Matching only these characters keeps ordinary
// names such as `nginx-proxy` from being mistaken for generated ones.
const SAFE = "[bcdfghjklmnpqrstvwxz2456789]";
const DEPLOYMENT_POD = new RegExp(`^(.+)-${SAFE}{5,10}-${SAFE}{5}$`);
/** A CronJob's Job is `<cronjob>-<scheduled minute since epoch>`, its pod adds a random suffix. */
const CRONJOB_POD = new RegExp(`^(.+)-\\d{8,10}-${SAFE}{5}$`);
/** DaemonSet and Job pods: `<name>-<5 random>`. */
const RANDOM_SUFFIX_POD = new RegExp(`^(.+)-${SAFE}{5}$`);
/** StatefulSet pods: `<name>-<ordinal>`. */
const STATEFULSET_POD = /^(.+)-\d+$/;
const REPLICASET = new RegExp(`^(.+)-${SAFE}{5,10}$`);

/** Owner fields, most specific meaning first: Falco's k8s.* fields and the k8smeta plugin's k8smeta.*. */
const OWNER_FIELDS = [
  "k8s.deployment.name",
  "k8smeta.deployment.name",
  "k8s.statefulset.name",
  "k8smeta.statefulset.name",
  "k8s.daemonset.name",
  "k8smeta.daemonset.name",
  "k8smeta.cronjob.name",
  "k8smeta.job.name",
  "k8s.rc.name",
  "k8smeta.rc.name",
];
const REPLICASET_FIELDS = ["k8s.rs.name", "k8smeta.rs.name"];

type FieldReader = (key: string) => string | null;

/** The workload a pod belongs to, judged from its name alone (a bare pod is its own workload). */
export function workloadFromPodName(pod: string): string {
  for (const pattern of [DEPLOYMENT_POD, CRONJOB_POD, RANDOM_SUFFIX_POD, STATEFULSET_POD]) {
    const m = pattern.exec(pod);
    if (m) return m[1]!;
  }
  return pod;
}

/** Owner fields win over the pod name: they are what Kubernetes itself says. */
export function deriveWorkload(field: FieldReader, pod: string | null): string | null {
  for (const key of OWNER_FIELDS) {
    const v = field(key);
    if (v) return v;
  }
  for (const key of REPLICASET_FIELDS) {
    const v = field(key);
    if (v) return REPLICASET.exec(v)?.[1] ?? v;
  }
  return pod ? workloadFromPodName(pod) : null;
}

export type ImageRef = { repository: string | null; tag: string | null; digest: string | null };

/** `registry:5000/team/app:1.2@sha256:…` → repository, tag, digest. A colon before the last `/` is a port. */
export function parseImageReference(ref: string): ImageRef {
  let rest = ref.trim();
  let digest: string | null = null;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1) || null;
    rest = rest.slice(0, at);
  }
  let tag: string | null = null;
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) {
    tag = rest.slice(colon + 1) || null;
    rest = rest.slice(0, colon);
  }
  return { repository: rest || null, tag, digest };
}

/** `image=…` as Falco's rule outputs print it; `<NA>` means Falco had no value. */
export function imageFromOutput(output: string): ImageRef | null {
  const ref = /(?:^|[\s(])image=(\S+)/.exec(output)?.[1]?.replace(/\)+$/, "");
  if (!ref || ref === "<NA>") return null;
  return parseImageReference(ref);
}

/**
 * Falco prints 12-character container ids; runtimes and some outputs use the full 64. Both become
 * the 12-character form so that alerts about one container line up. `host` is not a container.
 */
export function shortContainerId(id: string): string {
  return /^[0-9a-f]{64}$/i.test(id) ? id.slice(0, 12).toLowerCase() : id;
}

/** A container id from the output text when output_fields lack it (`container_id=` is in most rules' outputs). */
export function containerIdFromOutput(output: string): string | null {
  const m = /(?:^|[\s(])container_id=([0-9a-fA-F]{12,64}|host)(?=[\s)]|$)/.exec(output);
  return m ? m[1]! : null;
}

/** The namespace in a Kubernetes API path (`/api/v1/namespaces/default/events/…`), for audit events. */
export function namespaceFromApiPath(uri: string): string | null {
  return /\/namespaces\/([a-z0-9]([-a-z0-9]*[a-z0-9])?)(?:[/?]|$)/.exec(uri)?.[1] ?? null;
}

/** `ip:port->ip:port`, Falco's fd.name for a connected socket (IPv6 addresses included). */
export function isConnectionTuple(value: string): boolean {
  return /^\S+:\d+->\S+:\d+$/.test(value);
}
