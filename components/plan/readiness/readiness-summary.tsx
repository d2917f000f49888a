import { LocalTime } from "@/components/ui/local-time";
import type { PlanReadiness } from "@/lib/domain/readiness";
import { ScoreMeter } from "./score-meter";

/** The big score, and how much of the formula it stands on. */
export function ReadinessSummary({ readiness }: { readiness: PlanReadiness }) {
  return (
    <section aria-labelledby="readiness-score" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="readiness-score" className="text-xs font-medium tracking-wide text-slate-500 uppercase">
        Readiness score
      </h2>
      <div className="mt-2">
        <ScoreMeter score={readiness.score} />
      </div>
      <p className="mt-3 max-w-3xl text-sm text-slate-600">
        {readiness.gaps.length === 0
          ? "No gaps."
          : `${readiness.gaps.length} gap${readiness.gaps.length === 1 ? "" : "s"} to close, listed below with where each is fixed.`}{" "}
        The score weighs the {readiness.checks.length} checks below by their share. Computed <LocalTime value={readiness.measuredAt} />.
      </p>
    </section>
  );
}
