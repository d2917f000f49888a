import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { shellEvent } from "@/tests/support/falco-events";
import { flushIngestRefusals } from "@/lib/dal/ingest";
import { resetTables, testDb } from "@/tests/support/db";
import { directRoute, serveDirect } from "./direct-routes";

// The production server answers alert ingest without Next (scripts/serve.ts): the same answers as
// the route handler (app/api/ingest/falco/route.integration.test.ts), here over a real socket.

const TOKEN = "bh_direct-route-token-000000000000000001";
let server: http.Server;
let base = "";

function send(
  method: string,
  path: string,
  headers: Record<string, string>,
  chunks: string[] = [],
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${base}${path}`, { method, headers });
    request.once("error", reject);
    request.once("response", (response) => {
      const parts: Buffer[] = [];
      response.on("data", (chunk: Buffer) => parts.push(chunk));
      response.once("end", () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(parts).toString("utf8") }),
      );
    });
    for (const chunk of chunks) request.write(chunk);
    request.end();
  });
}

beforeAll(async () => {
  await resetTables("AuditEvent", "TimelineEntry", "IncidentOwner", "Alert", "Incident", "DetectionSource");
  await testDb().detectionSource.create({
    data: {
      name: "direct",
      kind: "FALCO",
      defaultCluster: "prod-eu",
      tokenPrefix: "bh_direc",
      tokenHash: createHash("sha256").update(TOKEN).digest("hex"),
    },
  });
  // As scripts/serve.ts does: the socket's peer is appended to X-Forwarded-For, then direct routes first.
  server = http.createServer((req, res) => {
    req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "unknown";
    const handler = directRoute(req);
    if (handler) void serveDirect(handler, req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(async () => {
  await resetTables("TimelineEntry", "IncidentOwner", "Alert", "Incident");
});

describe("POST /api/ingest/falco answered by the production server itself", () => {
  it("stores the event and answers 202 with the counts, the security headers and no caching; the audit event has the peer's address", async () => {
    const body = JSON.stringify(shellEvent());
    const res = await send(
      "POST",
      "/api/ingest/falco",
      { authorization: `Bearer ${TOKEN}`, "content-type": "application/json", "user-agent": "falcosidekick/2.29" },
      [body],
    );
    expect(res.status).toBe(202);
    expect(JSON.parse(res.body)).toMatchObject({ accepted: 1, duplicates: 0, rejected: [] });
    expect(res.headers).toMatchObject({
      "cache-control": "no-store, no-transform",
      "content-type": "application/json",
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
    });
    expect(await testDb().alert.count()).toBe(1);
    const audit = await testDb().auditEvent.findFirstOrThrow({
      where: { action: "alerts.ingest", outcome: "SUCCESS" },
      orderBy: { seq: "desc" },
    });
    expect(audit).toMatchObject({ ip: "127.0.0.1", userAgent: "falcosidekick/2.29" });
  });

  it("answers 413 once a body without Content-Length passes 1 MiB, and stores nothing", async () => {
    const event = JSON.stringify(shellEvent({ output: "x".repeat(1024 * 1024) }));
    const chunks = event.match(/[\s\S]{1,65536}/g)!;
    const res = await send("POST", "/api/ingest/falco", { authorization: `Bearer ${TOKEN}`, "transfer-encoding": "chunked" }, chunks);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error).toMatch(/larger than 1048576 bytes/);
    expect(await testDb().alert.count()).toBe(0);
  });

  it("answers 401 without a token and 400 for a body that is not JSON", async () => {
    const anonymous = await send("POST", "/api/ingest/falco", {}, ["{}"]);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers["www-authenticate"]).toMatch(/^Bearer/);
    const broken = await send("POST", "/api/ingest/falco", { authorization: `Bearer ${TOKEN}` }, ['{"rule": ']);
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body).error).toMatch(/line 1/);
  });

  it("checks the token before reading the body: a wrong token is answered while the body is still on its way", async () => {
    const answered = await new Promise<number>((resolve, reject) => {
      const request = http.request(`${base}/api/ingest/falco`, {
        method: "POST",
        headers: { authorization: "Bearer bh_wrong-token", "content-length": String(1024 * 1024) },
      });
      request.once("error", () => undefined);
      request.once("response", (response) => {
        resolve(response.statusCode ?? 0);
        response.resume();
        request.destroy();
      });
      // A first kilobyte of a megabyte that never comes: only an answer that does not wait for the body arrives.
      request.write("x".repeat(1024));
      setTimeout(() => reject(new Error("no answer before the body was complete")), 5_000);
    });
    expect(answered).toBe(401);
  });

  it("refuses a flood of wrong tokens with 429 past the address's rate, audits it as one count, and lets the real source through", async () => {
    await flushIngestRefusals();
    const before = (await testDb().auditEvent.aggregate({ _max: { seq: true } }))._max.seq ?? 0n;
    // The rate counts per minute: start with enough of this minute left for the whole flood.
    if (Date.now() % 60_000 > 50_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - (Date.now() % 60_000) + 100));
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 40; i += 1) {
      const res = await send("POST", "/api/ingest/falco", { authorization: `Bearer bh_guess-${i.toString().padStart(4, "0")}` }, [
        JSON.stringify(shellEvent()),
      ]);
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers["retry-after"] as string;
    }
    // 30 refusals a minute (BULKHEAD_INGEST_REFUSALS_PER_MINUTE), counting the one earlier in this file's minute at most.
    const firstThrottled = statuses.indexOf(429);
    expect(firstThrottled).toBeGreaterThanOrEqual(27);
    expect(firstThrottled).toBeLessThanOrEqual(30);
    expect(statuses.slice(0, firstThrottled).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(firstThrottled).every((s) => s === 429)).toBe(true);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
    // Nothing was written per request; the source that authenticated before still gets through.
    expect(await testDb().auditEvent.count({ where: { seq: { gt: before } } })).toBe(0);
    const good = await send("POST", "/api/ingest/falco", { authorization: `Bearer ${TOKEN}` }, [
      JSON.stringify(shellEvent({ output: "after the flood" })),
    ]);
    expect(good.status).toBe(202);
    // No token at all is throttled as well.
    expect((await send("POST", "/api/ingest/falco", {}, ["{}"])).status).toBe(429);

    expect(await flushIngestRefusals()).toBe(1);
    const denied = await testDb().auditEvent.findMany({ where: { seq: { gt: before }, action: "alerts.ingest", outcome: "DENIED" } });
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ ip: "127.0.0.1", targetId: null });
    expect(denied[0]!.after).toMatchObject({ refused: 41, throttled: 41 - firstThrottled, reasons: { "unknown token": firstThrottled } });
    // A token's first 8 characters at most, and at most five different ones per row.
    expect((denied[0]!.after as { tokenPrefixes: string[] }).tokenPrefixes).toEqual(["bh_guess"]);
  });

  it("leaves every other method and path to Next", async () => {
    expect((await send("GET", "/api/ingest/falco", {})).status).toBe(404);
    expect((await send("POST", "/api/ingest/falco/other", {})).status).toBe(404);
  });
});
