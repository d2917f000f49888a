import { FalcoPriority, valuesOf } from "@/lib/dto/enums";
import {
  containerIdFromOutput,
  deriveWorkload,
  imageFromOutput,
  isConnectionTuple,
  namespaceFromApiPath,
  parseImageReference,
  shortContainerId,
  type ImageRef,
} from "@/lib/domain/falco/kubernetes";
import { instantFromEpochNanos, parseRfc3339, type EventInstant } from "@/lib/domain/falco/time";

/**
 * One Falco event (Falco's JSON output, or falcosidekick's re-encoding of it) → the columns of an
 * Alert row. Normalises what differs in the wild — priority case, `source` `syscalls` (sic, from
 * falcosidekick), `null`/`<NA>` fields, 64-character container ids, `time` vs `evt.time`,
 * falcosidekick's custom fields — and keeps the event itself, as received, in `raw`.
 * Field names are Falco's (https://falco.org/docs/reference/rules/supported-fields/).
 */

/** Falco's priorities, most severe first (the FalcoPriority enum's order). */
export const FALCO_PRIORITIES = valuesOf(FalcoPriority);

const PRIORITY_NAMES: Record<string, FalcoPriority> = {
  ...Object.fromEntries(FALCO_PRIORITIES.map((p) => [p.toLowerCase(), p])),
  // Rule files write INFO; Falco prints "Informational". WARN appears in hand-written events.
  info: "INFORMATIONAL",
  warn: "WARNING",
};

/** The fields Falco and falcosidekick put at the top level; anything else is a forwarder's custom field. */
const EVENT_KEYS = new Set(["uuid", "output", "priority", "rule", "time", "output_fields", "source", "tags", "hostname"]);

/** What Falco prints for a field it has no value for. */
const NO_VALUE = "<NA>";
/** Falco ends a string it cut short with this. */
const TRUNCATION_MARK = "[...]";

/**
 * Column lengths, in characters. The event is written by whoever controls the container and is
 * kept whole in `raw`; the columns that pages show, indexes hold and templates read are capped. A
 * cut value ends in `…`, which no Kubernetes name contains, so a cut name can never pass for a
 * shorter real one. Names: Kubernetes' longest (a DNS-1123 subdomain, 253); the correlation index
 * holds cluster, namespace and workload together, and stays under PostgreSQL's 2,704-byte entry
 * limit even with four-byte characters at these lengths.
 */
export const COLUMN_CAPS = {
  cluster: 128,
  namespace: 128,
  name: 253,
  rule: 512,
  image: 512,
  short: 256,
  path: 4096,
  output: 16_384,
  tag: 128,
  tags: 64,
} as const;

