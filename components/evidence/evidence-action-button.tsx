"use client";

import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useKeptForm } from "@/components/ui/use-kept-form";
import type { FormAction } from "@/lib/form-state";

/** One button that runs an action on the register (verify, seal) and says what came of it. */
export function EvidenceActionButton({
  action,
  fields,
  children,
  pendingText,
  label,
}: {
  action: FormAction;
  fields: Record<string, string>;
  children: React.ReactNode;
  pendingText: string;
  label: string;
}) {
  const { state, pending, formRef, onSubmit } = useKeptForm(action);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-2" aria-label={label}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton pending={pending} pendingText={pendingText} variant="secondary">
        {children}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
