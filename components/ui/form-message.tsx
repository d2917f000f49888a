/** The outcome of a form submission, announced to screen readers. */
export function FormMessage({ state }: { state: { ok: boolean; message?: string } | null }) {
  if (!state?.message) return null;
  return (
    <p
      role="status"
      data-testid="form-message"
      className={state.ok ? "rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800" : "rounded-md bg-red-50 px-3 py-2 text-sm text-red-800"}
    >
      {state.message}
    </p>
  );
}
