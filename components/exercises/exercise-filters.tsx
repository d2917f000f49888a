import { FilterBar, FilterInput, FilterSelect } from "@/components/ui/filter-bar";
import { EXERCISE_KIND_LABELS, EXERCISE_STATUS_LABELS, optionsOf } from "@/lib/dto/labels";
import type { ExerciseKind, ExerciseStatus } from "@/lib/dto/exercises";

export type ExerciseFilterValues = {
  kind?: ExerciseKind;
  status?: ExerciseStatus;
  scenario?: string;
  from?: string;
  to?: string;
  thirdParty?: "yes" | "no";
};

const THIRD_PARTY = [
  { value: "yes", label: "Facilitator or red team from outside" },
  { value: "no", label: "In-house only" },
];

export function ExerciseFilters({ filter, scenarios }: { filter: ExerciseFilterValues; scenarios: string[] }) {
  const { kind, status, scenario, from, to, thirdParty } = filter;
  return (
    <FilterBar
      action="/exercises"
      label="Filter exercises"
      submit="Apply"
      active={Object.values(filter).some(Boolean)}
      className="mb-3 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
    >
      <FilterSelect label="Type" name="kind" value={kind} options={optionsOf(EXERCISE_KIND_LABELS)} />
      <FilterSelect label="Status" name="status" value={status} options={optionsOf(EXERCISE_STATUS_LABELS)} />
      <FilterSelect label="Scenario" name="scenario" value={scenario} options={scenarios.map((s) => ({ value: s, label: s }))} />
      <FilterSelect label="Third party" name="thirdParty" value={thirdParty} options={THIRD_PARTY} />
      <FilterInput label="Held from" name="from" type="date" value={from} />
      <FilterInput label="to" name="to" type="date" value={to} />
    </FilterBar>
  );
}
