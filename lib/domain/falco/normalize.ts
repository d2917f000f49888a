import type { FalcoPriority } from "@/lib/dto/enums";
import { COLUMN_CAPS, cap, capText } from "@/lib/domain/falco/column-caps";
import {
  describeType,
  eventTime,
  fieldReader,
  imageOf,
  isRecord,
  mergedFields,
  optionalString,
  quote,
  truncatedParts,
  type JsonValue,
} from "@/lib/domain/falco/event-fields";
import {
  containerIdFromOutput,
  deriveWorkload,
  isConnectionTuple,
  namespaceFromApiPath,
  shortContainerId,
} from "@/lib/domain/falco/kubernetes";
import { parsePriority } from "@/lib/domain/falco/priority-names";

/**
 * One Falco event (Falco's JSON output, or falcosidekick's re-encoding of it) → the columns of an
 * Alert row. Normalises what differs in the wild — priority case, `source` `syscalls` (sic, from
 * falcosidekick), `null`/`<NA>` fields, 64-character container ids, `time` vs `evt.time`,
 * falcosidekick's custom fields — and keeps the event itself, as received, in `raw`.
 * Field names are Falco's (https://falco.org/docs/reference/rules/supported-fields/).
 */

const METRICS_OUTPUT = "Falco metrics snapshot";
const METRICS_RULE = /^Falco internal: metrics snapshot$/i;

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
  /** The event as received; the only copy of its fields that is stored (the columns are read from it). */
  raw: Record<string, JsonValue>;
};

export type NormalizedEvent = {
  alert: AlertColumns;
  /**
   * The top-level and output fields merged, nulls and `<NA>` dropped: what the columns were read
   * from. Not stored — the raw event holds them — so an alert is kept once, not twice.
   */
  fields: Record<string, JsonValue>;
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
        raw: event,
      },
      fields,
      timeNanos: time.value.nanos,
      security: !metrics && eventSource !== "internal",
      hostEvent,
      truncated: truncatedParts(output, fields),
    },
  };
}
