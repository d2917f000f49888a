"use client";

import { Field, inputClasses } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useKeptForm } from "@/components/ui/use-kept-form";
import { fieldErrorsOf } from "@/lib/form-state";
import { ROLE_OPTIONS, type FormAction } from "@/components/users/types";

export function CreateUserForm({ action }: { action: FormAction }) {
  const { state, pending, formRef, onSubmit } = useKeptForm(action);
  const errors = fieldErrorsOf(state);
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      method="post"
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5"
      aria-label="Create user"
    >
      <Field label="Name" name="name" required errors={errors.name} />
      <Field label="Email" name="email" type="email" required errors={errors.email} />
      <div className="space-y-1">
        <label htmlFor="new-user-role" className="block text-sm font-medium text-slate-700">
          Role
        </label>
        <select id="new-user-role" name="role" defaultValue="RESPONDER" className={inputClasses}>
          {ROLE_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <Field
        label="Initial password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 12 characters"
        errors={errors.password}
      />
      <div className="flex items-end">
        <SubmitButton pendingText="Creating…" pending={pending}>
          Create user
        </SubmitButton>
      </div>
      <div className="sm:col-span-2 lg:col-span-5">
        <FormMessage state={state} />
      </div>
    </form>
  );
}
