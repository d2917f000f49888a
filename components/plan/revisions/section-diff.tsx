import type { SectionDiff } from "@/lib/domain/plan-text";
import { LineDiff } from "@/components/ui/line-diff";

/**
 * A section-by-section line diff: added lines green, removed lines red, long unchanged stretches
 * folded. Markers (+/−) and screen-reader labels carry the meaning as well as the colour.
 */
export function SectionDiffView({ diffs, against }: { diffs: SectionDiff[]; against: string }) {
  const changed = diffs.filter((d) => d.changed);
  const unchanged = diffs.filter((d) => !d.changed);
  if (changed.length === 0) {
    return <p className="rounded-md border border-slate-200 bg-white px-3 py-2 text-sm text-slate-600">No changes against {against}.</p>;
  }
  return (
    <div className="space-y-4" data-testid="plan-diff">
      {changed.map((diff) => (
        <section
          key={diff.key}
          aria-labelledby={`diff-${diff.key}`}
          className="overflow-hidden rounded-lg border border-slate-200 bg-white"
        >
          <h3
            id={`diff-${diff.key}`}
            className="flex items-center justify-between border-b border-slate-200 bg-slate-50 px-3 py-2 text-sm font-semibold"
          >
            {diff.title}
            <span className="text-xs font-normal">
              <span className="text-emerald-700">+{diff.added}</span> <span className="text-red-700">−{diff.removed}</span>
            </span>
          </h3>
          <LineDiff entries={diff.entries} />
        </section>
      ))}
      {unchanged.length > 0 ? <p className="text-xs text-slate-500">Unchanged: {unchanged.map((d) => d.title).join(", ")}.</p> : null}
    </div>
  );
}
