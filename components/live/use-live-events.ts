"use client";

import { useEffect, useRef, useState } from "react";
import type { LiveEvent, LiveMessage, ResyncLiveEvent } from "@/lib/dto/live";

export type { LiveMessage };
export type LiveStatus = "connecting" | "live" | "reconnecting" | "stopped";

const MAX_RETRY_MS = 10_000;
/** Statuses that retrying cannot change: signed out, not allowed, gone. */
const FINAL = new Set([401, 403, 404]);

/**
 * Follows a server-sent-events endpoint. EventSource resumes on its own after a dropped connection
 * (sending `Last-Event-ID`); when the server answered with an error instead (503 while the database
 * restarts, a deploy) it gives up, so this reopens it with backoff and passes the last id it saw as
 * `?lastEventId=`. Nothing is missed either way: the server replays what came after that id.
 * An answer that retrying cannot fix (signed out, no longer allowed, gone) stops it.
 */
export function useLiveEvents<E extends LiveEvent>(
  url: string | null,
  onMessage: (message: LiveMessage<E | ResyncLiveEvent>) => void,
): { status: LiveStatus } {
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const handler = useRef(onMessage);
  useEffect(() => {
    handler.current = onMessage;
  }, [onMessage]);

  useEffect(() => {
    if (!url) return;
    let source: EventSource | null = null;
    let lastId: string | null = null;
    let retryMs = 500;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let stopped = false;

    const open = () => {
      const target = lastId ? `${url}${url.includes("?") ? "&" : "?"}lastEventId=${encodeURIComponent(lastId)}` : url;
      source = new EventSource(target);
      source.onopen = () => {
        retryMs = 500;
        setStatus("live");
      };
      source.onmessage = (event: MessageEvent<string>) => {
        if (event.lastEventId) lastId = event.lastEventId;
        try {
          handler.current(JSON.parse(event.data) as LiveMessage<E | ResyncLiveEvent>);
        } catch {
          // A message this page cannot read is skipped; the next one still arrives.
        }
      };
      source.onerror = () => {
        if (stopped) return;
        setStatus("reconnecting");
        if (source?.readyState !== EventSource.CLOSED) return;
        timer = setTimeout(() => void retry(), retryMs);
        retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
      };
    };
    // EventSource does not expose the status that closed it: ask once, without keeping the stream.
    const retry = async () => {
      const probe = new AbortController();
      try {
        const response = await fetch(url, { headers: { Accept: "text/event-stream" }, signal: probe.signal });
        probe.abort();
        if (FINAL.has(response.status)) {
          stopped = true;
          setStatus("stopped");
          return;
        }
      } catch {
        // offline or the server is restarting: keep trying
      }
      if (!stopped) open();
    };
    open();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      source?.close();
    };
  }, [url]);

  return { status };
}
