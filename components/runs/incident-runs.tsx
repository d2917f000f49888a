import type { RunPlaybookChoiceDto, RunSummaryDto } from "@/lib/dto/runs";
import type { FormAction } from "@/lib/form-state";
import { RunTable } from "./run-table";
import { StartRunForm } from "./start-run-form";

/** The incident page's "Playbook runs" section: its runs with progress, and for those who may act, a form to start one. */
export function IncidentRuns({
  incidentKey,
  runs,
  start,
}: {
  incidentKey: string;
  runs: RunSummaryDto[];
  start: { choices: RunPlaybookChoiceDto[]; suggestedVersionId: string | null; action: FormAction } | null;
}) {
  return (
    <div className="space-y-3">
      {runs.length > 0 ? (
        <RunTable runs={runs} showIncident={false} />
      ) : (
        <p className="text-sm text-slate-600">No playbook has been run on this incident yet.</p>
      )}
      {start ? (
        <div className="rounded-lg border border-slate-200 bg-white p-3">
          <StartRunForm
            incidentKey={incidentKey}
            choices={start.choices}
            suggestedVersionId={start.suggestedVersionId}
            action={start.action}
          />
        </div>
      ) : null}
    </div>
  );
}
