import { jsonErrorPosition } from "@/lib/domain/json-error-position";

/**
 * The body of `POST /api/ingest/falco` as Falco and falcosidekick send it, unchanged:
 *   - one JSON event (Falco `http_output` with `json_output: true`, falcosidekick's webhook),
 *   - a JSON array of events,
 *   - newline-delimited JSON, one event a line (Falco's file/stdout output piped on).
 * Detection: a body starting with `[` is an array; otherwise the whole body as one JSON value;
 * failing that, NDJSON line by line, where a bad line is that event's error and not the batch's.
 */

export type BodyEntry = { index: number; value: unknown } | { index: number; error: string };

export type ParsedBody = { ok: true; entries: BodyEntry[] } | { ok: false; error: string };

/** Line and column of a character offset, 1-based, for messages a person can act on. */
function where(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  return `line ${line}, column ${column}`;
}

function jsonError(text: string): string {
  const offset = jsonErrorPosition(text);
  return offset === null ? "not valid JSON" : `not valid JSON at ${where(text, offset)}`;
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

export function parseFalcoBody(body: string): ParsedBody {
  const text = body.replace(/^\uFEFF/, "");
  const trimmed = text.trim();
  if (trimmed === "")
    return { ok: false, error: "The body is empty: send one Falco JSON event, a JSON array of events, or newline-delimited JSON." };

  if (trimmed.startsWith("[")) {
    const parsed = tryParse(trimmed);
    if (!parsed.ok) return { ok: false, error: `The body starts with '[' but is ${jsonError(trimmed)}.` };
    const events = parsed.value as unknown[];
    if (events.length === 0) return { ok: false, error: "The body is an empty JSON array: send at least one event." };
    return { ok: true, entries: events.map((value, index) => ({ index, value })) };
  }

  const whole = tryParse(trimmed);
  if (whole.ok) {
    if (whole.value === null || typeof whole.value !== "object") {
      return {
        ok: false,
        error: "The body is JSON but not an event: send a Falco event (a JSON object), an array of them, or newline-delimited JSON.",
      };
    }
    return { ok: true, entries: [{ index: 0, value: whole.value }] };
  }

  // NDJSON: blank lines (and a trailing newline) are not events; indexes count events, messages
  // name the physical line.
  const lines = text
    .split(/\r?\n/)
    .map((line, i) => ({ line, number: i + 1 }))
    .filter(({ line }) => line.trim() !== "");
  if (lines.length === 1) {
    return {
      ok: false,
      error: `The body is ${jsonError(trimmed)}: send one Falco JSON event, a JSON array of events, or newline-delimited JSON.`,
    };
  }
  const entries: BodyEntry[] = lines.map(({ line, number }, index) => {
    const parsed = tryParse(line);
    return parsed.ok ? { index, value: parsed.value } : { index, error: `line ${number} is ${jsonError(line.trim())}` };
  });
  if (entries.every((e) => "error" in e)) {
    return { ok: false, error: `The body is ${jsonError(trimmed)}, nor newline-delimited JSON (no line parses as JSON).` };
  }
  return { ok: true, entries };
}
