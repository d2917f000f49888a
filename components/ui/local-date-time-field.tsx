"use client";

import { useSyncExternalStore } from "react";
import { Field } from "@/components/ui/field";

const subscribe = () => () => undefined;

/** `YYYY-MM-DDTHH:mm` in the viewer's own zone, as a `datetime-local` input shows it. */
function localInputValue(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * A `datetime-local` field prefilled with an instant in the viewer's zone. The server cannot know
 * the zone, so it renders the field empty and the browser remounts it with the value after
 * hydration; the form sends it back as an instant (see `withInstants`).
 */
export function LocalDateTimeField({ initial, ...props }: { initial?: Date | string | null } & React.ComponentProps<typeof Field>) {
  const iso = initial ? new Date(initial).toISOString() : null;
  const hydrated = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  const value = iso && hydrated ? localInputValue(iso) : "";
  return <Field key={hydrated ? "local" : "server"} type="datetime-local" defaultValue={value} {...props} />;
}

/** The form's data with its `datetime-local` fields sent as instants, so the server never guesses the zone. */
export function withInstants(form: HTMLFormElement, names: readonly string[]): FormData {
  const data = new FormData(form);
  for (const name of names) {
    const value = data.get(name);
    if (typeof value === "string" && value !== "") {
      const at = new Date(value);
      if (!Number.isNaN(at.getTime())) data.set(name, at.toISOString());
    }
  }
  return data;
}
