import Link from "next/link";
import { inputClasses } from "@/components/ui/field";
import { EXERCISE_KIND_LABELS, EXERCISE_STATUS_LABELS } from "@/lib/dto/labels";
import type { ExerciseKind, ExerciseStatus } from "@/lib/dto/exercises";

/** A GET form: the filter lives in the URL. */
export type ExerciseFilterValues = {
  kind?: ExerciseKind;
  status?: ExerciseStatus;
  scenario?: string;
  from?: string;
  to?: string;
  thirdParty?: "yes" | "no";
};

export function ExerciseFilters({ filter, scenarios }: { filter: ExerciseFilterValues; scenarios: string[] }) {
  const { kind, status, scenario, from, to, thirdParty } = filter;
  return (
    <form
      method="get"
      action="/exercises"
      aria-label="Filter exercises"
      className="mb-3 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
    >
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">Type</span>
        <select name="kind" defaultValue={kind ?? ""} className={inputClasses}>
          <option value="">Any</option>
          {(Object.keys(EXERCISE_KIND_LABELS) as ExerciseKind[]).map((k) => (
            <option key={k} value={k}>
              {EXERCISE_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">Status</span>
        <select name="status" defaultValue={status ?? ""} className={inputClasses}>
          <option value="">Any</option>
          {(Object.keys(EXERCISE_STATUS_LABELS) as ExerciseStatus[]).map((s) => (
            <option key={s} value={s}>
              {EXERCISE_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">Scenario</span>
        <select name="scenario" defaultValue={scenario ?? ""} className={inputClasses}>
          <option value="">Any</option>
          {scenarios.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">Third party</span>
        <select name="thirdParty" defaultValue={thirdParty ?? ""} className={inputClasses}>
          <option value="">Any</option>
          <option value="yes">Facilitator or red team from outside</option>
          <option value="no">In-house only</option>
        </select>
      </label>
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">Held from</span>
        <input type="date" name="from" defaultValue={from ?? ""} className={inputClasses} />
      </label>
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">to</span>
        <input type="date" name="to" defaultValue={to ?? ""} className={inputClasses} />
      </label>
      <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700">
        Apply
      </button>
      {Object.values(filter).some(Boolean) ? (
        <Link href="/exercises" className="pb-1.5 text-sm text-sky-800 underline">
          Clear
        </Link>
      ) : null}
    </form>
  );
}
