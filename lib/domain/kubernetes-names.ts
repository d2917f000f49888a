/**
 * Kubernetes' own rules for the names an alert carries (k8s.io/apimachinery/pkg/util/validation):
 * a namespace and a container name are DNS-1123 labels (≤ 63), a pod, a workload and a node are
 * DNS-1123 subdomains (≤ 253). Images follow the distribution reference grammar
 * (github.com/distribution/reference), digests are `sha256:` + 64 hex, container ids Falco's 12 or
 * the runtime's 64 hex (or `host`). Everything an alert carries is written by whoever controls the
 * container: a value that breaks these rules is not a name, whatever it looks like, and never goes
 * into a command as one. Every check measures the length first, so no pattern ever sees more than
 * a few hundred characters.
 */

export type NameCheck = { ok: true } | { ok: false; reason: string };

export type NameKind = "namespace" | "pod" | "workload" | "container_name" | "node" | "cluster" | "image" | "image_digest" | "container_id";

const OK: NameCheck = { ok: true };
const refuse = (reason: string): NameCheck => ({ ok: false, reason });

const LABEL = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?$/;
export const DNS1123_LABEL_MAX = 63;
export const DNS1123_SUBDOMAIN_MAX = 253;

/** The project's rule for a cluster name (as alerts and the plan name it): see ClusterName in lib/validation/platform. */
export const CLUSTER_NAME = /^[A-Z0-9][\w.-]*$/i;
export const CLUSTER_NAME_MAX = 100;

const LABEL_RULE = "lowercase letters, digits and '-', starting and ending with a letter or digit";

export function checkDns1123Label(value: string): NameCheck {
  if (value.length === 0) return refuse("is empty");
  if (value.length > DNS1123_LABEL_MAX) return refuse(`is ${value.length} characters; a DNS-1123 label has at most ${DNS1123_LABEL_MAX}`);
  return LABEL.test(value) ? OK : refuse(`is not a DNS-1123 label (${LABEL_RULE})`);
}

/** Dot-separated labels; Kubernetes bounds only the whole name (253), not each label. */
export function checkDns1123Subdomain(value: string): NameCheck {
  if (value.length === 0) return refuse("is empty");
  if (value.length > DNS1123_SUBDOMAIN_MAX)
    return refuse(`is ${value.length} characters; a DNS-1123 subdomain has at most ${DNS1123_SUBDOMAIN_MAX}`);
  return value.split(".").every((label) => LABEL.test(label))
    ? OK
    : refuse(`is not a DNS-1123 subdomain (${LABEL_RULE}, in parts separated by '.')`);
}

export function checkClusterName(value: string): NameCheck {
  if (value.length === 0) return refuse("is empty");
  if (value.length > CLUSTER_NAME_MAX) return refuse(`is ${value.length} characters; a cluster name has at most ${CLUSTER_NAME_MAX}`);
  return CLUSTER_NAME.test(value)
    ? OK
    : refuse("is not a cluster name (letters, digits, '.', '_' and '-', starting with a letter or digit)");
}

const DIGEST = /^sha256:[0-9a-f]{64}$/;

export function checkImageDigest(value: string): NameCheck {
  return value.length === 71 && DIGEST.test(value) ? OK : refuse("is not an image digest (sha256: and 64 lowercase hex digits)");
}

const CONTAINER_ID = /^(?:[0-9a-f]{12}|[0-9a-f]{64})$/i;

export function checkContainerId(value: string): NameCheck {
  return value === "host" || ((value.length === 12 || value.length === 64) && CONTAINER_ID.test(value))
    ? OK
    : refuse("is not a container id (12 or 64 hex digits, or host)");
}

/** The reference grammar's limits: a repository name of at most 255 characters, a tag of at most 128. */
const REPOSITORY_MAX = 255;
const TAG = /^\w[\w.-]{0,127}$/;
/** A path component: lowercase alphanumerics joined by one `.`, one or two `_`, or any run of `-`. */
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
/** A registry host (a DNS name or IPv4 address, or a bracketed IPv6 address) with an optional port. */
const DOMAIN_NAME = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*(?::\d{1,5})?$/i;
const DOMAIN_IPV6 = /^\[[0-9a-f:]{2,45}\](?::\d{1,5})?$/i;

/**
 * `[registry[:port]/]path[:tag][@digest]`, as the distribution reference grammar reads it: the first
 * component is the registry when it has a `.` or `:`, is `localhost`, or has an uppercase letter.
 */
export function checkImageReference(value: string): NameCheck {
  const invalid = refuse("is not an image reference ([registry/]repository[:tag][@sha256:…])");
  if (value.length === 0) return refuse("is empty");
  if (value.length > REPOSITORY_MAX + 1 + 128 + 1 + 71) return refuse(`is ${value.length} characters; too long for an image reference`);
  let rest = value;
  const at = rest.indexOf("@");
  if (at >= 0) {
    if (!checkImageDigest(rest.slice(at + 1)).ok) return invalid;
    rest = rest.slice(0, at);
  }
  const slash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  if (colon > slash) {
    if (!TAG.test(rest.slice(colon + 1))) return invalid;
    rest = rest.slice(0, colon);
  }
  if (rest.length === 0 || rest.length > REPOSITORY_MAX) return invalid;
  const components = rest.split("/");
  const first = components[0]!;
  if (components.length > 1 && (first.includes(".") || first.includes(":") || first === "localhost" || first !== first.toLowerCase())) {
    if (!DOMAIN_NAME.test(first) && !DOMAIN_IPV6.test(first)) return invalid;
    components.shift();
  }
  return components.every((c) => PATH_COMPONENT.test(c)) ? OK : invalid;
}

/** Which rule each kind of name follows. */
export function checkKubernetesName(kind: NameKind, value: string): NameCheck {
  switch (kind) {
    case "namespace":
    case "container_name":
      return checkDns1123Label(value);
    case "pod":
    case "workload":
    case "node":
      return checkDns1123Subdomain(value);
    case "cluster":
      return checkClusterName(value);
    case "image":
      return checkImageReference(value);
    case "image_digest":
      return checkImageDigest(value);
    case "container_id":
      return checkContainerId(value);
  }
}
