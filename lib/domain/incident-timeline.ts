/**
 * An incident's timeline as responders read it: every entry people and the system wrote (status
 * changes, notes, assignments, owners, evidence, runs) in order, and between them one summary of
 * the alerts that arrived in that stretch — never one line per alert, which at 100,000 alerts is a
 * page nobody can read and no server can send. The alerts themselves are in the alert table.
 */

/** Alerts of one rule in one stretch, as the DAL aggregates them (`width_bucket` over the entry times). */
export type AlertStretchRow = {
  /** 0 = before the first entry; k = between entry k-1 and entry k (entries oldest first); n = after the last. */
  stretch: number;
  rule: string;
  count: number;
  first: Date;
  last: Date;
};

export type AlertStretch = {
  id: string;
  count: number;
  first: Date;
  last: Date;
  /** Most frequent first. */
  rules: { rule: string; count: number }[];
  /** Rules in the stretch beyond those listed. */
  otherRules: number;
  /** Alerts older than the summarised window: counted and dated, not broken down by rule. */
  earlier?: true;
};

/**
 * The alerts older than the newest ones the DAL summarises by rule (`TIMELINE_ALERT_WINDOW`):
 * how many and from when to when, read from the incident's own counters, so a timeline costs the
 * same at 100,000 alerts as at 5,000.
 */
export type EarlierAlerts = { count: number; first: Date; last: Date };

export type TimelineItem<E = TimelineEntryView> = { type: "entry"; entry: E } | { type: "alerts"; stretch: AlertStretch };

export type TimelineEntryView = { id: string; kind: string; at: Date; message: string; actor: string | null };

/** Rules named per stretch; the rest are counted. */
export const RULES_PER_STRETCH = 5;

/**
 * Interleaves `entries` (oldest first; their times are the stretch boundaries the rows were
 * aggregated with) with one summary per non-empty stretch of alerts. `earlier`, when the rows
 * cover only the newest alerts, is one more summary placed where those older alerts begin.
 */
export function buildTimeline<E extends { at: Date }>(
  entries: readonly E[],
  rows: readonly AlertStretchRow[],
  earlier: EarlierAlerts | null = null,
): TimelineItem<E>[] {
  const byStretch = new Map<number, AlertStretchRow[]>();
  for (const row of rows) {
    const stretch = Math.min(Math.max(row.stretch, 0), entries.length);
    byStretch.set(stretch, [...(byStretch.get(stretch) ?? []), row]);
  }
  const summary = (stretch: number): TimelineItem<E>[] => {
    const group = byStretch.get(stretch);
    if (!group?.length) return [];
    const rules = new Map<string, number>();
    let first = group[0]!.first;
    let last = group[0]!.last;
    for (const row of group) {
      rules.set(row.rule, (rules.get(row.rule) ?? 0) + row.count);
      if (row.first < first) first = row.first;
      if (row.last > last) last = row.last;
    }
    const ranked = [...rules].map(([rule, count]) => ({ rule, count })).sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule));
    return [
      {
        type: "alerts",
        stretch: {
          id: `alerts-${stretch}`,
          count: ranked.reduce((n, r) => n + r.count, 0),
          first,
          last,
          rules: ranked.slice(0, RULES_PER_STRETCH),
          otherRules: Math.max(0, ranked.length - RULES_PER_STRETCH),
        },
      },
    ];
  };
  // As width_bucket counts: the stretch of a time is how many entries are at or before it.
  const earlierStretch = earlier && earlier.count > 0 ? entries.filter((e) => e.at <= earlier.first).length : -1;
  const older = (stretch: number): TimelineItem<E>[] =>
    stretch === earlierStretch && earlier
      ? [{ type: "alerts", stretch: { id: "alerts-earlier", ...earlier, rules: [], otherRules: 0, earlier: true } }]
      : [];
  const items: TimelineItem<E>[] = [...older(0), ...summary(0)];
  entries.forEach((entry, i) => items.push({ type: "entry", entry }, ...older(i + 1), ...summary(i + 1)));
  return items;
}
