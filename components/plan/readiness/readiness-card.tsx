import Link from "next/link";
import type { PlanReadiness } from "@/lib/domain/readiness";
import { ScoreMeter } from "./score-meter";

const TOP_GAPS = 3;

/** The dashboard's view of readiness: the score, the first gaps to close, and the way to the rest. */
export function ReadinessCard({ readiness }: { readiness: PlanReadiness }) {
  const top = readiness.gaps.slice(0, TOP_GAPS);
  return (
    <section aria-labelledby="dashboard-readiness" className="rounded-lg border border-slate-200 bg-white p-4 sm:col-span-2">
      <h2 id="dashboard-readiness" className="text-xs font-medium tracking-wide text-slate-500 uppercase">
        Plan readiness
      </h2>
      <div className="mt-1">
        <ScoreMeter score={readiness.score} size="sm" />
      </div>
      {top.length === 0 ? (
        <p className="mt-2 text-xs text-slate-600">No gaps.</p>
      ) : (
        <ul className="mt-2 list-disc space-y-0.5 pl-5 text-xs">
          {top.map((gap) => (
            <li key={`${gap.kind}:${gap.message}`}>
              <Link href={gap.href} className="text-sky-800 underline decoration-sky-300 hover:decoration-sky-700">
                {gap.message}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Link href="/plan" className="mt-2 inline-block text-xs font-medium text-slate-700 underline">
        {readiness.gaps.length > TOP_GAPS ? `See all ${readiness.gaps.length} gaps and the checks` : "See the checks"}
      </Link>
    </section>
  );
}
