/** Moves the item at `index` one place up (-1) or down (+1); out-of-range moves change nothing. */
export function moved<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return [...items];
  const next = [...items];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/**
 * For the up/down buttons at the ends of a list: aria-disabled rather than disabled, because a
 * disabled button drops keyboard focus right after the move that put the item there (moving past
 * an end is a no-op anyway).
 */
export const edgeClasses = "aria-disabled:cursor-not-allowed aria-disabled:opacity-40";
