import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/roles";
import { serveLiveTopic, streamSlots } from "@/lib/live/serve";
import { makeActor, resetTables } from "@/tests/support/db";

// The bound on open live-update streams (stream-limits.ts), through the same serveLiveTopic that
// GET /api/incidents/events and GET /api/runs/<id>/events use, against the real hub.

let responder: Actor;
let auditor: Actor;

beforeAll(async () => {
  await resetTables("LiveEvent", "AuditEvent", "User");
  responder = await makeActor("RESPONDER");
  auditor = await makeActor("AUDITOR");
});

function open(actor: Actor, session: string) {
  const abort = new AbortController();
  const request = new Request("http://localhost/api/incidents/events", {
    headers: { cookie: `theme=dark; authjs.session-token=${session}` },
    signal: abort.signal,
  });
  const response = serveLiveTopic(request, actor, {
    permission: "incidents.read",
    target: { type: "Incident" },
    topic: "incidents",
    load: async () => null,
  });
  return { response, close: () => abort.abort() };
}

/** Closing a stream releases its slot asynchronously (on abort): give that a moment. */
const waitForRelease = () => new Promise((resolve) => setTimeout(resolve, 50));

describe("live streams per session and per user (defaults 8 and 16, per instance)", () => {
  it("answers 429 with Retry-After past 8 streams of one session and 16 of one user, and frees a slot when a stream closes", async () => {
    const a = Array.from({ length: 8 }, () => open(responder, "session-a"));
    expect((await Promise.all(a.map((s) => s.response))).map((r) => r.status)).toEqual(Array(8).fill(200));
    const ninth = await open(responder, "session-a").response;
    expect(ninth.status).toBe(429);
    expect(ninth.headers.get("retry-after")).toBe("5");
    expect((await ninth.json()).error).toMatch(/This session already has 8 live-update streams open \(at most 8\)/);

    // Another session of the same user has its own 8, up to the user's 16.
    const b = Array.from({ length: 8 }, () => open(responder, "session-b"));
    expect((await Promise.all(b.map((s) => s.response))).map((r) => r.status)).toEqual(Array(8).fill(200));
    const third = await open(responder, "session-c").response;
    expect(third.status).toBe(429);
    expect((await third.json()).error).toMatch(/You already have 16 live-update streams open \(at most 16\)/);
    // Other users are not affected.
    const other = open(auditor, "session-z");
    expect((await other.response).status).toBe(200);

    a[0]!.close();
    await waitForRelease();
    const again = open(responder, "session-a");
    expect((await again.response).status).toBe(200);

    for (const s of [...a, ...b, again, other]) s.close();
    await waitForRelease();
    expect(streamSlots().open()).toEqual({ sessions: 0, users: 0, streams: 0 });
  });

  it("counts a stream refused for another reason (no right to read) as closed at once", async () => {
    const refused = await serveLiveTopic(new Request("http://localhost/x", { headers: { cookie: "authjs.session-token=s" } }), responder, {
      permission: "users.manage",
      target: { type: "User" },
      topic: "incidents",
      load: async () => null,
    });
    expect(refused.status).toBe(403);
    expect(streamSlots().open().streams).toBe(0);
  });
});
