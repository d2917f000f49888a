"use client";

import { useState } from "react";

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
