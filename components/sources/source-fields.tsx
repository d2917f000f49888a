import { Field, inputClasses } from "@/components/ui/field";
import { PRIORITY_OPTIONS } from "@/components/sources/types";
import type { FalcoPriority } from "@/lib/dto/detection-sources";

/** The datalist of the plan's clusters that default-cluster inputs suggest from. */
export const CLUSTER_LIST_ID = "source-cluster-names";

export function ClusterSuggestions({ clusters }: { clusters: string[] }) {
  return (
    <datalist id={CLUSTER_LIST_ID}>
      {clusters.map((name) => (
        <option key={name} value={name} />
      ))}
    </datalist>
  );
}

/** Name, default cluster and threshold: what can be set at creation and changed later. */
export function SourceSettingsFields({
  idPrefix,
  errors,
  defaults,
}: {
  idPrefix: string;
  errors: Record<string, string[] | undefined>;
  defaults?: { name: string; defaultCluster: string | null; minIncidentPriority: FalcoPriority };
}) {
  const priorityError = errors.minIncidentPriority?.[0];
  return (
    <>
      <Field
        id={`${idPrefix}-name`}
        label="Name"
        name="name"
        required
        maxLength={80}
        defaultValue={defaults?.name}
        errors={errors.name}
        hint="Unique, e.g. falcosidekick-prod-eu"
      />
      <Field
        id={`${idPrefix}-cluster`}
        label="Default cluster (optional)"
        name="defaultCluster"
        list={CLUSTER_LIST_ID}
        maxLength={120}
        defaultValue={defaults?.defaultCluster ?? ""}
        errors={errors.defaultCluster}
        hint="Used when an event names no cluster"
      />
      <div className="space-y-1">
        <label htmlFor={`${idPrefix}-priority`} className="block text-sm font-medium text-slate-700">
          Opens an incident at
        </label>
        <select
          id={`${idPrefix}-priority`}
          name="minIncidentPriority"
          defaultValue={defaults?.minIncidentPriority ?? "WARNING"}
          aria-invalid={priorityError ? true : undefined}
          className={inputClasses}
        >
          {PRIORITY_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        {priorityError ? (
          <p className="text-sm text-red-700">{priorityError}</p>
        ) : (
          <p className="text-xs text-slate-500">Falco priority; lower alerts are kept but open no incident</p>
        )}
      </div>
    </>
  );
}
