"use client";

import { startTransition, useActionState, useEffect, useRef } from "react";
import type { FormAction } from "@/lib/form-state";

/**
 * Submits a form to a server action without React's automatic reset, so that a refused
 * submission (a validation error, a wrong password, a conflict) keeps everything the user typed.
 * The form is cleared only after a success.
 */
export function useKeptForm(action: FormAction, { resetOnSuccess = true } = {}) {
  const [state, dispatch, pending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (resetOnSuccess && state?.ok) formRef.current?.reset();
  }, [state, resetOnSuccess]);
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  };
  return { state, pending, formRef, onSubmit };
}
