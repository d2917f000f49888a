import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { dedupKeyOf } from "@/lib/domain/falco/dedup";
import { normalizeFalcoEvent } from "@/lib/domain/falco/normalize";
import { parseFalcoBody } from "@/lib/domain/falco/parse-body";
import type { IngestResult } from "@/lib/validation/ingest";
import { applyMigrations } from "@/scripts/lib/migrate";
import { startEmbeddedPostgres, type RunningPostgres } from "@/scripts/lib/postgres";

// "A database restart mid-stream loses no acknowledged alert" (issue 4). This file runs its own
// PostgreSQL, because it stops and starts it: every ingest call that was acknowledged has all its
// alerts stored afterwards, the calls that failed meanwhile can be retried without duplicates,
// the route answers 503 with Retry-After while the database is down, and the connection pool
// recovers by itself once it is back.

const TOKEN = `bh_restart-${randomBytes(12).toString("hex")}`;
const DATABASE = "bulkhead_restart";

let dataDir = "";
let server: RunningPostgres;
// Imported after DATABASE_URL points at this file's server: the DAL reads it on first use.
let dal: typeof import("@/lib/dal/ingest");
let route: typeof import("@/app/api/ingest/falco/route");
let prisma: typeof import("@/lib/db");

let counter = 0;
function event(stream: number): Record<string, unknown> {
  counter += 1;
  return {
    hostname: `node-${stream}`,
    output: `Notice Terminal shell in container (stream=${stream} n=${counter})`,
    priority: counter % 7 === 0 ? "Warning" : "Notice",
    rule: "Terminal shell in container",
    source: "syscall",
    tags: ["container", "shell", "mitre_execution", "T1059"],
    time: new Date(Date.UTC(2024, 5, 1, 10, 0, 0) + counter).toISOString(),
    output_fields: {
      "container.id": "5c1d0e2f3a4b",
      "k8s.ns.name": "payments",
      "k8s.pod.name": `api-${stream}-7d9f8b6c5d-x2kqp`,
      cluster: "prod-eu",
    },
  };
}

function dedupKeys(events: Record<string, unknown>[]): string[] {
  return events.map((e) => {
    const n = normalizeFalcoEvent(e, {});
    if (!n.ok) throw new Error(n.error);
    return dedupKeyOf(n.event);
  });
}

function ingest(events: Record<string, unknown>[]): Promise<IngestResult> {
  const parsed = parseFalcoBody(JSON.stringify(events));
  if (!parsed.ok) throw new Error(parsed.error);
  return dal.ingestFalcoEvents(TOKEN, parsed.entries);
}

async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "bulkhead-restart-pg-"));
  server = await startEmbeddedPostgres({ dataDir, database: DATABASE, persistent: true });
  await applyMigrations(server.url);
  await query(
    `INSERT INTO "DetectionSource" (id, name, kind, "tokenHash", "tokenPrefix", "defaultCluster", "minIncidentPriority", "updatedAt")
     VALUES ('restart-source', 'falco-restart', 'FALCO', $1, $2, 'prod-eu', 'WARNING', now())`,
    [createHash("sha256").update(TOKEN).digest("hex"), TOKEN.slice(0, 8)],
  );
  // The app's modules read their database from the environment: point them at this server.
  vi.stubEnv("DATABASE_URL", server.url);
  prisma = await import("@/lib/db");
  dal = await import("@/lib/dal/ingest");
  route = await import("@/app/api/ingest/falco/route");
  // Guard against a module cache shared with another file: the DAL must be on this server.
  const [row] = await prisma.db().$queryRaw<{ port: string }[]>`SELECT current_setting('port') AS port`;
  expect(Number(row?.port)).toBe(server.port);
}, 120_000);

afterAll(async () => {
  await prisma?.db().$disconnect();
  await server?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe("a PostgreSQL restart during a stream of ingest calls", () => {
  it("keeps every acknowledged alert, answers 503 while down, and recovers; retried calls never duplicate", async () => {
    const acknowledged: { events: Record<string, unknown>[]; result: IngestResult }[] = [];
    const failed: { events: Record<string, unknown>[]; error: unknown }[] = [];
    let streaming = true;
    const streams = Array.from({ length: 4 }, async (_v, stream) => {
      while (streaming) {
        const events = Array.from({ length: 1 + (counter % 5) }, () => event(stream));
        try {
          acknowledged.push({ events, result: await ingest(events) });
        } catch (error) {
          failed.push({ events, error });
          await sleep(100);
        }
      }
    });

    await until(() => acknowledged.length >= 20, "acknowledged calls before the restart");
    await server.stop();
    const ackedWhileStopping = acknowledged.length;
    await until(() => failed.length >= 4, "calls failing while the database is down");

    const down = await route.POST(
      new Request("http://localhost/api/ingest/falco", {
        method: "POST",
        headers: { authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify(event(9)),
      }),
    );
    expect(down.status).toBe(503);
    expect(down.headers.get("retry-after")).toBe("5");
    expect((await down.json()).error).toMatch(/unavailable.*Retry in a few seconds/s);

    server = await startEmbeddedPostgres({ dataDir, database: DATABASE, persistent: true });
    const failuresAtRestart = failed.length;
    await until(() => acknowledged.length >= ackedWhileStopping + 20, "acknowledged calls after the restart");
    streaming = false;
    await Promise.all(streams);

    // While down, callers were told to retry later, not given an unexplained error.
    for (const f of failed.slice(0, failuresAtRestart)) expect(f.error).toBeInstanceOf(dal.IngestUnavailableError);
    for (const { events } of failed) {
      const retry = await ingest(events);
      expect(retry.accepted + retry.duplicates).toBe(events.length);
      expect(retry.rejected).toEqual([]);
    }

    const ackedKeys = acknowledged.flatMap((a) => dedupKeys(a.events));
    const stored = await query<{ dedupKey: string }>(`SELECT "dedupKey" FROM "Alert" WHERE "dedupKey" = ANY($1)`, [ackedKeys]);
    expect(stored).toHaveLength(ackedKeys.length);
    expect(acknowledged.reduce((n, a) => n + a.result.accepted + a.result.duplicates, 0)).toBe(ackedKeys.length);
    const sent = ackedKeys.length + failed.reduce((n, f) => n + f.events.length, 0);
    const [total] = await query<{ count: string }>(`SELECT count(*) FROM "Alert"`);
    expect(Number(total?.count)).toBe(sent);
    // Every stored alert that crossed the threshold is on an incident: correlation survived too.
    const [loose] = await query<{ count: string }>(`SELECT count(*) FROM "Alert" WHERE priority = 'WARNING' AND "incidentId" IS NULL`);
    expect(Number(loose?.count)).toBe(0);
  }, 180_000);
});
