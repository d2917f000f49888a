"use client";

import { startTransition, useActionState, useState } from "react";
import type { TokenActionState, TokenFormAction } from "@/components/sources/types";

/**
 * Submits a form to a server action without React's automatic reset, so a refused submission keeps
 * what the user typed (as components/ui/use-kept-form does), for actions whose result carries more
 * than a message (a newly issued token). Plain actions fit too: their result is a token result without one.
 */
export function useSourceForm(action: TokenFormAction) {
  const [state, dispatch, pending] = useActionState<TokenActionState, FormData>(action, null);
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  };
  return { state, pending, onSubmit };
}

/**
 * A panel opened by a click (an edit form, a confirmation) that closes by itself once the next
 * submission succeeds, and stays open on a refusal so the message and the input remain.
 */
export function useOpenUntilSuccess<S extends { ok: boolean } | null>(state: S) {
  const [openedAt, setOpenedAt] = useState<{ state: S } | null>(null);
  const open = openedAt !== null && (openedAt.state === state || !state?.ok);
  return { open, show: () => setOpenedAt({ state }), hide: () => setOpenedAt(null) };
}

/** A result shown until dismissed; a newer result shows again. */
export function useDismissible<T extends object>(value: T | undefined) {
  const [dismissed, setDismissed] = useState<T | undefined>(undefined);
  return { visible: value !== undefined && value !== dismissed ? value : undefined, dismiss: () => setDismissed(value) };
}
