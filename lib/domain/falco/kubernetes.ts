/**
 * Container and Kubernetes context that Falco events carry only implicitly: the workload behind a
 * pod name, an image reference split into repository/tag/digest, container ids in Falco's short
 * form. Alerts correlate on the workload, so these rules decide which alerts share an incident.
 */

import { checkDns1123Label } from "@/lib/domain/kubernetes-names";

// Kubernetes' rand.SafeEncodeString alphabet (no vowels, no 0/1/3), used for both the ReplicaSet's
// pod-template-hash and the pod's random suffix. Matching only these characters keeps ordinary
// names such as `nginx-proxy` from being mistaken for generated ones.
// bcdfghjklmnpqrstvwxz2456789, written with ranges as the regexp lint wants.
const SAFE = "[bcdfghj-np-tv-xz24-9]";
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

/**
 * The value after the first `key=` that starts the text or follows a space or `(`, up to the next
 * whitespace. A scan with indexOf rather than a regular expression: an output of a million
 * `key=` fragments costs one pass, not one pass per fragment.
 */
const MAX_OUTPUT_VALUE = 1024;
/** Space, tab, newline, carriage return, vertical tab, form feed: what separates Falco's `key=value` pairs. */
const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d, 0x0b, 0x0c]);

function outputValue(output: string, key: string): string | null {
  const needle = `${key}=`;
  for (let i = output.indexOf(needle); i >= 0; i = output.indexOf(needle, i + 1)) {
    const before = i === 0 ? " " : output[i - 1]!;
    if (before !== "(" && !WHITESPACE.has(before.charCodeAt(0))) continue;
    const start = i + needle.length;
    // No value we read (an image reference, a container id) is longer than this: stop there.
    const limit = Math.min(output.length, start + MAX_OUTPUT_VALUE);
    let end = start;
    while (end < limit && !WHITESPACE.has(output.charCodeAt(end))) end++;
    return output.slice(start, end);
  }
  return null;
}

/** `image=…` as Falco's rule outputs print it; `<NA>` means Falco had no value. */
export function imageFromOutput(output: string): ImageRef | null {
  const value = outputValue(output, "image");
  if (!value) return null;
  let end = value.length;
  while (end > 0 && value[end - 1] === ")") end--;
  const ref = value.slice(0, end);
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
  const needle = "container_id=";
  for (let i = output.indexOf(needle); i >= 0; i = output.indexOf(needle, i + 1)) {
    const before = i === 0 ? " " : output[i - 1]!;
    if (before !== "(" && !/\s/.test(before)) continue;
    // At most 64 hex digits (or `host`), then whitespace, `)` or the end: bounded work per fragment.
    const m = /^(?:[0-9a-f]{12,64}|host)(?=[\s)]|$)/i.exec(output.slice(i + needle.length, i + needle.length + 65));
    if (m) return m[0];
  }
  return null;
}

/** The namespace in a Kubernetes API path (`/api/v1/namespaces/default/events/…`), for audit events. */
export function namespaceFromApiPath(uri: string): string | null {
  const marker = "/namespaces/";
  const at = uri.indexOf(marker);
  if (at < 0) return null;
  const start = at + marker.length;
  let end = start;
  while (end < uri.length && uri[end] !== "/" && uri[end] !== "?") end++;
  const name = uri.slice(start, end);
  return checkDns1123Label(name).ok ? name : null;
}

/**
 * `ip:port->ip:port`, Falco's fd.name for a connected socket (IPv6 addresses included). Split at
 * the one `->`, not matched with `\S+:\d+` twice: that pattern backtracks quadratically, and a
 * 640 kB fd.name held the server for 145 s.
 */
export function isConnectionTuple(value: string): boolean {
  const arrow = value.indexOf("->");
  if (arrow < 0 || value.indexOf("->", arrow + 2) >= 0) return false;
  return isEndpoint(value.slice(0, arrow)) && isEndpoint(value.slice(arrow + 2));
}

/** `host:port` with a non-empty host without whitespace and a numeric port. */
function isEndpoint(text: string): boolean {
  const colon = text.lastIndexOf(":");
  return colon > 0 && /^\d+$/.test(text.slice(colon + 1)) && !/\s/.test(text.slice(0, colon));
}
