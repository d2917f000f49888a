"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef } from "react";
import { LiveStatus } from "@/components/live/live-status";
import { useLiveEvents, type LiveMessage } from "@/components/live/use-live-events";

/** One incident: its own changes carry its id, alert batches list the keys of the incidents they touched. */
export type LiveRefreshScope = { id: string; key: string };

function concerns(message: LiveMessage, scope: LiveRefreshScope | undefined): boolean {
  if (!scope || message.kind === "resync") return true;
  if (message.entityId === scope.id) return true;
  const touched = (message.data as { incidents?: unknown } | null)?.incidents;
  return Array.isArray(touched) && touched.includes(scope.key);
}

/**
 * Re-renders the page's server components whenever the stream reports a change (no reload: scroll,
 * filters and typed input stay). Bursts of events are coalesced into one refresh per `delayMs`;
 * with a `scope`, only events about that incident count.
 */
export function LiveRefresh({ url, scope, delayMs = 1_000 }: { url: string; scope?: LiveRefreshScope; delayMs?: number }) {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onMessage = useCallback(
    (message: LiveMessage) => {
      if (!concerns(message, scope) || timer.current) return;
      timer.current = setTimeout(() => {
        timer.current = null;
        router.refresh();
      }, delayMs);
    },
    [router, delayMs, scope],
  );
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  const { status } = useLiveEvents(url, onMessage);
  return <LiveStatus status={status} />;
}
