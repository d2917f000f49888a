/**
 * What one audited change changed, read from the event's before and after snapshots: the
 * top-level fields whose values differ. Bookkeeping fields (version, timestamps, who updated) are
 * left out because every change moves them. Comparison is of canonical JSON, so key order and
 * Date-vs-string do not count as changes.
 */

const BOOKKEEPING = new Set(["version", "updatedAt", "createdAt", "updatedBy", "updatedById"]);

function canonical(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The fields a change touched, in a stable order; empty for a creation or an event without snapshots. */
export function changedFields(before: unknown, after: unknown): string[] {
  if (!isRecord(before) || !isRecord(after)) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => !BOOKKEEPING.has(k) && canonical(before[k]) !== canonical(after[k])).sort();
}
