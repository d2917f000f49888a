"use client";

import { useActionState } from "react";
import { Field, inputClasses } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { SelectField } from "@/components/ui/select-field";
import { WORKLOAD_KINDS, type ClusterDto, type FormAction } from "@/components/plan/platform/labels";
import { fieldErrorsOf } from "@/lib/form-state";

/** Adds a namespace by exact name or a pattern such as `payments-*`; it inherits until owners are set. */
export function AddNamespaceForm({ clusterId, clusterName, action }: { clusterId: string; clusterName: string; action: FormAction }) {
  const [state, formAction] = useActionState(action, null);
  const errors = fieldErrorsOf(state);
  return (
    <form
      action={formAction}
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-3"
      aria-label={`Add a namespace to ${clusterName}`}
    >
      <input type="hidden" name="clusterId" value={clusterId} />
      <div className="flex flex-wrap items-end gap-2">
        <Field
          id={`ns-name-${clusterId}`}
          label="Namespace or pattern"
          name="name"
          required
          maxLength={63}
          placeholder="payments or payments-*"
          hint="* matches any run of characters, ? one character."
          errors={errors.name}
          className="min-w-56 flex-1"
        />
        <SubmitButton variant="secondary" pendingText="Adding…">
          Add namespace
        </SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

/** Adds a workload (Deployment, StatefulSet…) under one of the cluster's namespaces. */
export function AddWorkloadForm({ cluster, action }: { cluster: ClusterDto; action: FormAction }) {
  const [state, formAction] = useActionState(action, null);
  const errors = fieldErrorsOf(state);
  if (cluster.namespaces.length === 0) return null;
  return (
    <form
      action={formAction}
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-3"
      aria-label={`Add a workload to ${cluster.name}`}
    >
      <div className="flex flex-wrap items-end gap-2">
        <div className="space-y-1">
          <label htmlFor={`wl-ns-${cluster.id}`} className="block text-sm font-medium text-slate-700">
            Namespace
          </label>
          <select id={`wl-ns-${cluster.id}`} name="namespaceId" required className={inputClasses}>
            {cluster.namespaces.map((ns) => (
              <option key={ns.id} value={ns.id}>
                {ns.name}
              </option>
            ))}
          </select>
        </div>
        <Field
          id={`wl-name-${cluster.id}`}
          label="Workload name"
          name="name"
          required
          maxLength={253}
          placeholder="payments-api"
          errors={errors.name}
          className="min-w-48 flex-1"
        />
        <SelectField
          id={`wl-kind-${cluster.id}`}
          name="kind"
          label="Kind"
          options={WORKLOAD_KINDS}
          defaultValue="DEPLOYMENT"
          errors={errors.kind}
        />
        <SubmitButton variant="secondary" pendingText="Adding…">
          Add workload
        </SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
