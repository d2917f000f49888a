import Link from "next/link";
import { inputClasses } from "@/components/ui/field";
import { INCIDENT_TYPE_LABELS } from "@/lib/dto/labels";
import { INCIDENT_TYPES } from "@/lib/domain/playbook-labels";

/** A GET form: the filter lives in the URL. Retired playbooks are hidden unless asked for. */
export function PlaybookFilters({ type, retired }: { type: string | null; retired: boolean }) {
  return (
    <form
      method="get"
      action="/playbooks"
      aria-label="Filter playbooks"
      className="mb-3 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
    >
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">Incident type</span>
        <select name="type" defaultValue={type ?? ""} className={inputClasses}>
          <option value="">Any</option>
          {INCIDENT_TYPES.map((t) => (
            <option key={t} value={t}>
              {INCIDENT_TYPE_LABELS[t]}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-flex items-center gap-2 pb-1.5 text-sm">
        <input type="checkbox" name="retired" value="1" defaultChecked={retired} />
        Show retired playbooks
      </label>
      <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700">
        Apply
      </button>
      {type || retired ? (
        <Link href="/playbooks" className="pb-1.5 text-sm text-sky-800 underline">
          Clear
        </Link>
      ) : null}
    </form>
  );
}
