import Link from "next/link";
import { inputClasses } from "@/components/ui/field";
import { LocalTime } from "@/components/ui/local-time";
import type { PlanRevisionSummaryDto } from "@/components/plan/revisions/types";

/**
 * "Which plan applied when this happened?" — for post-incident reviews and audits. A plain GET
 * form, so the answer has a shareable address. Times are UTC, as the label says.
 */
export function InForceForm({
  value,
  at,
  error,
  revision,
}: {
  value: string;
  at: Date | null;
  error: string | null;
  revision: PlanRevisionSummaryDto | null;
}) {
  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <form method="get" className="flex flex-wrap items-end gap-2" aria-label="Plan in force at a time">
        <div className="space-y-1">
          <label htmlFor="plan-in-force-at" className="block text-sm font-medium text-slate-700">
            Plan in force at (UTC)
          </label>
          <input
            id="plan-in-force-at"
            name="at"
            type="datetime-local"
            defaultValue={value}
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "plan-in-force-at-error" : undefined}
            className={inputClasses}
          />
        </div>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm">
          Show
        </button>
      </form>
      {error ? (
        <p id="plan-in-force-at-error" className="text-sm text-red-700">
          {error}
        </p>
      ) : at ? (
        <p role="status" className="text-sm" data-testid="plan-in-force">
          {revision ? (
            <>
              <Link href={`/plan/revisions/${revision.number}`} className="font-medium text-sky-800 underline">
                Revision {revision.number}
              </Link>{" "}
              was in force at <LocalTime value={at} /> (published {revision.publishedAt ? <LocalTime value={revision.publishedAt} /> : "—"}
              {revision.publishedBy ? ` by ${revision.publishedBy.name}` : ""}).
            </>
          ) : (
            <>
              No plan revision had been published by <LocalTime value={at} />.
            </>
          )}
        </p>
      ) : null}
    </div>
  );
}
