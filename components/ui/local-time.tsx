"use client";

import { useSyncExternalStore } from "react";
import { utcText } from "@/lib/domain/utc-time";

const subscribe = () => () => undefined;

/**
 * A time in the viewer's own time zone, with UTC on hover. The server renders UTC (it cannot know
 * the zone); the browser swaps in local time after hydration.
 */
export function LocalTime({ value, withSeconds = false }: { value: Date | string; withSeconds?: boolean }) {
  const date = typeof value === "string" ? new Date(value) : value;
  const iso = date.toISOString();
  const utc = utcText(date, "second");
  const local = useSyncExternalStore(
    subscribe,
    () =>
      date.toLocaleString(undefined, {
        year: "numeric",
        month: "short",
        day: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        second: withSeconds ? "2-digit" : undefined,
        timeZoneName: "short",
      }),
    () => utc,
  );
  return (
    <time dateTime={iso} title={utc}>
      {local}
    </time>
  );
}
