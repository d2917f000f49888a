import { RUN_STEP_STATUS_LABELS } from "@/lib/dto/labels";
import { RUN_STEP_STATUSES, type RunProgress } from "@/lib/domain/run-steps";

/** Overall progress: finished (done or skipped) out of all steps, and how many are in each status. */
export function RunProgressBar({ progress, compact = false }: { progress: RunProgress; compact?: boolean }) {
  return (
    <div className="space-y-1">
      <div className="flex items-center gap-2">
        <div
          role="progressbar"
          aria-label="Run progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={progress.percent}
          className={compact ? "h-1.5 w-24 rounded bg-slate-200" : "h-2.5 w-full max-w-md rounded bg-slate-200"}
        >
          <div className="h-full rounded bg-emerald-600" style={{ width: `${progress.percent}%` }} />
        </div>
        <span className="text-sm font-medium tabular-nums" data-testid="run-percent">
          {progress.percent}%
        </span>
      </div>
      {compact ? null : (
        <p className="text-xs text-slate-600" data-testid="run-counts">
          {progress.finished} of {progress.total} steps finished ·{" "}
          {RUN_STEP_STATUSES.map((s) => `${RUN_STEP_STATUS_LABELS[s]} ${progress.counts[s]}`).join(" · ")}
        </p>
      )}
    </div>
  );
}
