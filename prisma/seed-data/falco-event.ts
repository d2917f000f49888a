import { randomUUID } from "node:crypto";
import type { FalcoPriority, Prisma } from "@/lib/generated/prisma/client";
import { dedupKeyOf } from "@/lib/domain/falco/dedup";
import { normalizeFalcoEvent } from "@/lib/domain/falco/normalize";
import { FALCO_PRIORITY_NAMES } from "@/lib/domain/falco/priority-names";
import { encodeRawEvent } from "@/lib/domain/falco/raw-event";

// Builds demo alerts in the shape falcosidekick forwards them (its payload field order: uuid,
// output, priority, rule, time, output_fields, source, tags, hostname), so the demo data looks
// exactly like what the ingest endpoint will store for real events.

/** Where the event happened; becomes Falco's container.* and k8s.* fields. */
export type ContainerContext = {
  cluster: string;
  namespace: string;
  pod: string;
  workload: string;
  containerId: string;
  containerName: string;
  imageRepository: string;
  imageTag: string;
  imageDigest: string;
  /** Falco's hostname: the DaemonSet sets it to the node name. */
  node: string;
};

type FieldValue = string | number | null;

export type FalcoEventSpec = {
  /** The event's second; `nanos` gives the fraction. */
  at: Date;
  /** Nanoseconds within the second, as Falco reports them. */
  nanos: number;
  rule: string;
  priority: FalcoPriority;
  /** The rule output's text before ` | `. */
  message: string;
  /** The rule output's `label=%field` pairs, in template order. */
  outputPairs: [label: string, field: string][];
  /** Rule-specific output fields (proc.*, user.*, fd.*, evt.*), keyed by Falco field name. */
  fields: Record<string, FieldValue>;
  tags: string[];
  /** Which column `fd.name` belongs in. */
  fdNameIs?: "file" | "connection";
};

const PRIORITY_TEXT = FALCO_PRIORITY_NAMES;

// Falco appends the container and Kubernetes context to every rule's output.
const CONTEXT_PAIRS: [string, string][] = [
  ["container_id", "container.id"],
  ["container_name", "container.name"],
  ["container_image_repository", "container.image.repository"],
  ["container_image_tag", "container.image.tag"],
  ["k8s_pod_name", "k8s.pod.name"],
  ["k8s_ns_name", "k8s.ns.name"],
];

function format(value: FieldValue | undefined): string {
  return value === null || value === undefined ? "<NA>" : String(value);
}

function sortedObject<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Nanosecond epoch time. Falco's `evt.time` integers exceed 2^53, so most of them change when a
 * JavaScript double carries them; step down to one that serialises to exactly its own digits, so
 * that `time` and `evt.time` agree to the nanosecond in the stored JSON.
 */
function nanoTime(at: Date, nanos: number): bigint {
  let ns = BigInt(Math.floor(at.getTime() / 1000)) * 1_000_000_000n + BigInt(nanos % 1_000_000_000);
  ns -= ns % 256n;
  while (String(Number(ns)) !== ns.toString()) ns -= 256n;
  return ns;
}

function isoNanos(ns: bigint): { iso: string; clock: string } {
  const ms = Number(ns / 1_000_000n);
  const fraction = (ns % 1_000_000_000n).toString().padStart(9, "0");
  const base = new Date(ms).toISOString().slice(0, 19);
  return { iso: `${base}.${fraction}Z`, clock: `${base.slice(11)}.${fraction}` };
}

export function falcoAlert(spec: FalcoEventSpec, ctx: ContainerContext, sourceId: string): Omit<Prisma.AlertCreateManyInput, "incidentId"> {
  const ns = nanoTime(spec.at, spec.nanos);
  const eventTime = new Date(Number(ns / 1_000_000n));
  const { iso, clock } = isoNanos(ns);
  const contextFields: Record<string, FieldValue> = {
    "container.id": ctx.containerId,
    "container.name": ctx.containerName,
    "container.image.repository": ctx.imageRepository,
    "container.image.tag": ctx.imageTag,
    "container.image.digest": ctx.imageDigest,
    "k8s.ns.name": ctx.namespace,
    "k8s.pod.name": ctx.pod,
  };
  const all: Record<string, FieldValue> = { ...spec.fields, ...contextFields };
  const pairs = [...spec.outputPairs, ...CONTEXT_PAIRS].map(([label, field]) => `${label}=${format(all[field])}`);
  const output = `${clock}: ${PRIORITY_TEXT[spec.priority]} ${spec.message} | ${pairs.join(" ")}`;
  const outputFields = sortedObject({ ...all, "evt.time": Number(ns) });
  const tags = [...spec.tags].sort();
  const raw = {
    uuid: randomUUID(),
    output,
    priority: PRIORITY_TEXT[spec.priority],
    rule: spec.rule,
    time: iso,
    output_fields: outputFields,
    source: "syscall",
    tags,
    hostname: ctx.node,
  };
  const fdName = typeof spec.fields["fd.name"] === "string" ? spec.fields["fd.name"] : null;
  const str = (key: string): string | null => {
    const v = all[key];
    return v === null || v === undefined ? null : String(v);
  };
  return {
    sourceId,
    // The key ingest computes, so replaying a demo event through POST /api/ingest/falco is a duplicate.
    dedupKey: demoDedupKey(raw),
    eventTime,
    // falcosidekick forwards within a second or so.
    receivedAt: new Date(eventTime.getTime() + 400 + Number(ns % 700n)),
    rule: spec.rule,
    priority: spec.priority,
    eventSource: "syscall",
    output,
    tags,
    hostname: ctx.node,
    cluster: ctx.cluster,
    namespace: ctx.namespace,
    podName: ctx.pod,
    workload: ctx.workload,
    containerId: ctx.containerId,
    containerName: ctx.containerName,
    imageRepository: ctx.imageRepository,
    imageTag: ctx.imageTag,
    imageDigest: ctx.imageDigest,
    nodeName: ctx.node,
    processName: str("proc.name"),
    processCmdline: str("proc.cmdline"),
    parentProcess: str("proc.pname"),
    userName: str("user.name"),
    fileName: spec.fdNameIs === "file" ? fdName : null,
    connection: spec.fdNameIs === "connection" ? fdName : null,
    raw: encodeRawEvent(raw),
  };
}

/** The output pairs most Falco rules end with (see falco_rules.yaml). */
export const PROCESS_PAIRS: [string, string][] = [
  ["evt_type", "evt.type"],
  ["user", "user.name"],
  ["user_uid", "user.uid"],
  ["user_loginuid", "user.loginuid"],
  ["process", "proc.name"],
  ["proc_exepath", "proc.exepath"],
  ["parent", "proc.pname"],
  ["command", "proc.cmdline"],
  ["terminal", "proc.tty"],
];

function demoDedupKey(raw: unknown): string {
  const normalized = normalizeFalcoEvent(raw);
  if (!normalized.ok) throw new Error(`demo event does not normalise: ${normalized.error}`);
  return dedupKeyOf(normalized.event);
}
