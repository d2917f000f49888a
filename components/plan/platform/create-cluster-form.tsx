"use client";

import { useActionState } from "react";
import { Field, TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { SelectField } from "@/components/ui/select-field";
import {
  CRITICALITIES,
  ENVIRONMENTS,
  PROVIDERS,
  RUNTIMES,
  type OwnerContactOptionDto,
  type FormAction,
} from "@/components/plan/platform/labels";
import { OwnerSelect } from "@/components/plan/platform/owner-select";
import { fieldErrorsOf } from "@/lib/form-state";

/** A new cluster with its full owner set: every namespace falls back to it, so it may never lack one. */
export function CreateClusterForm({ action, contacts }: { action: FormAction; contacts: OwnerContactOptionDto[] }) {
  const [state, formAction] = useActionState(action, null);
  const errors = fieldErrorsOf(state);
  return (
    <form
      action={formAction}
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5"
      aria-label="Add a cluster"
    >
      <Field
        id="new-cluster-name"
        label="Cluster name"
        name="name"
        required
        maxLength={100}
        placeholder="prod-eu"
        hint="As it appears in alerts (k8s.cluster.name); it cannot be renamed later."
        errors={errors.name}
      />
      <SelectField
        id="new-cluster-provider"
        name="provider"
        label="Provider"
        options={PROVIDERS}
        defaultValue="EKS"
        errors={errors.provider}
      />
      <SelectField
        id="new-cluster-runtime"
        name="runtime"
        label="Container runtime"
        options={RUNTIMES}
        defaultValue="CONTAINERD"
        errors={errors.runtime}
      />
      <SelectField
        id="new-cluster-environment"
        name="environment"
        label="Environment"
        options={ENVIRONMENTS}
        defaultValue="PRODUCTION"
        errors={errors.environment}
      />
      <SelectField
        id="new-cluster-criticality"
        name="criticality"
        label="Criticality"
        options={CRITICALITIES}
        defaultValue="HIGH"
        errors={errors.criticality}
      />
      <OwnerSelect
        id="new-cluster-primary"
        name="primary"
        label="Primary owner"
        contacts={contacts}
        selected={[]}
        errors={errors.primary}
      />
      <OwnerSelect
        id="new-cluster-secondary"
        name="secondary"
        label="Secondary owners"
        contacts={contacts}
        selected={[]}
        multiple
        errors={errors.secondary}
      />
      <OwnerSelect
        id="new-cluster-security"
        name="security"
        label="Security contacts"
        contacts={contacts}
        selected={[]}
        multiple
        errors={errors.security}
      />
      <TextAreaField
        id="new-cluster-description"
        label="Description"
        name="description"
        rows={3}
        maxLength={2000}
        placeholder="Region, node OS, what it serves, compliance scope"
        className="sm:col-span-2"
      />
      <div className="flex items-end sm:col-span-2 lg:col-span-5">
        <SubmitButton pendingText="Adding…">Add cluster</SubmitButton>
      </div>
      <div className="sm:col-span-2 lg:col-span-5">
        <FormMessage state={state} />
      </div>
    </form>
  );
}
