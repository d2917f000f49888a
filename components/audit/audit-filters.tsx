import { FilterBar, FilterInput, FilterSelect } from "@/components/ui/filter-bar";
import type { AuditListFilterValue } from "@/lib/validation/audit";

const OUTCOMES = [
  { value: "SUCCESS", label: "Success" },
  { value: "FAILURE", label: "Failure" },
  { value: "DENIED", label: "Denied" },
];

export function AuditFilters({ filter }: { filter: AuditListFilterValue }) {
  return (
    <FilterBar
      action="/audit"
      label="Filter audit events"
      className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-7"
    >
      <FilterInput label="Action" name="action" value={filter.action} placeholder="e.g. auth.sign_in" />
      <FilterInput label="Actor" name="actor" value={filter.actor} placeholder="email" />
      <FilterInput label="Target" name="target" value={filter.target} placeholder="type or id" />
      <FilterSelect label="Outcome" name="outcome" value={filter.outcome} options={OUTCOMES} />
      <FilterInput label="From (UTC)" name="from" type="date" value={filter.from} />
      <FilterInput label="To (UTC)" name="to" type="date" value={filter.to} />
    </FilterBar>
  );
}
