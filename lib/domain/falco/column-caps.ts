// How much of an event's text each Alert column takes; normalizeFalcoEvent
// (lib/domain/falco/normalize.ts) cuts every column it fills to these.

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

export const cap = (value: string | null, max: number) => (value === null ? null : capText(value, max));
