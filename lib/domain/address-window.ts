// Per-address counting in fixed one-minute windows, kept in one process's memory: how alert ingest
// paces refused requests (lib/dal/ingest/sources.ts) without a database write per request. Pure:
// the caller passes the time.

/** Where addresses beyond `maxKeys` in one window are counted together, so memory stays bounded under a spray from many addresses. */
export const OVERFLOW_KEY = "(other addresses)";

export type WindowHit = {
  /** Hits of this key in the current window, this one included. */
  count: number;
  /** Seconds until the window ends: an answer's Retry-After once the count is past the limit. */
  retryAfterSeconds: number;
};

export class AddressWindow {
  private start = 0;
  private readonly counts = new Map<string, number>();

  constructor(
    readonly windowMs = 60_000,
    readonly maxKeys = 10_000,
  ) {}

  private roll(now: number): void {
    const start = now - (now % this.windowMs);
    if (start !== this.start) {
      this.start = start;
      this.counts.clear();
    }
  }

  private keyFor(key: string): string {
    return this.counts.has(key) || this.counts.size < this.maxKeys ? key : OVERFLOW_KEY;
  }

  private retryAfter(now: number): number {
    return Math.max(1, Math.ceil((this.start + this.windowMs - now) / 1000));
  }

  /** Counts one more hit of `key` at `now`. */
  hit(key: string, now: number): WindowHit {
    this.roll(now);
    const k = this.keyFor(key);
    const count = (this.counts.get(k) ?? 0) + 1;
    this.counts.set(k, count);
    return { count, retryAfterSeconds: this.retryAfter(now) };
  }

  /** The hits of `key` so far in the window of `now`, without counting one. */
  peek(key: string, now: number): WindowHit {
    this.roll(now);
    return { count: this.counts.get(this.keyFor(key)) ?? 0, retryAfterSeconds: this.retryAfter(now) };
  }
}
