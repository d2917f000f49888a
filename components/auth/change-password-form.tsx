"use client";

import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useKeptForm } from "@/components/ui/use-kept-form";
import { fieldErrorsOf, type FormAction } from "@/lib/form-state";

/** The user's own password change; on success the action signs this browser in again and navigates. */
export function ChangePasswordForm({ action, email }: { action: FormAction; email: string }) {
  const { state, pending, formRef, onSubmit } = useKeptForm(action, { resetOnSuccess: false });
  const errors = fieldErrorsOf(state);
  return (
    <form ref={formRef} onSubmit={onSubmit} method="post" className="max-w-sm space-y-4" aria-label="Change password" noValidate>
      {/* For password managers: which account the new password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        errors={errors.currentPassword}
      />
      <Field
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
        hint="At least 12 characters; not a common password, nor your name or email"
        errors={errors.newPassword}
      />
      <Field
        label="New password again"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        errors={errors.confirmPassword}
      />
      <FormMessage state={state} />
      <SubmitButton pendingText="Changing…" pending={pending}>
        Change password
      </SubmitButton>
    </form>
  );
}
