import "server-only";
import pg from "pg";
import { LIVE_CHANNEL } from "@/lib/dal/live-events";
import type { LiveEventKind } from "@/lib/dto/live";
import { env } from "@/lib/env";

export type LiveEventRow = {
  id: bigint;
  topic: string;
  /** The column is text; only appendLiveEvent writes it, whose input admits LiveEventKind alone. */
  kind: LiveEventKind;
  entityId: string | null;
  actorId: string | null;
  /** Written by the writer with the event; null when the stream has to load what it sends. */
  data: unknown;
};

type Subscriber = {
  /** The last id handed to this subscriber; nothing at or below it is delivered again. */
  cursor: bigint;
  /** While a reconnecting client's missed events are read back, newer ones wait here. */
  replaying: boolean;
  queued: LiveEventRow[];
  deliver: (event: LiveEventRow) => void;
};

type Topic = {
  /** The last id read from the table for this topic in this process. */
  cursor: bigint;
  subscribers: Set<Subscriber>;
  fetching: boolean;
  again: boolean;
};

/** More missed events than this and the client is told to reload instead of replaying them. */
const REPLAY_LIMIT = 500;
/** A safety net under NOTIFY: each watched topic is also read back this often. */
const SWEEP_MS = 10_000;
const MAX_RETRY_MS = 5_000;
/** Live events serve reconnecting clients only; older ones are pruned (a client that far behind reloads). */
const KEEP_EVENTS_MS = 24 * 60 * 60 * 1000;
const PRUNE_EVERY_MS = 15 * 60 * 1000;

const COLUMNS = `"id", "topic", "kind", "entityId", "actorId", "data"`;

/**
 * One per process: a single PostgreSQL connection LISTENs on the live channel; NOTIFY payloads
 * carry `<id>:<topic>` only, so the hub reads the new rows of a watched topic once and hands them to
 * every subscriber in this process. Because live-event ids follow commit order (see
 * appendLiveEvent), "everything after id N" is exact: it serves both reconnecting clients
 * (`Last-Event-ID`) and the catch-up after this connection itself was lost.
 */
class LiveHub {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private readonly topics = new Map<string, Topic>();
  private retryMs = 250;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private sweepTimer: NodeJS.Timeout | null = null;
  /** Queries on the one connection run one after another (pg would queue them anyway, noisily). */
  private queue: Promise<unknown> = Promise.resolve();
  private prunedAt = 0;

  constructor(private readonly connectionString: string) {}

