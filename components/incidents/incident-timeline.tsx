import { LocalTime } from "@/components/ui/local-time";
import { LongText } from "@/components/ui/long-text";
import type { IncidentTimelineDto } from "@/lib/dto/incidents";
import { TIMELINE_KIND_LABELS } from "@/lib/dto/labels";

const plural = (n: number, one: string) => `${n.toLocaleString("en")} ${one}${n === 1 ? "" : "s"}`;

/**
 * Oldest first: the order an after-action review reads it in. Alerts appear as one summary per
 * stretch between entries (how many, when, which rules); the alert table lists them one by one.
 */
export function IncidentTimeline({ timeline }: { timeline: IncidentTimelineDto }) {
  if (timeline.items.length === 0) return <p className="text-sm text-slate-600">Nothing recorded yet.</p>;
  return (
    <>
      {timeline.olderEntriesHidden ? (
        <p className="mb-2 text-xs text-slate-600">Older entries are not shown; this is the newest part of the timeline.</p>
      ) : null}
      <ol className="space-y-2 border-l-2 border-slate-200 pl-4 text-sm" aria-label="Timeline">
        {timeline.items.map((item) =>
          item.type === "entry" ? (
            <li key={item.entry.id}>
              <div className="text-xs text-slate-500">
                <LocalTime value={item.entry.at} withSeconds /> · {TIMELINE_KIND_LABELS[item.entry.kind]}
                {item.entry.actor ? ` · ${item.entry.actor}` : ""}
              </div>
              <div className="[overflow-wrap:anywhere] whitespace-pre-wrap">{item.entry.message}</div>
            </li>
          ) : (
            <li key={item.stretch.id} data-testid="alert-summary">
              <div className="text-xs text-slate-500">
                <LocalTime value={item.stretch.first} withSeconds /> – <LocalTime value={item.stretch.last} withSeconds /> · Alerts
              </div>
              {item.stretch.earlier ? (
                <div>
                  {plural(item.stretch.count, "earlier alert")}, summarised here by count only: the newest are broken down by rule below,
                  and the alert table pages through all of them.
                </div>
              ) : (
                <div>
                  {plural(item.stretch.count, "alert")}
                  {": "}
                  {item.stretch.rules.map((r, i) => (
                    <span key={r.rule}>
                      {i > 0 ? ", " : ""}
                      <LongText value={r.rule} max={80} /> ({r.count.toLocaleString("en")})
                    </span>
                  ))}
                  {item.stretch.otherRules > 0 ? ` and ${plural(item.stretch.otherRules, "other rule")}` : ""}
                </div>
              )}
            </li>
          ),
        )}
      </ol>
    </>
  );
}
