"use client";

import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useKeptForm } from "@/components/ui/use-kept-form";
import { fieldErrorsOf } from "@/lib/form-state";
import type { FormAction } from "@/lib/form-state";

export function LoginForm({ action, callbackUrl }: { action: FormAction; callbackUrl: string }) {
  const { state, pending, formRef, onSubmit } = useKeptForm(action, { resetOnSuccess: false });
  const errors = fieldErrorsOf(state);
  return (
    <form ref={formRef} onSubmit={onSubmit} method="post" className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field label="Email" name="email" type="email" autoComplete="username" required autoFocus errors={errors.email} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required errors={errors.password} />
      <FormMessage state={state} />
      <SubmitButton className="w-full" pendingText="Signing in…" pending={pending}>
        Sign in
      </SubmitButton>
    </form>
  );
}
