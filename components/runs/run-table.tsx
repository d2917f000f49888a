import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import type { RunProgress } from "@/lib/domain/run-steps";
import type { RunSummaryDto } from "@/lib/dto/runs";
import { RunStatusBadge } from "./badges";
import { RunProgressBar } from "./run-progress";
import { DataTable, Cell } from "@/components/ui/data-table";

function progressOf(run: RunSummaryDto): RunProgress {
  return { total: run.total, percent: run.percent, counts: run.counts, finished: run.counts.DONE + run.counts.SKIPPED };
}

/** Runs with their playbook, incident, progress and who started them; `showIncident` is off on the incident's own page. */
export function RunTable({ runs, showIncident = true }: { runs: RunSummaryDto[]; showIncident?: boolean }) {
  return (
    <DataTable columns={["Playbook", showIncident && "Incident", "Status", "Progress", "Blocked", "Started"]}>
      {runs.map((run) => (
        <tr key={run.id}>
          <Cell>
            <Link href={`/runs/${run.id}`} className="font-medium text-sky-800 underline">
              {run.playbookTitle} v{run.versionNumber}
            </Link>
          </Cell>
          {showIncident ? (
            <Cell>
              {run.incident ? (
                <Link href={`/incidents/${run.incident.key}`} className="text-sky-800 underline">
                  {run.incident.key}
                </Link>
              ) : (
                "—"
              )}
            </Cell>
          ) : null}
          <Cell>
            <RunStatusBadge status={run.status} />
          </Cell>
          <Cell>
            <RunProgressBar progress={progressOf(run)} compact />
          </Cell>
          <Cell className="tabular-nums">{run.counts.BLOCKED}</Cell>
          <Cell className="text-xs text-slate-600">
            {run.startedByName}, <LocalTime value={run.startedAt} />
          </Cell>
        </tr>
      ))}
    </DataTable>
  );
}
