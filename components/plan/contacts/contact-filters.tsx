import { inputClasses } from "@/components/ui/field";
import { FilterBar, FilterField, FilterInput, FilterSelect } from "@/components/ui/filter-bar";
import { REVIEW_STALE_DAYS } from "@/lib/domain/contacts";
import type { ContactListFilterValue } from "@/lib/validation/contacts";

export function ContactFilters({ filter, teams }: { filter: ContactListFilterValue; teams: string[] }) {
  return (
    <FilterBar
      action="/plan/contacts"
      label="Filter contacts"
      active={Boolean(filter.q || filter.team || filter.stale || filter.status !== "all")}
      clear="Clear filters"
      className="mb-3 flex flex-wrap items-end gap-3"
    >
      <FilterInput label="Search contacts" name="q" type="search" value={filter.q} placeholder="name, email, team or title" width="w-64" />
      <FilterSelect label="Team" name="team" value={filter.team} any="Any team" options={teams.map((t) => ({ value: t, label: t }))} />
      <FilterField label="Status">
        <select name="status" defaultValue={filter.status} className={inputClasses}>
          <option value="all">Active and inactive</option>
          <option value="active">Active</option>
          <option value="inactive">Inactive</option>
        </select>
      </FilterField>
      <label className="flex items-center gap-2 pb-1.5 text-sm">
        <input type="checkbox" name="stale" value="1" defaultChecked={filter.stale === "1"} className="size-4" />
        Review overdue (over {REVIEW_STALE_DAYS} days or never)
      </label>
    </FilterBar>
  );
}
