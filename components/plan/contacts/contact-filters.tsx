import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { REVIEW_STALE_DAYS } from "@/lib/domain/contacts";
import type { ContactListFilterValue } from "@/lib/validation/contacts";

const selectClasses = "rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm";

/** A plain GET form: the filters live in the URL, so a filtered list can be bookmarked and shared. */
export function ContactFilters({ filter, teams }: { filter: ContactListFilterValue; teams: string[] }) {
  return (
    <form method="get" action="/plan/contacts" className="mb-3 flex flex-wrap items-end gap-3" aria-label="Filter contacts">
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">Search contacts</span>
        <input
          type="search"
          name="q"
          defaultValue={filter.q}
          placeholder="name, email, team or title"
          className={`${selectClasses} w-64`}
        />
      </label>
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">Team</span>
        <select name="team" defaultValue={filter.team ?? ""} className={selectClasses}>
          <option value="">Any team</option>
          {teams.map((team) => (
            <option key={team} value={team}>
              {team}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">Status</span>
        <select name="status" defaultValue={filter.status} className={selectClasses}>
          <option value="all">Active and inactive</option>
          <option value="active">Active</option>
          <option value="inactive">Inactive</option>
        </select>
      </label>
      <label className="flex items-center gap-2 pb-1.5 text-sm">
        <input type="checkbox" name="stale" value="1" defaultChecked={filter.stale === "1"} className="size-4" />
        Review overdue (over {REVIEW_STALE_DAYS} days or never)
      </label>
      <button type="submit" className={buttonClasses("secondary")}>
        Filter
      </button>
      {filter.q || filter.team || filter.stale || filter.status !== "all" ? (
        <Link href="/plan/contacts" className="pb-1.5 text-sm text-slate-600 underline">
          Clear filters
        </Link>
      ) : null}
    </form>
  );
}
