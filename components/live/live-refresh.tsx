"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef } from "react";
import { LiveStatus } from "@/components/live/live-status";
import { useLiveEvents } from "@/components/live/use-live-events";
import { unhandledLiveEvent, type IncidentsLiveEvent, type LiveMessage, type ResyncLiveEvent } from "@/lib/dto/live";

/** One incident: its own changes carry its id, alert batches list the keys of the incidents they touched. */
export type LiveRefreshScope = { id: string; key: string };

function concerns(message: LiveMessage<IncidentsLiveEvent | ResyncLiveEvent>, scope: LiveRefreshScope | undefined): boolean {
  if (!scope) return true;
  switch (message.kind) {
    case "resync":
      return true;
    case "incident.updated":
      return message.entityId === scope.id;
    case "alerts.ingested": {
      const touched = (message.data as { incidents?: unknown } | null)?.incidents;
      return Array.isArray(touched) && touched.includes(scope.key);
    }
    default:
      unhandledLiveEvent(message);
      return false;
  }
}

/**
 * Re-renders the page's server components whenever the stream reports a change (no reload: scroll,
 * filters and typed input stay). Bursts of events are coalesced: the first change after a quiet
 * spell refreshes after `delayMs`, and while changes keep coming (an alert storm sends a batch
 * every second) the page refreshes at most once per `minIntervalMs`, so a storm costs each viewer
 * one render every few seconds, not one per batch. With a `scope`, only events about that incident
 * count.
 */
export function LiveRefresh({
  url,
  scope,
  delayMs = 1_000,
  minIntervalMs = 5_000,
}: {
  url: string;
  scope?: LiveRefreshScope;
  delayMs?: number;
  minIntervalMs?: number;
}) {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastRefresh = useRef(0);
  const onMessage = useCallback(
    (message: LiveMessage<IncidentsLiveEvent | ResyncLiveEvent>) => {
      if (!concerns(message, scope) || timer.current) return;
      const wait = Math.max(delayMs, lastRefresh.current + minIntervalMs - Date.now());
      timer.current = setTimeout(() => {
        timer.current = null;
        lastRefresh.current = Date.now();
        router.refresh();
      }, wait);
    },
    [router, delayMs, minIntervalMs, scope],
  );
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const { status } = useLiveEvents<IncidentsLiveEvent>(url, onMessage);
  return <LiveStatus status={status} />;
}
