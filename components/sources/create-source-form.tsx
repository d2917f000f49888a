"use client";

import { useEffect, useRef } from "react";
import { inputClasses } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { IssuedToken } from "@/components/sources/issued-token";
import { SourceSettingsFields } from "@/components/sources/source-fields";
import { KIND_OPTIONS, type TokenFormAction } from "@/components/sources/types";
import { useKeptForm } from "@/components/ui/use-kept-form";
import { useDismissible } from "@/components/sources/use-panel-state";
import { fieldErrorsOf } from "@/lib/form-state";

export function CreateSourceForm({ action }: { action: TokenFormAction }) {
  const { state, pending, onSubmit } = useKeptForm(action, { resetOnSuccess: false });
  const formRef = useRef<HTMLFormElement>(null);
  const token = useDismissible(state?.ok ? state.issued : undefined);
  const errors = fieldErrorsOf(state);
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  return (
    <div className="space-y-3">
      <form
        ref={formRef}
        onSubmit={onSubmit}
        method="post"
        aria-label="Create detection source"
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4"
      >
        <SourceSettingsFields idPrefix="new-source" errors={errors} />
        <div className="space-y-1">
          <label htmlFor="new-source-kind" className="block text-sm font-medium text-slate-700">
            Sent by
          </label>
          <select id="new-source-kind" name="kind" defaultValue="FALCOSIDEKICK" className={inputClasses}>
            {KIND_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          {errors.kind?.[0] ? <p className="text-sm text-red-700">{errors.kind[0]}</p> : null}
        </div>
        <div className="flex items-end sm:col-span-2 lg:col-span-4">
          <SubmitButton pending={pending} pendingText="Creating…">
            Create source
          </SubmitButton>
        </div>
        <div className="sm:col-span-2 lg:col-span-4">
          <FormMessage state={state} />
        </div>
      </form>
      {token.visible ? <IssuedToken issued={token.visible} onDismiss={token.dismiss} /> : null}
    </div>
  );
}
