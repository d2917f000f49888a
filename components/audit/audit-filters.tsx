import Link from "next/link";
import { inputClasses } from "@/components/ui/field";
import { buttonClasses } from "@/components/ui/button";
import type { AuditListFilterValue } from "@/lib/validation/audit";

/** A plain GET form: filters live in the URL, so a filtered view can be bookmarked and shared. */
export function AuditFilters({ filter }: { filter: AuditListFilterValue }) {
  return (
    <form
      method="get"
      className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-7"
      aria-label="Filter audit events"
    >
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">Action</span>
        <input name="action" defaultValue={filter.action} placeholder="e.g. auth.sign_in" className={inputClasses} />
      </label>
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">Actor</span>
        <input name="actor" defaultValue={filter.actor} placeholder="email" className={inputClasses} />
      </label>
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">Target</span>
        <input name="target" defaultValue={filter.target} placeholder="type or id" className={inputClasses} />
      </label>
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">Outcome</span>
        <select name="outcome" defaultValue={filter.outcome ?? ""} className={inputClasses}>
          <option value="">Any</option>
          <option value="SUCCESS">Success</option>
          <option value="FAILURE">Failure</option>
          <option value="DENIED">Denied</option>
        </select>
      </label>
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">From (UTC)</span>
        <input type="date" name="from" defaultValue={filter.from} className={inputClasses} />
      </label>
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">To (UTC)</span>
        <input type="date" name="to" defaultValue={filter.to} className={inputClasses} />
      </label>
      <div className="flex items-end gap-2">
        <button type="submit" className={buttonClasses("primary")}>
          Filter
        </button>
        <Link href="/audit" className={buttonClasses("ghost")}>
          Clear
        </Link>
      </div>
    </form>
  );
}
