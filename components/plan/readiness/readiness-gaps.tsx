import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import type { ReadinessCheck, ReadinessGap } from "@/lib/domain/readiness";

/** Beyond this many gaps in one check, the rest fold away so the list stays scannable. */
const SHOWN_PER_CHECK = 8;

function GapLink({ gap }: { gap: ReadinessGap }) {
  return (
    <li>
      <Link href={gap.href} className="text-sky-800 underline decoration-sky-300 underline-offset-2 hover:decoration-sky-700">
        {gap.message}
      </Link>
    </li>
  );
}

/** The gaps behind the score, grouped by check, each a link to where it is fixed. */
export function ReadinessGaps({ gaps, checks }: { gaps: ReadinessGap[]; checks: ReadinessCheck[] }) {
  const groups = checks
    .map((check) => ({ check, gaps: gaps.filter((g) => g.check === check.kind) }))
    .filter((group) => group.gaps.length > 0);
  return (
    <section aria-labelledby="readiness-gaps">
      <h2 id="readiness-gaps" className="mb-2 text-sm font-semibold tracking-wide text-slate-500 uppercase">
        Gaps
      </h2>
      {groups.length === 0 ? (
        <EmptyState title="No gaps">Every check passes: the plan is staffed, owned, current, covered and practised.</EmptyState>
      ) : (
        <div className="space-y-4">
          {groups.map(({ check, gaps: own }) => (
            <div key={check.kind} className="rounded-lg border border-slate-200 bg-white p-4">
              <h3 className="text-sm font-medium text-slate-800">
                {check.label} <span className="font-normal text-slate-500">({own.length})</span>
              </h3>
              <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
                {own.slice(0, SHOWN_PER_CHECK).map((gap) => (
                  <GapLink key={`${gap.kind}:${gap.message}`} gap={gap} />
                ))}
              </ul>
              {own.length > SHOWN_PER_CHECK ? (
                <details className="mt-2 text-sm">
                  <summary className="cursor-pointer text-slate-600">Show {own.length - SHOWN_PER_CHECK} more</summary>
                  <ul className="mt-2 list-disc space-y-1 pl-5">
                    {own.slice(SHOWN_PER_CHECK).map((gap) => (
                      <GapLink key={`${gap.kind}:${gap.message}`} gap={gap} />
                    ))}
                  </ul>
                </details>
              ) : null}
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
