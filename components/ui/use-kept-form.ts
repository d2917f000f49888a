"use client";

import { startTransition, useActionState, useEffect, useRef } from "react";

type Result = { ok: boolean } | null;

export type KeptFormOptions<S extends Result> = {
  /** Clear the form after a success (a "new …" form); edit forms keep their values. Default true. */
  resetOnSuccess?: boolean;
  /** Runs with each result and the data that was sent, before it renders (close a panel, refresh). */
  onResult?: (result: S, formData: FormData) => void;
};

/**
 * The one way a form here submits to a server action (decision 018): without React's automatic
 * reset, so that a refused submission (a validation error, a wrong password, a conflict) keeps
 * everything the user typed. `onSubmit` sends the form's own fields; `submit` sends data the
 * component assembled itself. Results can carry more than a message (an issued token, a preview).
 */
export function useKeptForm<S extends Result>(
  action: (state: S, formData: FormData) => Promise<S>,
  { resetOnSuccess = true, onResult }: KeptFormOptions<S> = {},
) {
  // Every action state starts empty (ActionState and its kin all include null).
  const [state, dispatch, pending] = useActionState<S, FormData>(async (previous: Awaited<S>, formData: FormData) => {
    const result = await action(previous as S, formData);
    onResult?.(result, formData);
    return result;
  }, null as Awaited<S>);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (resetOnSuccess && state?.ok) formRef.current?.reset();
  }, [state, resetOnSuccess]);
  const submit = (formData: FormData) => startTransition(() => dispatch(formData));
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    submit(new FormData(event.currentTarget));
  };
  return { state, pending, formRef, onSubmit, submit };
}
