import { createHash } from "node:crypto";

// Every demo timestamp is relative to the moment of seeding, so the demo reads the same on any day.

export type Span = { days?: number; hours?: number; minutes?: number; seconds?: number };

function spanMs(span: Span): number {
  return (span.days ?? 0) * 86_400_000 + (span.hours ?? 0) * 3_600_000 + (span.minutes ?? 0) * 60_000 + (span.seconds ?? 0) * 1_000;
}

export type Clock = {
  now: Date;
  ago: (span: Span) => Date;
};

export function clockAt(now: Date): Clock {
  return { now, ago: (span) => new Date(now.getTime() - spanMs(span)) };
}

export function later(base: Date, span: Span): Date {
  return new Date(base.getTime() + spanMs(span));
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** A stable, well-formed image digest for a demo image reference. */
export function digestOf(imageRef: string): string {
  return `sha256:${sha256Hex(`bulkhead-demo-image:${imageRef}`)}`;
}
