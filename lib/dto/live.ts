import type { RunStepDto, RunSummaryDto, RunViewerDto } from "@/lib/dto/runs";

// Every kind of live event, in one discriminated union shared by the writers (lib/dal/live-events.ts),
// the hub and the stream (lib/live/) and the pages that follow a stream (components/live/,
// components/runs/). A topic's followers switch over its kinds with `unhandledLiveEvent` in the
// default branch, so a kind added here and not handled there is a compile error (decision 019).

/** A playbook run's topic, `run:<id>`. */
export type RunTopic = `run:${string}`;
export type LiveTopic = RunTopic | "incidents";

/** What happens on a run's topic, with the data its page applies in place. */
export type RunLiveEvent =
  /** The step as the writer saved it. */
  | { kind: "step.updated"; data: RunStepDto }
  /** The run's summary; a run that just started is loaded by the stream. */
  | { kind: "run.updated"; data: RunSummaryDto }
  /** Someone opened or left the run; the stream loads who is there now. */
  | { kind: "presence"; data: { viewers: RunViewerDto[] } };

/** What happens on the incidents topic: boards and incident pages re-read what they show. */
export type IncidentsLiveEvent =
  | { kind: "incident.updated"; data: null }
  /** A batch of alerts was stored; the keys of the incidents it touched. */
  | { kind: "alerts.ingested"; data: { incidents: string[] } };

/** Sent by the hub itself, on any topic, to a client too far behind to replay: read everything again. */
export type ResyncLiveEvent = { kind: "resync"; data: null };

export type LiveEvent = RunLiveEvent | IncidentsLiveEvent | ResyncLiveEvent;
export type LiveEventKind = LiveEvent["kind"];

type Written<E extends LiveEvent> = E extends unknown ? { kind: E["kind"]; data?: E["data"] } : never;

/** What a writer appends: a topic's own kinds only, with the data a follower needs or none (the stream loads it). */
export type LiveEventInput = { entityId?: string | null; actorId?: string | null } & (
  ({ topic: RunTopic } & Written<RunLiveEvent>) | ({ topic: "incidents" } & Written<IncidentsLiveEvent>)
);

/**
 * What a browser receives for each event of topic events `E` (the SSE `data:` line, with the id
 * as `id:`). `data` is JSON from the wire — dates arrive as ISO strings — so a follower revives
 * it (components/runs/live-data.ts) rather than trusting the type; it is null when the record is gone.
 */
export type LiveMessage<E extends LiveEvent = LiveEvent> = E extends unknown
  ? { id: string; kind: E["kind"]; entityId: string | null; actorId: string | null; data: unknown }
  : never;

/** The default branch of a switch over live-event kinds: a kind not handled above fails to compile. */
export function unhandledLiveEvent(message: never): void {
  void message;
}
