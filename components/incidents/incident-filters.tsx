import { FilterBar, FilterInput, FilterSelect } from "@/components/ui/filter-bar";
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

export function IncidentFilters({ values }: { values: IncidentFilterValues }) {
  return (
    <FilterBar action="/incidents" label="Filter incidents">
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
      <FilterSelect
        label="Severity"
        name="severity"
        value={values.severity?.[0]}
        options={SEVERITY_OPTIONS.map((s) => ({ value: s, label: s }))}
      />
      <FilterInput label="Cluster" name="cluster" value={values.cluster} placeholder="prod-eu" width="w-28" />
      <FilterInput label="Namespace" name="namespace" value={values.namespace} placeholder="payments" width="w-32" />
      <FilterInput label="Owner" name="owner" value={values.owner} placeholder="owner's email" width="w-48" />
      <FilterInput label="Title contains" name="q" value={values.q} width="w-40" />
      <FilterInput label="Detected from (UTC)" name="from" type="date" value={values.from} width="w-auto" />
      <FilterInput label="through (UTC)" name="to" type="date" value={values.to} width="w-auto" />
    </FilterBar>
  );
}
