import { cn } from "@/lib/cn";
import type { LiveStatus as Status } from "@/components/live/use-live-events";

const LABEL: Record<Status, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  stopped: "Live updates stopped: reload the page",
};

/** A small indicator of whether this page is receiving live updates. */
export function LiveStatus({ status }: { status: Status }) {
  return (
    <span role="status" aria-live="polite" data-live-status={status} className="inline-flex items-center gap-1.5 text-xs text-slate-600">
      <span
        aria-hidden
        className={cn(
          "size-2 rounded-full",
          status === "live" ? "bg-emerald-500" : status === "stopped" ? "bg-slate-400" : "animate-pulse bg-amber-500",
        )}
      />
      {LABEL[status]}
    </span>
  );
}
