"use client";

import { useActionState, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { CRITICALITIES, ENVIRONMENTS, PROVIDERS, RUNTIMES, type ClusterDto, type FormAction } from "@/components/plan/platform/labels";
import { SelectField } from "@/components/ui/select-field";
import { CLUSTER_PROVIDER_LABELS, CONTAINER_RUNTIME_LABELS, CRITICALITY_LABELS, ENVIRONMENT_LABELS } from "@/lib/dto/labels";

const CRITICALITY_TONE = { CRITICAL: "bad", HIGH: "warn", MEDIUM: "info", LOW: "neutral" } as const;

/** A cluster's facts (provider, runtime, environment, criticality); managers edit them in place. */
export function ClusterDetails({ cluster, canEdit, action }: { cluster: ClusterDto; canEdit: boolean; action: FormAction }) {
  const [editing, setEditing] = useState(false);
  const [state, formAction] = useActionState(action, null);
  const id = (field: string) => `cluster-${cluster.id}-${field}`;
  if (editing) {
    return (
      <form
        action={formAction}
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4"
        aria-label={`Details of ${cluster.name}`}
      >
        <input type="hidden" name="id" value={cluster.id} />
        <input type="hidden" name="version" value={cluster.version} />
        <SelectField id={id("provider")} name="provider" label="Provider" options={PROVIDERS} defaultValue={cluster.provider} />
        <SelectField id={id("runtime")} name="runtime" label="Container runtime" options={RUNTIMES} defaultValue={cluster.runtime} />
        <SelectField
          id={id("environment")}
          name="environment"
          label="Environment"
          options={ENVIRONMENTS}
          defaultValue={cluster.environment}
        />
        <SelectField
          id={id("criticality")}
          name="criticality"
          label="Criticality"
          options={CRITICALITIES}
          defaultValue={cluster.criticality}
        />
        <TextAreaField
          id={id("description")}
          label="Description"
          name="description"
          rows={2}
          defaultValue={cluster.description ?? ""}
          maxLength={2000}
          className="sm:col-span-2 lg:col-span-4"
        />
        <div className="flex gap-2 sm:col-span-2 lg:col-span-4">
          <SubmitButton>Save cluster</SubmitButton>
          <Button variant="ghost" onClick={() => setEditing(false)}>
            Cancel
          </Button>
        </div>
        <div className="sm:col-span-2 lg:col-span-4">
          <FormMessage state={state} />
        </div>
      </form>
    );
  }
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Badge>{CLUSTER_PROVIDER_LABELS[cluster.provider]}</Badge>
        <Badge>runtime: {CONTAINER_RUNTIME_LABELS[cluster.runtime]}</Badge>
        <Badge tone={cluster.environment === "PRODUCTION" ? "warn" : "neutral"}>{ENVIRONMENT_LABELS[cluster.environment]}</Badge>
        <Badge tone={CRITICALITY_TONE[cluster.criticality as keyof typeof CRITICALITY_TONE] ?? "neutral"}>
          {CRITICALITY_LABELS[cluster.criticality]} criticality
        </Badge>
        {canEdit ? (
          <Button variant="ghost" onClick={() => setEditing(true)} aria-label={`Edit details of ${cluster.name}`}>
            Edit details
          </Button>
        ) : null}
      </div>
      {cluster.description ? <p className="max-w-3xl text-sm text-slate-600">{cluster.description}</p> : null}
      <FormMessage state={state} />
    </div>
  );
}
