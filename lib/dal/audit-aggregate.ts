import "server-only";
import { db } from "@/lib/db";
import { appendAuditEvent } from "@/lib/dal/audit";
import { log } from "@/lib/log";

// Refusals that arrive as a flood — alert ingest with no token or a wrong one — are audited as
// counts, not one event each: a row per refused request would let anyone on the network grow the
// audit log and hold the audit chain's global lock (decision 005) once per request. Each process
// tallies them in memory per client address and writes one DENIED event per address at most once
// a minute (`flushAuditTally`), all in one transaction: one hold of the audit lock per minute,
// whatever the rate. What is lost with this: a process that dies loses the counts of its last
// minute (at most), and the times are those of the tally's window, not of each request.

export type TallyInput = {
  /** The client address the refusals are counted under (null: unknown). */
  ip: string | null;
  reason: string;
  /** At most a token's first characters, never the token. */
  tokenPrefix: string | null;
  source?: { id: string; name: string } | null;
  /** Refused by the rate limit (429), before any other check. */
  throttled: boolean;
};

type Tally = {
  key: string;
  ip: string | null;
  count: number;
  throttled: number;
  reasons: Map<string, number>;
  tokenPrefixes: Set<string>;
  sources: Map<string, string>;
  firstAt: Date;
  lastAt: Date;
};

/** Distinct token prefixes and sources kept per address and window: enough to recognise a misconfigured sender, bounded for a guesser. */
const SAMPLES = 5;
/** Addresses tallied between two flushes; past it, refusals are still refused (and rate-limited) but counted under one row. */
const MAX_ADDRESSES = 10_000;
const FLUSH_EVERY_MS = 60_000;

export class AuditTally {
  private tallies = new Map<string, Tally>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<number> | null = null;

  constructor(readonly action: string) {}

  count(input: TallyInput, now = new Date()): void {
    let key = input.ip ?? "";
    if (!this.tallies.has(key) && this.tallies.size >= MAX_ADDRESSES) key = "(other addresses)";
    let tally = this.tallies.get(key);
    if (!tally) {
      tally = {
        key,
        ip: key === "(other addresses)" ? null : input.ip,
        count: 0,
        throttled: 0,
        reasons: new Map(),
        tokenPrefixes: new Set(),
        sources: new Map(),
        firstAt: now,
        lastAt: now,
      };
      this.tallies.set(key, tally);
    }
    tally.count += 1;
    if (input.throttled) tally.throttled += 1;
    tally.reasons.set(input.reason, (tally.reasons.get(input.reason) ?? 0) + 1);
    if (input.tokenPrefix && tally.tokenPrefixes.size < SAMPLES) tally.tokenPrefixes.add(input.tokenPrefix);
    if (input.source && tally.sources.size < SAMPLES) tally.sources.set(input.source.id, input.source.name);
    tally.lastAt = now;
    this.arm();
  }

  private arm(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush().catch((err: unknown) =>
        log.warn({ err, action: this.action }, "refusal counts could not be audited; kept for the next flush"),
      );
    }, FLUSH_EVERY_MS);
    // Counting refusals never keeps a process alive.
    this.timer.unref();
  }

  /** Writes one DENIED event per address tallied so far; returns how many. Concurrent calls share one write. */
  flush(): Promise<number> {
    this.flushing ??= this.write().finally(() => (this.flushing = null));
    return this.flushing;
  }

  private async write(): Promise<number> {
    if (this.tallies.size === 0) return 0;
    const taken = [...this.tallies.values()];
    this.tallies = new Map();
    try {
      await db().$transaction(async (tx) => {
        for (const t of taken) {
          const sources = [...t.sources].map(([id, name]) => ({ id, name }));
          const only = sources.length === 1 ? sources[0]! : null;
          await appendAuditEvent(tx, {
            actorEmail: only ? `source:${only.name}` : null,
            action: this.action,
            outcome: "DENIED",
            targetType: "DetectionSource",
            targetId: only?.id ?? null,
            after: {
              refused: t.count,
              throttled: t.throttled,
              reasons: Object.fromEntries(t.reasons),
              tokenPrefixes: [...t.tokenPrefixes],
              sources,
              from: t.firstAt.toISOString(),
              to: t.lastAt.toISOString(),
            },
            origin: { ip: t.ip, userAgent: null, requestId: null },
          });
        }
      });
    } catch (error) {
      // Not lost on a failed write: merged back into what the next flush writes.
      for (const t of taken) this.merge(t);
      this.arm();
      throw error;
    }
    return taken.length;
  }

  private merge(t: Tally): void {
    const into = this.tallies.get(t.key);
    if (!into) return void this.tallies.set(t.key, t);
    into.count += t.count;
    into.throttled += t.throttled;
    for (const [r, n] of t.reasons) into.reasons.set(r, (into.reasons.get(r) ?? 0) + n);
    for (const p of t.tokenPrefixes) if (into.tokenPrefixes.size < SAMPLES) into.tokenPrefixes.add(p);
    for (const [id, name] of t.sources) if (into.sources.size < SAMPLES) into.sources.set(id, name);
    if (t.firstAt < into.firstAt) into.firstAt = t.firstAt;
  }
}
