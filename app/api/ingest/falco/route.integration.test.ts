import { createHash } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hostEvent, kubeAuditExecEvent, metricsSnapshot, minerEvent, nullFieldsEvent, shellEvent } from "@/tests/support/falco-events";
import { resetTables, testDb } from "@/tests/support/db";
import { POST } from "./route";

const TOKEN = "bh_route-integration-token-0000000000001";
const REVOKED = "bh_route-integration-token-revoked000001";
const hash = (t: string) => createHash("sha256").update(t).digest("hex");

function post(body: BodyInit | null, headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }): Promise<Response> {
  return POST(
    new Request("http://localhost/api/ingest/falco", {
      method: "POST",
      body,
      headers: { "content-type": "application/json", ...headers },
      duplex: "half",
    } as RequestInit),
  );
}

/** A body stream that never says how long it is, like chunked transfer encoding. */
function chunked(text: string, chunkSize = 64 * 1024): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
}

beforeAll(async () => {
  await resetTables("AuditEvent", "TimelineEntry", "IncidentOwner", "Alert", "Incident", "DetectionSource", "User");
  const base = { kind: "FALCOSIDEKICK" as const, defaultCluster: "prod-eu", tokenPrefix: "bh_route" };
  await testDb().detectionSource.create({ data: { ...base, name: "sidekick", tokenHash: hash(TOKEN) } });
  await testDb().detectionSource.create({ data: { ...base, name: "sidekick-old", tokenHash: hash(REVOKED), revokedAt: new Date() } });
});

beforeEach(async () => {
  await resetTables("TimelineEntry", "IncidentOwner", "Alert", "Incident");
});

describe("POST /api/ingest/falco: authentication", () => {
  it.each([
    ["no Authorization header", {}, /Missing ingest token/],
    ["a Basic Authorization header without a password", { authorization: `Basic ${btoa("falco")}` }, /Missing ingest token/],
    ["a Basic Authorization header with a wrong password", { authorization: "Basic dXNlcjpwYXNz" }, /Unknown or revoked ingest token/],
    ["a wrong token", { authorization: "Bearer bh_wrong-token" }, /Unknown or revoked ingest token/],
    ["a revoked token", { authorization: `Bearer ${REVOKED}` }, /Unknown or revoked ingest token/],
  ])("answers 401 JSON for %s", async (_name, headers, message) => {
    const res = await post(JSON.stringify(shellEvent()), headers);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await res.json()).toEqual({ error: expect.stringMatching(message) });
    expect(await testDb().alert.count()).toBe(0);
  });
});

describe("POST /api/ingest/falco: Falco's http_output", () => {
  it("accepts the token as the Basic password, which libcurl sends for credentials in the URL", async () => {
    const res = await post(JSON.stringify(shellEvent()), { authorization: `Basic ${btoa(`falco:${TOKEN}`)}` });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ accepted: 1, duplicates: 0 });
    expect(await testDb().alert.count()).toBe(1);
  });
});

describe("POST /api/ingest/falco: malformed input", () => {
  it.each([
    ["an empty body", "", /empty/],
    ["whitespace", "  \n ", /empty/],
    ["not JSON", "<xml/>", /not valid JSON at line 1, column 1/],
    ["truncated JSON", JSON.stringify(shellEvent()).slice(0, 40), /not valid JSON/],
    ["a JSON scalar", "true", /JSON but not an event/],
    ["an empty array", "[]", /empty JSON array/],
    ["a broken array", "[{}, ", /starts with '\['/],
  ])("answers 400 with a clear message for %s", async (_name, body, message) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: expect.stringMatching(message) });
  });

  it("answers 400 for a body that is not UTF-8", async () => {
    const res = await post(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]));
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/not UTF-8/);
  });

  it("reports events of the wrong types by index and keeps the good ones (202)", async () => {
    const body = JSON.stringify([shellEvent(), { ...shellEvent(), rule: 7 }, "event", { ...shellEvent(), tags: "shell" }, hostEvent()]);
    const res = await post(body);
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({
      accepted: 2,
      duplicates: 0,
      rejected: [
        { index: 1, error: "rule must be a string, not number" },
        { index: 2, error: "an event must be a JSON object, not string" },
        { index: 3, error: "tags must be an array of strings" },
      ],
      incidents: [expect.stringMatching(/^INC-\d{4}$/)],
    });
  });

  it("answers 413 when Content-Length is over 1 MiB, without reading the body", async () => {
    const res = await post(JSON.stringify(shellEvent()), { authorization: `Bearer ${TOKEN}`, "content-length": String(1024 * 1024 + 1) });
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatch(/larger than 1048576 bytes/);
  });

  it("answers 413 when the bytes read pass 1 MiB whatever the headers say", async () => {
    const padding = "x".repeat(1024 * 1024);
    const res = await post(chunked(JSON.stringify(shellEvent({ output: padding }))));
    expect(res.status).toBe(413);
    expect(await testDb().alert.count()).toBe(0);
  });

  it("answers 413 for more than 1,000 events", async () => {
    const many = Array.from({ length: 1001 }, () => ({ rule: "r", output: "o", priority: "Debug", time: "2024-01-01T00:00:00Z" }));
    const res = await post(JSON.stringify(many));
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatch(/1001 events; send at most 1000/);
  });
});

describe("POST /api/ingest/falco: accepted batches", () => {
  it("answers 202 with the counts after committing, and only duplicates on replay", async () => {
    const events = [shellEvent(), nullFieldsEvent(), hostEvent(), kubeAuditExecEvent(), metricsSnapshot(), minerEvent()];
    const ndjson = events.map((e) => JSON.stringify(e)).join("\n");
    const first = await post(ndjson, { authorization: `Bearer ${TOKEN}`, "content-type": "application/x-ndjson" });
    expect(first.status).toBe(202);
    const body = await first.json();
    expect(body).toMatchObject({ accepted: 6, duplicates: 0, rejected: [] });
    expect(body.incidents.length).toBeGreaterThan(0);
    expect(await testDb().alert.count()).toBe(6);

    const replay = await post(JSON.stringify(events));
    expect(replay.status).toBe(202);
    expect(await replay.json()).toEqual({ accepted: 0, duplicates: 6, rejected: [], incidents: [] });
    expect(await testDb().alert.count()).toBe(6);
  });

  it("accepts a single event posted by Falco's http_output, within a body of exactly 1 MiB", async () => {
    const event = JSON.stringify(shellEvent());
    const body = event + " ".repeat(1024 * 1024 - event.length);
    const res = await post(body);
    expect(res.status).toBe(202);
    expect((await res.json()).accepted).toBe(1);
  });
});

// The same rules as the production server's direct route (scripts/direct-routes.integration.test.ts).
describe("POST /api/ingest/falco: refused requests cost no body and no audit row each", () => {
  it("answers a wrong token without reading the body, and 429 with Retry-After once the address is past its rate", async () => {
    let pulled = 0;
    // A body that would never end: only an answer that does not read it can arrive.
    const endless = new ReadableStream<Uint8Array>({ pull: (c) => void ((pulled += 1), c.enqueue(new Uint8Array(1024))) });
    const refused = await post(endless, { authorization: "Bearer bh_wrong-token" });
    expect(refused.status).toBe(401);
    expect(pulled).toBeLessThanOrEqual(1);

    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 35; i += 1) {
      const res = await post("{}", {});
      statuses.push(res.status);
      retryAfter ??= res.headers.get("retry-after");
    }
    expect(statuses).toContain(429);
    expect(statuses.slice(statuses.indexOf(429)).every((s) => s === 429)).toBe(true);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  });
});
