import { describe, expect, it } from "vitest";
import { buildTimeline, RULES_PER_STRETCH, type AlertStretchRow, type TimelineItem } from "@/lib/domain/incident-timeline";

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute));
const entry = (id: string, minute: number) => ({ id, at: at(minute) });
const row = (stretch: number, rule: string, count: number, from: number, to: number): AlertStretchRow => ({
  stretch,
  rule,
  count,
  first: at(from),
  last: at(to),
});

describe("buildTimeline", () => {
  it("puts one summary per stretch of alerts between the entries, in order", () => {
    const items = buildTimeline(
      [entry("opened", 0), entry("triaged", 30)],
      [
        row(1, "Terminal shell in container", 900, 1, 29),
        row(1, "Read sensitive file untrusted", 100, 5, 20),
        row(2, "Terminal shell in container", 5, 31, 40),
      ],
    );
    expect(items.map((i) => (i.type === "entry" ? i.entry.id : `${i.stretch.count} alerts`))).toEqual([
      "opened",
      "1000 alerts",
      "triaged",
      "5 alerts",
    ]);
    const first = items[1]!;
    expect(first.type === "alerts" && first.stretch).toMatchObject({
      first: at(1),
      last: at(29),
      rules: [
        { rule: "Terminal shell in container", count: 900 },
        { rule: "Read sensitive file untrusted", count: 100 },
      ],
      otherRules: 0,
    });
  });

  it("summarises alerts before the first entry, and with no entries at all", () => {
    expect(buildTimeline([], [row(0, "r", 3, 0, 1)]).map((i) => i.type)).toEqual(["alerts"]);
    expect(buildTimeline([entry("note", 10)], [row(0, "r", 3, 0, 1)]).map((i) => i.type)).toEqual(["alerts", "entry"]);
    expect(buildTimeline([entry("note", 10)], [])).toEqual([{ type: "entry", entry: entry("note", 10) }]);
  });

  it("names the most frequent rules and counts the rest", () => {
    const rows = Array.from({ length: RULES_PER_STRETCH + 3 }, (_, i) => row(0, `rule-${i}`, i + 1, 0, 1));
    const [item] = buildTimeline([], rows);
    expect(item!.type === "alerts" && item!.stretch.rules.map((r) => r.rule)).toEqual(["rule-7", "rule-6", "rule-5", "rule-4", "rule-3"]);
    expect(item!.type === "alerts" && item!.stretch.otherRules).toBe(3);
  });

  const label = (i: TimelineItem<{ id: string; at: Date }>) =>
    i.type === "entry" ? i.entry.id : `${i.stretch.count} ${i.stretch.earlier ? "earlier" : "alerts"}`;

  it("places the alerts older than the window where they begin, before that stretch's own summary", () => {
    const entries = [entry("opened", 0), entry("note", 10), entry("triaged", 30)];
    // The window starts at minute 20: the earlier alerts ran from minute 0 to it, across the note.
    const items = buildTimeline(entries, [row(2, "r", 40, 20, 29), row(3, "r", 5, 31, 40)], { count: 900, first: at(0), last: at(20) });
    expect(items.map(label)).toEqual(["opened", "900 earlier", "note", "40 alerts", "triaged", "5 alerts"]);
    const earlier = items[1]!;
    expect(earlier.type === "alerts" && earlier.stretch).toMatchObject({
      first: at(0),
      last: at(20),
      rules: [],
      otherRules: 0,
      earlier: true,
    });
  });

  it("puts earlier alerts first when they began before every entry, and leaves out an empty remainder", () => {
    expect(buildTimeline([entry("note", 10)], [row(1, "r", 2, 11, 12)], { count: 7, first: at(1), last: at(11) }).map(label)).toEqual([
      "7 earlier",
      "note",
      "2 alerts",
    ]);
    expect(buildTimeline([entry("note", 10)], [row(1, "r", 2, 11, 12)], { count: 0, first: at(1), last: at(11) }).map(label)).toEqual([
      "note",
      "2 alerts",
    ]);
  });
});
