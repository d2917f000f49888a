import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import type { RunProgress } from "@/lib/domain/run-steps";
import type { RunSummaryDto } from "@/lib/dto/runs";
import { RunStatusBadge } from "./badges";
import { RunProgressBar } from "./run-progress";

function progressOf(run: RunSummaryDto): RunProgress {
  return { total: run.total, percent: run.percent, counts: run.counts, finished: run.counts.DONE + run.counts.SKIPPED };
}

/** Runs with their playbook, incident, progress and who started them; `showIncident` is off on the incident's own page. */
export function RunTable({ runs, showIncident = true }: { runs: RunSummaryDto[]; showIncident?: boolean }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <thead className="bg-slate-50 text-left text-xs tracking-wide text-slate-500 uppercase">
          <tr>
            <th scope="col" className="px-3 py-2">
              Playbook
            </th>
            {showIncident ? (
              <th scope="col" className="px-3 py-2">
                Incident
              </th>
            ) : null}
            <th scope="col" className="px-3 py-2">
              Status
            </th>
            <th scope="col" className="px-3 py-2">
              Progress
            </th>
            <th scope="col" className="px-3 py-2">
              Blocked
            </th>
            <th scope="col" className="px-3 py-2">
              Started
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {runs.map((run) => (
            <tr key={run.id}>
              <td className="px-3 py-2">
                <Link href={`/runs/${run.id}`} className="font-medium text-sky-800 underline">
                  {run.playbookTitle} v{run.versionNumber}
                </Link>
              </td>
              {showIncident ? (
                <td className="px-3 py-2">
                  {run.incident ? (
                    <Link href={`/incidents/${run.incident.key}`} className="text-sky-800 underline">
                      {run.incident.key}
                    </Link>
                  ) : (
                    "—"
                  )}
                </td>
              ) : null}
              <td className="px-3 py-2">
                <RunStatusBadge status={run.status} />
              </td>
              <td className="px-3 py-2">
                <RunProgressBar progress={progressOf(run)} compact />
              </td>
              <td className="px-3 py-2 tabular-nums">{run.counts.BLOCKED}</td>
              <td className="px-3 py-2 text-xs text-slate-600">
                {run.startedByName}, <LocalTime value={run.startedAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
