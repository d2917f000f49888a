import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { shellEvent } from "@/lib/domain/falco/test-events";
import { resetTables, testDb } from "@/tests/support/db";
import { directRoute, serveDirect } from "./direct-routes";

// The production server answers alert ingest without Next (scripts/serve.ts): the same answers as
// the route handler (app/api/ingest/falco/route.integration.test.ts), here over a real socket.

const TOKEN = "bh_direct-route-token-000000000000000001";
let server: http.Server;
let base = "";

function send(method: string, path: string, headers: Record<string, string>, chunks: string[] = []): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${base}${path}`, { method, headers });
    request.once("error", reject);
    request.once("response", (response) => {
      const parts: Buffer[] = [];
      response.on("data", (chunk: Buffer) => parts.push(chunk));
      response.once("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(parts).toString("utf8") }));
    });
    for (const chunk of chunks) request.write(chunk);
    request.end();
  });
}

beforeAll(async () => {
  await resetTables("AuditEvent", "TimelineEntry", "IncidentOwner", "Alert", "Incident", "DetectionSource");
  await testDb().detectionSource.create({
    data: { name: "direct", kind: "FALCO", defaultCluster: "prod-eu", tokenPrefix: "bh_direc", tokenHash: createHash("sha256").update(TOKEN).digest("hex") },
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
    const res = await send("POST", "/api/ingest/falco", { authorization: `Bearer ${TOKEN}`, "content-type": "application/json", "user-agent": "falcosidekick/2.29" }, [body]);
    expect(res.status).toBe(202);
    expect(JSON.parse(res.body)).toMatchObject({ accepted: 1, duplicates: 0, rejected: [] });
    expect(res.headers).toMatchObject({ "cache-control": "no-store, no-transform", "content-type": "application/json", "x-content-type-options": "nosniff", "x-frame-options": "DENY" });
    expect(await testDb().alert.count()).toBe(1);
    const audit = await testDb().auditEvent.findFirstOrThrow({ where: { action: "alerts.ingest", outcome: "SUCCESS" }, orderBy: { seq: "desc" } });
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

  it("leaves every other method and path to Next", async () => {
    expect((await send("GET", "/api/ingest/falco", {})).status).toBe(404);
    expect((await send("POST", "/api/ingest/falco/other", {})).status).toBe(404);
  });
});
