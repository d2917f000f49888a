import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendLiveEvent, runTopic, type LiveEventInput, type LiveTopic } from "@/lib/dal/live-events";
import type { RunStepDto } from "@/lib/dto/runs";
import { liveHub, type LiveEventRow } from "@/lib/live/live-hub";
import { joinRun, leaveRun, listRunViewers } from "@/lib/dal/run-presence";
import { serveLiveTopic } from "@/lib/live/serve";
import type { LiveMessage } from "@/lib/live/sse";
import type { Actor } from "@/lib/domain/roles";
import { makeActor, resetTables, testDb } from "@/tests/support/db";

let responder: Actor;
let runId: string;

/** A step change on a run's topic, an incident change on the incidents topic. */
async function publish(topic: LiveTopic, entityId: string | null = null, data?: Partial<RunStepDto>): Promise<bigint> {
  // The tests send only the fields they check, not a whole step.
  const input: LiveEventInput =
    topic === "incidents"
      ? { topic, kind: "incident.updated", entityId }
      : { topic, kind: "step.updated", entityId, data: data as RunStepDto | undefined };
  return testDb().$transaction((tx) => appendLiveEvent(tx, input));
}

/** Collects what a subscriber receives until `count` events arrived (or fails after `ms`). */
function collector() {
  const seen: LiveEventRow[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const deliver = (event: LiveEventRow) => {
    seen.push(event);
    for (const w of waiters.splice(0)) {
      if (seen.length >= w.count) w.resolve();
      else waiters.push(w);
    }
  };
  const until = (count: number, ms = 5_000) =>
    new Promise<void>((resolve, reject) => {
      if (seen.length >= count) return resolve();
      const timer = setTimeout(() => reject(new Error(`received ${seen.length} of ${count} events`)), ms);
      waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
    });
  return { seen, deliver, until };
}

/** Reads SSE messages off a response body until `count` arrived. */
async function readMessages(response: Response, count: number, ms = 5_000): Promise<LiveMessage[]> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const messages: LiveMessage[] = [];
  let text = "";
  const deadline = Date.now() + ms;
  while (messages.length < count) {
    if (Date.now() > deadline) throw new Error(`received ${messages.length} of ${count} messages`);
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = text.indexOf("\n\n")) >= 0) {
      const block = text.slice(0, end);
      text = text.slice(end + 2);
      const data = block.split("\n").find((line) => line.startsWith("data: "));
      if (data) messages.push(JSON.parse(data.slice(6)) as LiveMessage);
    }
  }
  reader.releaseLock();
  return messages;
}

async function listenerConnections(): Promise<number> {
  const rows = await testDb().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'bulkhead-live'`;
  return rows[0]!.n;
}

beforeAll(async () => {
  await resetTables(
    "LiveEvent",
    "RunPresence",
    "RunStep",
    "PlaybookRun",
    "PlaybookStep",
    "PlaybookVersion",
    "Playbook",
    "AuditEvent",
    "User",
  );
  responder = await makeActor("RESPONDER");
  const manager = await makeActor("IR_MANAGER");
  const playbook = await testDb().playbook.create({
    data: {
      title: "Shell in a container",
      incidentType: "SHELL_IN_CONTAINER",
      attackTechniques: [],
      versions: { create: { number: 1, status: "PUBLISHED" } },
    },
    select: { versions: { select: { id: true } } },
  });
  const run = await testDb().playbookRun.create({
    data: { playbookVersionId: playbook.versions[0]!.id, context: {}, startedById: manager.id },
    select: { id: true },
  });
  runId = run.id;
});

afterAll(async () => {
  await resetTables("LiveEvent", "RunPresence");
});

describe("live hub", () => {
  it("delivers each committed event once, in commit order, to every subscriber of its topic only", async () => {
    const a = collector();
    const b = collector();
    const other = collector();
    const offA = await liveHub().subscribe(runTopic(runId), null, a.deliver);
    const offB = await liveHub().subscribe(runTopic(runId), null, b.deliver);
    const offOther = await liveHub().subscribe("incidents", null, other.deliver);
    // Writers race; each holds its transaction open a little while, so commits interleave.
    const ids = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        testDb().$transaction(async (tx) => {
          await new Promise((r) => setTimeout(r, (i * 7) % 13));
          return appendLiveEvent(tx, { topic: runTopic(runId), kind: "step.updated", entityId: `s${i}` });
        }),
      ),
    );
    await a.until(30);
    await b.until(30);
    const sorted = [...ids].sort((x, y) => (x < y ? -1 : 1));
    expect(a.seen.map((e) => e.id)).toEqual(sorted);
    expect(b.seen.map((e) => e.id)).toEqual(sorted);
    expect(other.seen).toEqual([]);
    offA();
    offB();
    offOther();
  });

  it("replays what a reconnecting client missed after its Last-Event-ID, then continues live", async () => {
    const first = await publish(runTopic(runId));
    const missed = [await publish(runTopic(runId)), await publish(runTopic(runId))];
    await publish("incidents");
    const c = collector();
    const off = await liveHub().subscribe(runTopic(runId), first, c.deliver);
    const later = await publish(runTopic(runId));
    await c.until(3);
    expect(c.seen.map((e) => e.id)).toEqual([...missed, later]);
    off();
  });

  it("catches up on events committed while its own database connection was lost", async () => {
    const c = collector();
    const off = await liveHub().subscribe(runTopic(runId), null, c.deliver);
    await testDb().$executeRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'bulkhead-live'`;
    const during = await publish(runTopic(runId));
    await c.until(1, 10_000);
    expect(c.seen.map((e) => e.id)).toEqual([during]);
    expect(liveHub().stats().connected).toBe(true);
    off();
  });
});

