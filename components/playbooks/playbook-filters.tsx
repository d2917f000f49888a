import { FilterBar, FilterSelect } from "@/components/ui/filter-bar";
import { INCIDENT_TYPE_LABELS } from "@/lib/dto/labels";
import { INCIDENT_TYPES } from "@/lib/domain/playbook-labels";

/** Retired playbooks are hidden unless asked for. */
export function PlaybookFilters({ type, retired }: { type: string | null; retired: boolean }) {
  return (
    <FilterBar
      action="/playbooks"
      label="Filter playbooks"
      submit="Apply"
      active={Boolean(type || retired)}
      className="mb-3 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
    >
      <FilterSelect
        label="Incident type"
        name="type"
        value={type ?? undefined}
        options={INCIDENT_TYPES.map((t) => ({ value: t, label: INCIDENT_TYPE_LABELS[t] }))}
      />
      <label className="inline-flex items-center gap-2 pb-1.5 text-sm">
        <input type="checkbox" name="retired" value="1" defaultChecked={retired} />
        Show retired playbooks
      </label>
    </FilterBar>
  );
}
