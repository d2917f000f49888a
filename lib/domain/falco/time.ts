/**
 * Falco's `time` is RFC 3339 with nanoseconds (`2023-05-25T13:44:05.478445995Z`) and is the
 * authoritative event time: `output_fields["evt.time"]` is a nanosecond integer above 2^53 that
 * JSON.parse rounds. Parsed strictly (RFC 3339 §5.6, no trailing text): a hand-written
 * `…Z+2` is refused rather than guessed at.
 */

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:(Z)|([+-])(\d{2}):(\d{2}))$/i;

const NANOS_PER_MS = 1_000_000n;

export type EventInstant = {
  /** Nanoseconds since the Unix epoch, as decimal digits: the exact instant, for dedup keys. */
  nanos: string;
  /** Millisecond precision, for the database's timestamp column. */
  date: Date;
};

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The instant of an RFC 3339 timestamp, or null when it is not one. Fractions beyond nanoseconds are cut. */
export function parseRfc3339(text: string): EventInstant | null {
  const m = RFC3339.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  // 60 is a leap second (RFC 3339 §5.7); Date.UTC rolls it into the next minute.
  if (hour > 23 || minute > 59 || second > 60) return null;
  let offsetMinutes = 0;
  if (!m[8]) {
    const [oh, om] = [Number(m[10]), Number(m[11])];
    if (oh > 23 || om > 59) return null;
    offsetMinutes = (m[9] === "-" ? -1 : 1) * (oh * 60 + om);
  }
  const wholeMs = Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * 60_000;
  if (!Number.isFinite(wholeMs)) return null;
  const fraction = BigInt((m[7] ?? "").slice(0, 9).padEnd(9, "0"));
  const nanos = BigInt(wholeMs) * NANOS_PER_MS + fraction;
  return { nanos: nanos.toString(), date: new Date(Number(nanos / NANOS_PER_MS)) };
}

/**
 * The fallback when `time` is absent: `evt.time` nanoseconds. JSON.parse has already rounded values
 * above 2^53 to the nearest double, so the instant may be off by a few hundred nanoseconds — still
 * the same on every replay, which is what the dedup key needs.
 */
export function instantFromEpochNanos(value: number | string): EventInstant | null {
  let nanos: bigint;
  try {
    nanos = typeof value === "number" ? BigInt(Math.round(value)) : BigInt(value);
  } catch {
    return null;
  }
  if (nanos < 0n) return null;
  const date = new Date(Number(nanos / NANOS_PER_MS));
  if (Number.isNaN(date.getTime())) return null;
  return { nanos: nanos.toString(), date };
}