describe("live streams", () => {
  it("streams run events with presence, and 200 connect/disconnect cycles leave nothing behind", async () => {
    const load = async (event: LiveEventRow) =>
      event.kind === "presence" ? { viewers: await listRunViewers(responder, runId) } : { step: event.entityId };
    const open = (controller: AbortController) =>
      serveLiveTopic(new Request("http://bulkhead.test/api/runs/x/events", { signal: controller.signal }), responder, {
        permission: "runs.read",
        target: { type: "PlaybookRun", id: runId },
        topic: runTopic(runId),
        load,
        join: () => joinRun(responder, runId),
        leave: leaveRun,
      });

    const watching = new AbortController();
    const response = await open(watching);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    await publish(runTopic(runId), "step-1");
    const [arrival, change] = await readMessages(response, 2);
    expect(arrival).toMatchObject({ kind: "presence", data: { viewers: [{ userId: responder.id }] } });
    expect(change).toMatchObject({ kind: "step.updated", entityId: "step-1", data: { step: "step-1" } });
    // Data the writer stored with the event is sent as is, without loading anything.
    await publish(runTopic(runId), "step-2", { status: "DONE", notes: "“quoted” ✓" });
    const [stored] = await readMessages(response, 1);
    expect(stored).toMatchObject({ entityId: "step-2", data: { status: "DONE", notes: "“quoted” ✓" } });

    const baseline = liveHub().stats();
    for (let i = 0; i < 200; i++) {
      const controller = new AbortController();
      const cycle = await open(controller);
      expect(cycle.status).toBe(200);
      controller.abort();
    }
    // Leaving is asynchronous (a presence row and a live event each): wait for it to settle.
    await expect.poll(async () => testDb().runPresence.count({ where: { runId } }), { timeout: 10_000 }).toBe(1);
    expect(liveHub().stats()).toEqual(baseline);
    watching.abort();
    await expect.poll(async () => testDb().runPresence.count({ where: { runId } }), { timeout: 5_000 }).toBe(0);
    expect(liveHub().stats()).toMatchObject({ topics: 0, subscribers: 0 });
    expect(await listenerConnections()).toBe(1);
  });

  it("answers 404 for an unknown run and releases the subscription", async () => {
    const response = await serveLiveTopic(new Request("http://bulkhead.test/"), responder, {
      permission: "runs.read",
      target: { type: "PlaybookRun", id: "nope" },
      topic: runTopic("nope"),
      load: async () => null,
      join: () => joinRun(responder, "cnoexistingrun000000000"),
      leave: leaveRun,
    });
    expect(response.status).toBe(404);
    expect(liveHub().stats()).toMatchObject({ topics: 0, subscribers: 0 });
  });
});