  private query<R extends pg.QueryResultRow>(client: pg.Client, text: string, values?: unknown[]): Promise<pg.QueryResult<R>> {
    const result = this.queue.then(() => client.query<R>(text, values));
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Starts delivering events of `topic` with an id above `after` (or only new ones when null). */
  async subscribe(topic: string, after: bigint | null, deliver: (event: LiveEventRow) => void): Promise<() => void> {
    const client = await this.connection();
    let state = this.topics.get(topic);
    if (!state) {
      const { rows } = await this.query<{ max: string }>(client, `SELECT coalesce(max("id"), 0)::text AS max FROM "LiveEvent"`);
      const known = this.topics.get(topic);
      state = known ?? { cursor: BigInt(rows[0]!.max), subscribers: new Set(), fetching: false, again: false };
      if (!known) {
        this.topics.set(topic, state);
        this.startSweep();
        // A NOTIFY that arrived while the cursor was being read found no topic to wake.
        this.fetch(topic);
      }
    }
    const subscriber: Subscriber = {
      cursor: after ?? state.cursor,
      replaying: after !== null && after < state.cursor,
      queued: [],
      deliver,
    };
    state.subscribers.add(subscriber);
    const unsubscribe = () => this.unsubscribe(topic, subscriber);
    if (subscriber.replaying) {
      try {
        await this.replay(client, topic, subscriber);
      } catch (error) {
        unsubscribe();
        throw error;
      }
    }
    return unsubscribe;
  }

  /** How many topics and subscribers this process holds (closed streams must leave none behind). */
  stats(): { topics: number; subscribers: number; connected: boolean } {
    let subscribers = 0;
    for (const t of this.topics.values()) subscribers += t.subscribers.size;
    return { topics: this.topics.size, subscribers, connected: this.client !== null };
  }

  private async replay(client: pg.Client, topic: string, subscriber: Subscriber): Promise<void> {
    const { rows } = await this.query<LiveEventRow & { id: string }>(
      client,
      `SELECT ${COLUMNS} FROM "LiveEvent" WHERE "topic" = $1 AND "id" > $2 ORDER BY "id" LIMIT ${REPLAY_LIMIT + 1}`,
      [topic, subscriber.cursor.toString()],
    );
    // Events older than the oldest one kept may have been pruned: such a client cannot be caught up.
    const { rows: oldest } = await this.query<{ min: string | null }>(client, `SELECT min("id")::text AS min FROM "LiveEvent"`);
    const pruned = oldest[0]?.min !== null && oldest[0]?.min !== undefined && subscriber.cursor < BigInt(oldest[0].min) - 1n;
    const missed = rows.map(toRow);
    subscriber.replaying = false;
    if (missed.length > REPLAY_LIMIT || pruned) {
      const last = missed[missed.length - 1] ?? { id: subscriber.cursor, topic };
      subscriber.cursor = last.id;
      subscriber.deliver({ id: last.id, topic, kind: "resync", entityId: null, actorId: null, data: null });
    } else {
      for (const event of missed) this.hand(subscriber, event);
    }
    for (const event of subscriber.queued.splice(0)) this.hand(subscriber, event);
  }

  private hand(subscriber: Subscriber, event: LiveEventRow): void {
    if (subscriber.replaying) {
      subscriber.queued.push(event);
      return;
    }
    if (event.id <= subscriber.cursor) return;
    subscriber.cursor = event.id;
    subscriber.deliver(event);
  }

  private unsubscribe(topic: string, subscriber: Subscriber): void {
    const state = this.topics.get(topic);
    if (!state) return;
    state.subscribers.delete(subscriber);
    if (state.subscribers.size === 0) this.topics.delete(topic);
    if (this.topics.size === 0 && this.sweepTimer) {
      clearInterval(this.sweepTimer);
      this.sweepTimer = null;
    }
  }

  private connection(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.connectionString, application_name: "bulkhead-live" });
    client.on("notification", (message) => this.onNotification(message.payload));
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${LIVE_CHANNEL}`);
    } catch (error) {
      client.removeAllListeners();
      void client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
    this.retryMs = 250;
    // Whatever committed while nobody was listening is in the table: read every watched topic back.
    for (const topic of this.topics.keys()) this.fetch(topic);
    return client;
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    client.removeAllListeners();
    client.on("error", () => undefined);
    void client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.reconnectTimer || this.topics.size === 0) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connection().catch(() => {
        this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
        this.scheduleReconnect();
      });
    }, this.retryMs);
    this.reconnectTimer.unref();
  }

  private startSweep(): void {
    if (this.sweepTimer) return;
    this.sweepTimer = setInterval(() => {
      if (!this.client) return this.scheduleReconnect();
      for (const topic of this.topics.keys()) this.fetch(topic);
      if (Date.now() - this.prunedAt > PRUNE_EVERY_MS) {
        this.prunedAt = Date.now();
        void this.query(this.client, `DELETE FROM "LiveEvent" WHERE "createdAt" < $1`, [new Date(Date.now() - KEEP_EVENTS_MS)]).catch(
          () => undefined,
        );
      }
    }, SWEEP_MS);
    this.sweepTimer.unref();
  }

  private onNotification(payload: string | undefined): void {
    // `<id>:<topic>`; anything else on the channel is not ours to act on.
    const match = /^(\d{1,19}):(.+)$/.exec(payload ?? "");
    if (!match) return;
    const state = this.topics.get(match[2]!);
    if (state && BigInt(match[1]!) > state.cursor) this.fetch(match[2]!);
  }

  /** Reads the topic's new rows once for all its subscribers; a wake-up during a read reads again. */
  private fetch(topic: string): void {
    const state = this.topics.get(topic);
    if (!state) return;
    if (state.fetching) {
      state.again = true;
      return;
    }
    state.fetching = true;
    void (async () => {
      try {
        let more = true;
        while (more && this.client && this.topics.get(topic) === state) {
          state.again = false;
          const { rows } = await this.query<LiveEventRow & { id: string }>(
            this.client,
            `SELECT ${COLUMNS} FROM "LiveEvent" WHERE "topic" = $1 AND "id" > $2 ORDER BY "id" LIMIT ${REPLAY_LIMIT}`,
            [topic, state.cursor.toString()],
          );
          for (const event of rows.map(toRow)) {
            state.cursor = event.id;
            for (const subscriber of state.subscribers) this.hand(subscriber, event);
          }
          more = state.again || rows.length === REPLAY_LIMIT;
        }
      } catch {
        // The connection went away; `lost` reconnects and reads every topic back.
      } finally {
        state.fetching = false;
      }
    })();
  }
}

function toRow(row: LiveEventRow & { id: string | bigint }): LiveEventRow {
  return { id: BigInt(row.id), topic: row.topic, kind: row.kind, entityId: row.entityId, actorId: row.actorId, data: row.data ?? null };
}

const holder = globalThis as unknown as { bulkheadLiveHub?: LiveHub };

/** This process's hub (one LISTEN connection however many browsers are watching). */
export function liveHub(): LiveHub {
  holder.bulkheadLiveHub ??= new LiveHub(env().DATABASE_URL);
  return holder.bulkheadLiveHub;
}
