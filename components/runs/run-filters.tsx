import Link from "next/link";

const input = "rounded-md border border-slate-300 px-2.5 py-1.5 text-sm";

/** A plain GET form: the filters live in the URL, so a filtered list can be bookmarked and shared. */
export function RunFilters({ status, incident }: { status?: string; incident?: string }) {
  return (
    <form
      method="get"
      action="/runs"
      aria-label="Filter runs"
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
    >
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">Status</span>
        <select name="status" defaultValue={status ?? ""} className={input}>
          <option value="">Any</option>
          <option value="ACTIVE">Active</option>
          <option value="COMPLETED">Completed</option>
          <option value="ABANDONED">Abandoned</option>
        </select>
      </label>
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">Incident</span>
        <input name="incident" defaultValue={incident} placeholder="INC-0042" className={`${input} w-32`} />
      </label>
      <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm">
        Filter
      </button>
      <Link href="/runs" className="px-1 py-1.5 text-sm text-sky-800 underline">
        Clear
      </Link>
    </form>
  );
}
