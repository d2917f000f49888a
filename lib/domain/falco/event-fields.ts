import { imageFromOutput, parseImageReference, type ImageRef } from "@/lib/domain/falco/kubernetes";
import { instantFromEpochNanos, parseRfc3339, type EventInstant } from "@/lib/domain/falco/time";

// Reading one Falco event's fields for normalizeFalcoEvent (lib/domain/falco/normalize.ts): what
// Falco and falcosidekick encode differently, and the error texts a sender gets back.

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** The fields Falco and falcosidekick put at the top level; anything else is a forwarder's custom field. */
const EVENT_KEYS = new Set(["uuid", "output", "priority", "rule", "time", "output_fields", "source", "tags", "hostname"]);

/** What Falco prints for a field it has no value for. */
const NO_VALUE = "<NA>";
/** Falco ends a string it cut short with this. */
const TRUNCATION_MARK = "[...]";

export function isRecord(value: unknown): value is Record<string, JsonValue> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

export function describeType(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
}

/** A string field that may be absent, null, or empty (falcosidekick encodes absent as ""). */
export function optionalString(
  event: Record<string, JsonValue>,
  key: string,
): { ok: true; value: string | null } | { ok: false; error: string } {
  const v = event[key];
  if (v === undefined || v === null || v === "") return { ok: true, value: null };
  if (typeof v !== "string") return { ok: false, error: `${key} must be a string, not ${describeType(v)}` };
  return { ok: true, value: v };
}

export function eventTime(
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
export function mergedFields(event: Record<string, JsonValue>, outputFields: Record<string, JsonValue>): Record<string, JsonValue> {
  const fields: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(outputFields)) {
    if (value !== null && value !== NO_VALUE) fields[key] = value;
  }
  for (const [key, value] of Object.entries(event)) {
    if (!EVENT_KEYS.has(key) && value !== null && value !== NO_VALUE && !(key in fields)) fields[key] = value;
  }
  return fields;
}

export function fieldReader(fields: Record<string, JsonValue>) {
  return (key: string): string | null => {
    const v = fields[key];
    if (typeof v === "string") return v === "" ? null : v;
    if (typeof v === "number" || typeof v === "boolean") return String(v);
    return null;
  };
}

export function imageOf(field: (key: string) => string | null, output: string): ImageRef {
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

export function truncatedParts(output: string, fields: Record<string, JsonValue>): string[] {
  const parts = output.endsWith(TRUNCATION_MARK) ? ["output"] : [];
  for (const [key, value] of Object.entries(fields)) if (typeof value === "string" && value.endsWith(TRUNCATION_MARK)) parts.push(key);
  return parts;
}
