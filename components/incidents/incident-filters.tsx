import Link from "next/link";
import { IncidentStatus, Severity, valuesOf } from "@/lib/dto/enums";
import { INCIDENT_STATUS_LABELS } from "@/lib/dto/labels";

const STATUS_OPTIONS = valuesOf(IncidentStatus);
const SEVERITY_OPTIONS = valuesOf(Severity);

export type IncidentFilterValues = {
  status?: string[];
  severity?: string[];
  cluster?: string;
  namespace?: string;
  owner?: string;
  q?: string;
  from?: string;
  to?: string;
};

const input = "rounded-md border border-slate-300 px-2.5 py-1.5 text-sm";

/** A plain GET form: filters live in the URL, so a filtered list can be bookmarked and shared. */
export function IncidentFilters({ values }: { values: IncidentFilterValues }) {
  return (
    <form
      method="get"
      action="/incidents"
      aria-label="Filter incidents"
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
    >
      <fieldset className="text-sm">
        <legend className="mb-1 font-medium text-slate-700">Status</legend>
        <div className="flex flex-wrap gap-2">
          {STATUS_OPTIONS.map((s) => (
            <label key={s} className="inline-flex items-center gap-1">
              <input type="checkbox" name="status" value={s} defaultChecked={values.status?.includes(s)} />
              {INCIDENT_STATUS_LABELS[s]}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">Severity</span>
        <select name="severity" defaultValue={values.severity?.[0] ?? ""} className={input}>
          <option value="">Any</option>
          {SEVERITY_OPTIONS.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">Cluster</span>
        <input name="cluster" defaultValue={values.cluster} placeholder="prod-eu" className={`${input} w-28`} />
      </label>
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">Namespace</span>
        <input name="namespace" defaultValue={values.namespace} placeholder="payments" className={`${input} w-32`} />
      </label>
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">Owner</span>
        <input name="owner" defaultValue={values.owner} placeholder="owner's email" className={`${input} w-48`} />
      </label>
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">Title contains</span>
        <input name="q" defaultValue={values.q} className={`${input} w-40`} />
      </label>
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">Detected from (UTC)</span>
        <input type="date" name="from" defaultValue={values.from} className={input} />
      </label>
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">through (UTC)</span>
        <input type="date" name="to" defaultValue={values.to} className={input} />
      </label>
      <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm">
        Filter
      </button>
      <Link href="/incidents" className="px-1 py-1.5 text-sm text-sky-800 underline">
        Clear
      </Link>
    </form>
  );
}
