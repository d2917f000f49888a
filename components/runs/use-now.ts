"use client";

import { useEffect, useState } from "react";

/** The current time, refreshed every `everyMs`; starts at the server's `initial` so hydration matches. */
export function useNow(initial: Date, everyMs = 30_000): Date {
  const [now, setNow] = useState(initial);
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
