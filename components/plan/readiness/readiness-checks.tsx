import { Badge } from "@/components/ui/badge";
import type { ReadinessCheck } from "@/lib/domain/readiness";

function Result({ check }: { check: ReadinessCheck }) {
  const percent = Math.round(check.fraction * 100);
  return (
    <span className="tabular-nums">
      {check.passed} of {check.total} <span className="text-slate-500">({percent}%)</span>{" "}
      {percent === 100 ? <Badge tone="good">passing</Badge> : null}
    </span>
  );
}

/** Each check of the formula: its weight, and how much of it passes. */
export function ReadinessChecks({ checks }: { checks: ReadinessCheck[] }) {
  return (
    <section aria-labelledby="readiness-checks">
      <h2 id="readiness-checks" className="mb-2 text-sm font-semibold tracking-wide text-slate-500 uppercase">
        Checks
      </h2>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50 text-left text-xs tracking-wide text-slate-500 uppercase">
            <tr>
              <th scope="col" className="px-3 py-2">
                Check
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Weight
              </th>
              <th scope="col" className="px-3 py-2">
                Passing
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Points
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {checks.map((check) => (
              <tr key={check.kind}>
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  {check.label}
                </th>
                <td className="px-3 py-2 text-right tabular-nums">{check.weight}</td>
                <td className="px-3 py-2">
                  <Result check={check} />
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{(check.weight * check.fraction).toFixed(1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
