/**
 * `*` / `?` glob matching over a whole name, without regular expressions: a namespace pattern is
 * matched against namespace names that alerts bring, so the cost must not explode with either.
 * A translated regular expression backtracks exponentially in the number of `*` (a pattern with 7
 * `*` took 1.5–1.9 s per lookup). This is the greedy two-pointer match that only ever returns to
 * the last `*` seen: O(pattern × name) in the worst case, which is linear in the name because
 * patterns are bounded where they are entered (lib/validation/platform.ts).
 *
 * `*` matches any run of characters (also none), `?` exactly one UTF-16 code unit, anything else
 * itself. Why returning to the last `*` only is enough: once a later `*` has matched, any earlier
 * `*` that swallowed more could be simulated by that later one.
 */
export function globMatches(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  /** Position of the last `*` in the pattern, and where in the name it started matching. */
  let star = -1;
  let resume = 0;
  while (n < name.length) {
    const c = pattern[p];
    if (c === "*") {
      star = p++;
      resume = n;
    } else if (c !== undefined && (c === "?" || c === name[n])) {
      p++;
      n++;
    } else if (star >= 0) {
      p = star + 1;
      n = ++resume;
    } else {
      return false;
    }
  }
  while (pattern[p] === "*") p++;
  return p === pattern.length;
}

/** How many `*` and `?` a pattern has. */
export function wildcardCount(pattern: string): number {
  let count = 0;
  for (const c of pattern) if (c === "*" || c === "?") count++;
  return count;
}
