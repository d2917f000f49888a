/**
 * The one way a time is written in UTC, whatever the server's zone: messages, plan text, exports
 * and the hover text of `LocalTime` all state times like this, so a responder can compare them.
 * Slicing the ISO form is exact (it is always UTC) and needs no zone data.
 */
export type UtcPrecision = "clock" | "minute" | "second";

/** `14:02 UTC` (clock), `2025-03-04 14:02 UTC` (minute), `2025-03-04 14:02:09 UTC` (second). */
export function utcText(at: Date, precision: UtcPrecision = "minute"): string {
  const iso = at.toISOString();
  if (precision === "clock") return `${iso.slice(11, 16)} UTC`;
  return `${iso.slice(0, 10)} ${iso.slice(11, precision === "second" ? 19 : 16)} UTC`;
}

const DAY_MS = 86_400_000;

/**
 * A list filter's "from" and "to" days (`YYYY-MM-DD`, both included) as the instants a query
 * compares with: from midnight UTC of the first day up to, not including, midnight after the last.
 */
export function utcDayRange(from?: string, to?: string): { gte?: Date; lt?: Date } {
  return {
    gte: from ? new Date(`${from}T00:00:00Z`) : undefined,
    lt: to ? new Date(new Date(`${to}T00:00:00Z`).getTime() + DAY_MS) : undefined,
  };
}