/** The first `max` characters (counted in UTF-16 units, never splitting a pair), the last replaced by `…`. */
export function capText(value: string, max: number): string {
  if (value.length <= max) return value;
  let end = max - 1;
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${value.slice(0, end)}…`;
}

const cap = (value: string | null, max: number) => (value === null ? null : capText(value, max));

const METRICS_OUTPUT = "Falco metrics snapshot";
const METRICS_RULE = /^Falco internal: metrics snapshot$/i;

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** The Alert model's columns that come from the event (prisma/schema.prisma), not from the request. */
export type AlertColumns = {
  eventTime: Date;
  rule: string;
  priority: FalcoPriority;
  eventSource: string | null;
  output: string;
  tags: string[];
  hostname: string | null;
  cluster: string | null;
  namespace: string | null;
  podName: string | null;
  workload: string | null;
  containerId: string | null;
  containerName: string | null;
  imageRepository: string | null;
  imageTag: string | null;
  imageDigest: string | null;
  nodeName: string | null;
  processName: string | null;
  processCmdline: string | null;
  parentProcess: string | null;
  userName: string | null;
  fileName: string | null;
  connection: string | null;
  outputFields: Record<string, JsonValue>;
  raw: Record<string, JsonValue>;
};

export type NormalizedEvent = {
  alert: AlertColumns;
  /** The event time in nanoseconds since the epoch (decimal digits): exact, for the dedup key. */
  timeNanos: string;
  /** False for Falco's own operational events (metrics snapshots, `source: internal`): stored, never an incident. */
  security: boolean;
  /** `container.id: "host"`: the event happened on the node, outside any container. */
  hostEvent: boolean;
  /** Where Falco cut a string short (`output`, or output field names); the text is kept as it came. */
  truncated: string[];
};

export type NormalizeResult = { ok: true; event: NormalizedEvent } | { ok: false; error: string };

export type NormalizeOptions = { /** The detection source's cluster, when the event names none. */ defaultCluster?: string | null };

function isRecord(value: unknown): value is Record<string, JsonValue> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function describeType(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
}

/** A priority name in any case, or null. */
export function parsePriority(value: string): FalcoPriority | null {
  return PRIORITY_NAMES[value.trim().toLowerCase()] ?? null;
}

/** A string field that may be absent, null, or empty (falcosidekick encodes absent as ""). */
function optionalString(event: Record<string, JsonValue>, key: string): { ok: true; value: string | null } | { ok: false; error: string } {
  const v = event[key];
  if (v === undefined || v === null || v === "") return { ok: true, value: null };
  if (typeof v !== "string") return { ok: false, error: `${key} must be a string, not ${describeType(v)}` };
  return { ok: true, value: v };
}

function eventTime(
  event: Record<string, JsonValue>,
  fields: Record<string, JsonValue>,
): { ok: true; value: EventInstant } | { ok: false; error: string } {
  const time = event.time;
  if (time !== undefined && time !== null && time !== "") {
    if (typeof time !== "string") return { ok: false, error: `time must be an RFC 3339 string, not ${describeType(time)}` };
    const instant = parseRfc3339(time);
    return instant ? { ok: true, value: instant } : { ok: false, error: `time is not valid RFC 3339: ${quote(time)}` };
  }
  const nanos = fields["evt.time"];
  if (typeof nanos === "number" || (typeof nanos === "string" && /^\d+$/.test(nanos))) {
    const instant = instantFromEpochNanos(nanos);
    if (instant) return { ok: true, value: instant };
  }
  return { ok: false, error: "time is missing (and output_fields has no usable evt.time)" };
}

/** output_fields without Falco's "no value" markers, with forwarders' top-level custom fields merged in. */
function mergedFields(event: Record<string, JsonValue>, outputFields: Record<string, JsonValue>): Record<string, JsonValue> {
  const fields: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(outputFields)) {
    if (value !== null && value !== NO_VALUE) fields[key] = value;
  }
  for (const [key, value] of Object.entries(event)) {
    if (!EVENT_KEYS.has(key) && value !== null && value !== NO_VALUE && !(key in fields)) fields[key] = value;
  }
  return fields;
}

function fieldReader(fields: Record<string, JsonValue>) {
  return (key: string): string | null => {
    const v = fields[key];
    if (typeof v === "string") return v === "" ? null : v;
    if (typeof v === "number" || typeof v === "boolean") return String(v);
    return null;
  };
}

function imageOf(field: (key: string) => string | null, output: string): ImageRef {
  const own: ImageRef = {
    repository: field("container.image.repository"),
    tag: field("container.image.tag"),
    digest: field("container.image.digest"),
  };
  const full = field("container.image");
  const fallback = full ? parseImageReference(full) : imageFromOutput(output);
  if (!fallback || (own.repository && fallback.repository !== own.repository)) return own;
  return { repository: own.repository ?? fallback.repository, tag: own.tag ?? fallback.tag, digest: own.digest ?? fallback.digest };
}

function truncatedParts(output: string, fields: Record<string, JsonValue>): string[] {
  const parts = output.endsWith(TRUNCATION_MARK) ? ["output"] : [];
  for (const [key, value] of Object.entries(fields)) if (typeof value === "string" && value.endsWith(TRUNCATION_MARK)) parts.push(key);
  return parts;
}

export function normalizeFalcoEvent(value: unknown, options: NormalizeOptions = {}): NormalizeResult {
  if (!isRecord(value)) return { ok: false, error: `an event must be a JSON object, not ${describeType(value)}` };
  const event = value;

  if (typeof event.output !== "string")
    return {
      ok: false,
      error: event.output === undefined ? "output is missing" : `output must be a string, not ${describeType(event.output)}`,
    };
  const output = event.output;
  const outputFields = event.output_fields ?? {};
  if (!isRecord(outputFields)) return { ok: false, error: `output_fields must be an object, not ${describeType(outputFields)}` };

  const metrics = output === METRICS_OUTPUT || (typeof event.rule === "string" && METRICS_RULE.test(event.rule));
  let rule: string;
  if (typeof event.rule === "string" && event.rule.trim() !== "") rule = event.rule;
  else if (metrics && (event.rule === undefined || event.rule === null)) rule = METRICS_OUTPUT;
  else
    return {
      ok: false,
      error: event.rule === undefined || event.rule === "" ? "rule is missing" : `rule must be a string, not ${describeType(event.rule)}`,
    };

  let priority: FalcoPriority | null;
  if (typeof event.priority === "string") {
    priority = parsePriority(event.priority);
    if (!priority)
      return {
        ok: false,
        error: `priority ${quote(event.priority)} is not a Falco priority (Emergency, Alert, Critical, Error, Warning, Notice, Informational, Debug)`,
      };
  } else if (metrics && (event.priority === undefined || event.priority === null)) priority = "INFORMATIONAL";
  else
    return {
      ok: false,
      error: event.priority === undefined ? "priority is missing" : `priority must be a string, not ${describeType(event.priority)}`,
    };

  const tags = event.tags ?? [];
  if (!Array.isArray(tags) || !tags.every((t) => typeof t === "string")) return { ok: false, error: "tags must be an array of strings" };

  const source = optionalString(event, "source");
  if (!source.ok) return source;
  const hostname = optionalString(event, "hostname");
  if (!hostname.ok) return hostname;

  const fields = mergedFields(event, outputFields);
  const time = eventTime(event, fields);
  if (!time.ok) return time;

  const field = fieldReader(fields);
  const name = (key: string, max: number = COLUMN_CAPS.name) => cap(field(key), max);
  const eventSource = source.value === "syscalls" ? "syscall" : source.value;
  const rawContainerId = cap(field("container.id"), COLUMN_CAPS.short) ?? containerIdFromOutput(output);
  const hostEvent = rawContainerId === "host";
  const containerId = rawContainerId && !hostEvent ? shortContainerId(rawContainerId) : null;
  const containerName = name("container.name");
  const kubeAudit = eventSource === "k8s_audit";
  const apiPath = field("ka.uri");

  const namespace = cap(
    field("k8s.ns.name") ??
      field("k8smeta.ns.name") ??
      field("ka.target.namespace") ??
      (kubeAudit && apiPath ? namespaceFromApiPath(apiPath) : null),
    COLUMN_CAPS.namespace,
  );
  const podName =
    name("k8s.pod.name") ?? name("k8smeta.pod.name") ?? (field("ka.target.resource") === "pods" ? name("ka.target.name") : null);
  const image = imageOf(field, output);
  const fdName = field("fd.name");
  const host = cap(hostname.value ?? field("evt.hostname"), COLUMN_CAPS.name);

  return {
    ok: true,
    event: {
      alert: {
        eventTime: time.value.date,
        rule: capText(rule, COLUMN_CAPS.rule),
        priority,
        eventSource: cap(eventSource, COLUMN_CAPS.short),
        output: capText(output, COLUMN_CAPS.output),
        tags: (tags as string[]).slice(0, COLUMN_CAPS.tags).map((t) => capText(t, COLUMN_CAPS.tag)),
        hostname: host,
        cluster: cap(field("cluster") ?? field("k8s.cluster.name") ?? options.defaultCluster ?? null, COLUMN_CAPS.cluster),
        namespace,
        podName,
        workload: cap(deriveWorkload(field, podName), COLUMN_CAPS.name),
        containerId,
        containerName: containerName === "host" ? null : containerName,
        imageRepository: cap(image.repository, COLUMN_CAPS.image),
        imageTag: cap(image.tag, COLUMN_CAPS.tag),
        imageDigest: cap(image.digest, COLUMN_CAPS.tag),
        // A k8s_audit event's hostname is the Falco pod reading the audit log, not a node.
        nodeName: name("k8s.node.name") ?? name("k8smeta.node.name") ?? (kubeAudit ? null : host),
        processName: name("proc.name", COLUMN_CAPS.short),
        processCmdline: name("proc.cmdline", COLUMN_CAPS.path),
        parentProcess: name("proc.pname", COLUMN_CAPS.short),
        userName: name("user.name", COLUMN_CAPS.short) ?? name("ka.user.name", COLUMN_CAPS.short),
        fileName: fdName?.startsWith("/") ? capText(fdName, COLUMN_CAPS.path) : null,
        // A socket tuple is at most two IPv6 endpoints; anything much longer is not one.
        connection: fdName && fdName.length <= COLUMN_CAPS.short && isConnectionTuple(fdName) ? fdName : null,
        outputFields: fields,
        raw: event,
      },
      timeNanos: time.value.nanos,
      security: !metrics && eventSource !== "internal",
      hostEvent,
      truncated: truncatedParts(output, fields),
    },
  };
}
