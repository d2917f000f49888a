"use client";

import { useKeptForm } from "@/components/ui/use-kept-form";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClasses, TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { fieldErrorsOf } from "@/lib/form-state";
import type { ContactDto, FormAction, LinkableUserDto } from "@/components/plan/contacts/types";

/**
 * Creates a contact (no `contact`) or edits one. Submitted through the action dispatcher rather
 * than the form's action prop, so a refused save keeps what the manager typed; a new-contact form
 * clears itself only after a successful save.
 */
export function ContactForm({ action, contact, users }: { action: FormAction; contact?: ContactDto; users: LinkableUserDto[] }) {
  const [email, setEmail] = useState(contact?.email ?? "");
  const { state, pending, formRef, onSubmit } = useKeptForm(action, {
    resetOnSuccess: !contact,
    onResult: (result) => {
      if (result?.ok && !contact) setEmail("");
    },
  });
  const errors = fieldErrorsOf(state);
  const prefix = contact ? `contact-${contact.id}` : "new-contact";
  const match = users.find((u) => u.email.toLowerCase() === email.trim().toLowerCase());

  return (
    <form
      ref={formRef}
      aria-label={contact ? `Edit ${contact.name}` : "New contact"}
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2"
      onSubmit={onSubmit}
    >
      {contact ? (
        <>
          <input type="hidden" name="id" value={contact.id} />
          {/* Controlled, so a revalidated page hands the form the version it must send next. */}
          <input type="hidden" name="version" value={contact.version} />
        </>
      ) : null}
      <Field id={`${prefix}-name`} label="Name" name="name" required maxLength={120} defaultValue={contact?.name} errors={errors.name} />
      <Field
        id={`${prefix}-email`}
        label="Email"
        name="email"
        type="email"
        required
        defaultValue={contact?.email}
        onChange={(e) => setEmail(e.currentTarget.value)}
        errors={errors.email}
      />
      <Field
        id={`${prefix}-phone`}
        label="Phone"
        name="phone"
        type="tel"
        maxLength={40}
        defaultValue={contact?.phone ?? ""}
        hint="As dialled, e.g. +44 20 7946 0112"
        errors={errors.phone}
      />
      <Field id={`${prefix}-team`} label="Team" name="team" maxLength={80} defaultValue={contact?.team ?? ""} errors={errors.team} />
      <Field id={`${prefix}-title`} label="Title" name="title" maxLength={120} defaultValue={contact?.title ?? ""} errors={errors.title} />
      <div className="space-y-1">
        <label htmlFor={`${prefix}-user`} className="block text-sm font-medium text-slate-700">
          User account
        </label>
        <select
          id={`${prefix}-user`}
          name="userId"
          defaultValue={contact?.user?.id ?? ""}
          aria-describedby={`${prefix}-user-hint`}
          aria-invalid={errors.userId ? true : undefined}
          className={inputClasses}
        >
          <option value="">No account</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name} ({u.email}){u.id === match?.id ? " — same email" : ""}
            </option>
          ))}
        </select>
        <p id={`${prefix}-user-hint`} className={errors.userId ? "text-sm text-red-700" : "text-xs text-slate-500"}>
          {errors.userId?.[0] ??
            (match && match.id !== contact?.user?.id
              ? `Suggested: ${match.name} signs in with this email.`
              : "Links the person to the account they sign in with.")}
        </p>
      </div>
      <TextAreaField
        id={`${prefix}-notes`}
        label="Notes"
        name="notes"
        rows={3}
        maxLength={2000}
        defaultValue={contact?.notes ?? ""}
        errors={errors.notes}
        className="sm:col-span-2"
      />
      <div className="flex items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? "Saving…" : "Save contact"}
        </Button>
      </div>
      <div className="sm:col-span-2">
        <FormMessage state={state} />
      </div>
    </form>
  );
}
