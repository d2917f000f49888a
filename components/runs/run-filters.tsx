import { FilterBar, FilterInput, FilterSelect } from "@/components/ui/filter-bar";

const STATUSES = [
  { value: "ACTIVE", label: "Active" },
  { value: "COMPLETED", label: "Completed" },
  { value: "ABANDONED", label: "Abandoned" },
];

export function RunFilters({ status, incident }: { status?: string; incident?: string }) {
  return (
    <FilterBar action="/runs" label="Filter runs">
      <FilterSelect label="Status" name="status" value={status} options={STATUSES} />
      <FilterInput label="Incident" name="incident" value={incident} placeholder="INC-0042" width="w-32" />
    </FilterBar>
  );
}
