import { cn } from "@/lib/cn";
import type { DiffEntry } from "@/lib/domain/line-diff";

const LINE_STYLES = {
  added: "bg-emerald-50 text-emerald-900",
  removed: "bg-red-50 text-red-900 line-through decoration-red-300",
  unchanged: "text-slate-600",
} as const;

const MARKERS = { added: "+", removed: "−", unchanged: " " } as const;

/**
 * A line diff: added lines green, removed lines red, long unchanged stretches folded. Markers
 * (+/−) and screen-reader words carry the meaning as well as the colour.
 */
export function LineDiff({ entries, label, className }: { entries: readonly DiffEntry[]; label?: string; className?: string }) {
  return (
    <ol className={cn("overflow-x-auto font-mono text-xs leading-5", className)} aria-label={label}>
      {entries.map((entry, i) =>
        entry.kind === "skipped" ? (
          <li key={i} className="bg-slate-50 px-3 py-0.5 text-slate-500 italic">
            … {entry.count} unchanged line{entry.count === 1 ? "" : "s"}
          </li>
        ) : (
          <li key={i} className={cn("flex gap-2 px-3 whitespace-pre-wrap", LINE_STYLES[entry.kind])} data-kind={entry.kind}>
            <span aria-hidden className="text-slate-400 select-none">
              {MARKERS[entry.kind]}
            </span>
            <span className="sr-only">{entry.kind === "unchanged" ? "" : `${entry.kind}: `}</span>
            <span>{entry.text || " "}</span>
          </li>
        ),
      )}
    </ol>
  );
}
