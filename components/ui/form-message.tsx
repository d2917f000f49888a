import type { ReactNode } from "react";
import { LocalTime } from "@/components/ui/local-time";
import type { MessageTime } from "@/lib/form-state";

/** The message with the time it names (in UTC) shown in the viewer's own zone, UTC on hover. */
function withLocalTime(message: string, time: MessageTime | undefined): ReactNode {
  const at = time ? message.indexOf(time.text) : -1;
  if (!time || at < 0) return message;
  return (
    <>
      {message.slice(0, at)}
      <LocalTime value={time.iso} />
      {message.slice(at + time.text.length)}
    </>
  );
}

/** The outcome of a form submission, announced to screen readers. */
export function FormMessage({ state }: { state: { ok: boolean; message?: string; time?: MessageTime } | null }) {
  if (!state?.message) return null;
  return (
    <p
      role="status"
      data-testid="form-message"
      className={
        state.ok ? "rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800" : "rounded-md bg-red-50 px-3 py-2 text-sm text-red-800"
      }
    >
      {withLocalTime(state.message, state.time)}
    </p>
  );
}
