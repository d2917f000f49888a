import { createHash } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ValidationError } from "@/lib/dal/errors";
import { flushIngestRefusals, IngestAuthError, IngestBatchTooLargeError, ingestFalcoBody, ingestFalcoEvents } from "@/lib/dal/ingest";
import { parseFalcoBody, type BodyEntry } from "@/lib/domain/falco/parse-body";
import { viaFalcosidekick } from "@/tests/support/falco-events";
import type { FalcoPriority } from "@/lib/generated/prisma/enums";
import { seedDemo } from "@/prisma/seed";
import { demoSnapshot, resetAllTables, restoreDemo, testDb } from "@/tests/support/db";
import { decodeRawEvent } from "@/lib/domain/falco/raw-event";

// Runs against the demo plan (prisma/seed.ts): prod-eu with payments (Aisha primary, Jonas
// secondary), the payments-* pattern, kube-system without owners of its own, published playbooks.

const TOKEN = "bh_ingest-integration-token-000000000001";
const REVOKED = "bh_ingest-integration-token-revoked00001";
const INACTIVE = "bh_ingest-integration-token-inactive0001";
const DEMO_TOKEN = "bh_ingest-integration-demo-token-0000001";
const hash = (t: string) => createHash("sha256").update(t).digest("hex");

let demo: Awaited<ReturnType<typeof demoSnapshot>>;
let sourceId = "";
let auditSeq = 0n;

type Spec = {
  ns?: string | null;
  pod?: string | null;
  at?: string;
  priority?: string;
  rule?: string;
  tags?: string[];
  container?: string;
  cluster?: string;
};

let counter = 0;
/** A Falco event as Falco ≥0.35 prints it; each call is a distinct event unless `at` repeats. */
function event(spec: Spec = {}): Record<string, unknown> {
  counter += 1;
  const at = spec.at ?? `2024-06-01T10:00:${String(counter % 60).padStart(2, "0")}.${String(counter).padStart(9, "0")}Z`;
  const rule = spec.rule ?? "Terminal shell in container";
  const fields: Record<string, unknown> = {
    "container.id": spec.container ?? "5c1d0e2f3a4b",
    "k8s.ns.name": spec.ns === undefined ? "payments" : spec.ns,
    "k8s.pod.name": spec.pod === undefined ? "payments-api-7d9f8b6c5d-x2kqp" : spec.pod,
    "proc.cmdline": "bash",
    "proc.name": "bash",
    "user.name": "root",
  };
  if (spec.cluster) fields.cluster = spec.cluster;
  return {
    hostname: "ip-10-42-17-88",
    output: `Notice ${rule} (user=root pod=${spec.pod ?? ""} n=${counter})`,
    priority: spec.priority ?? "Warning",
    rule,
    source: "syscall",
    tags: spec.tags ?? ["container", "shell", "mitre_execution", "T1059"],
    time: at,
    output_fields: fields,
  };
}

const entries = (events: unknown[]): BodyEntry[] => {
  const parsed = parseFalcoBody(JSON.stringify(events));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.entries;
};
const ingest = (events: unknown[], window?: number) => ingestFalcoEvents(TOKEN, entries(events), { correlationWindowMinutes: window });
beforeAll(async () => {
  await resetAllTables();
  await seedDemo(testDb(), { ingestToken: DEMO_TOKEN });
  demo = await demoSnapshot();
  const base = { kind: "FALCO" as const, defaultCluster: "prod-eu", minIncidentPriority: "WARNING" as FalcoPriority };
  sourceId = (
    await testDb().detectionSource.create({ data: { ...base, name: "falco-test", tokenHash: hash(TOKEN), tokenPrefix: TOKEN.slice(0, 8) } })
  ).id;
  await testDb().detectionSource.create({
    data: { ...base, name: "falco-revoked", tokenHash: hash(REVOKED), tokenPrefix: "bh_ingest", revokedAt: new Date() },
  });
  await testDb().detectionSource.create({
    data: { ...base, name: "falco-inactive", tokenHash: hash(INACTIVE), tokenPrefix: "bh_ingest", active: false },
  });
}, 120_000);

beforeEach(async () => {
  // Back to the demo data: everything ingest wrote since is removed.
  const db = testDb();
  await restoreDemo(demo);
  // The audit log is append-only: tests count the events written after this point (refusals
  // tallied by an earlier test are written first).
  await flushIngestRefusals();
  auditSeq = (await db.auditEvent.aggregate({ _max: { seq: true } }))._max.seq ?? 0n;
  await db.detectionSource.update({ where: { id: sourceId }, data: { alertCount: 0, lastSeenAt: null } });
});

describe("authentication", () => {
  it.each([
    ["no token", null, /Missing ingest token/],
    ["a wrong token", "bh_not-a-token", /Unknown or revoked/],
    ["a revoked source's token", REVOKED, /Unknown or revoked/],
    ["a deactivated source's token", INACTIVE, /Unknown or revoked/],
  ])("refuses %s, writes nothing and audits the refusals as one count per address", async (_name, token, message) => {
    await expect(ingestFalcoEvents(token, entries([event()]))).rejects.toThrow(IngestAuthError);
    await expect(ingestFalcoEvents(token, entries([event()]))).rejects.toThrow(message);
    expect(await testDb().alert.count({ where: { sourceId } })).toBe(0);
    const denied = () => testDb().auditEvent.findMany({ where: { seq: { gt: auditSeq }, action: "alerts.ingest", outcome: "DENIED" } });
    // Nothing per request: the refusals are tallied and written once a minute, or when flushed.
    expect(await denied()).toHaveLength(0);
    expect(await flushIngestRefusals()).toBe(1);
    const rows = await denied();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.after).toMatchObject({ refused: 2, throttled: 0 });
    // At most the token's first characters are recorded, never the token.
    expect(rows[0]!.after).toMatchObject({ tokenPrefixes: token ? [token.slice(0, 8)] : [] });
    if (token) expect(JSON.stringify(rows[0]!.after)).not.toContain(token);
  });
});

describe("a token revoked or rotated while it is in use", () => {
  it.each([
    ["revoked", { revokedAt: new Date() }],
    ["rotated", { tokenHash: hash("bh_ingest-integration-rotated-00000001") }],
    ["deactivated", { active: false }],
  ])("stops working as soon as it is %s, although its lookup is cached", async (name, change) => {
    const token = `bh_ingest-integration-${name}-in-use-0001`;
    const source = await testDb().detectionSource.create({
      data: {
        name: `falco-${name}-in-use`,
        kind: "FALCO",
        tokenHash: hash(token),
        tokenPrefix: token.slice(0, 8),
        defaultCluster: "prod-eu",
      },
    });
    expect((await ingestFalcoEvents(token, entries([event({ priority: "Notice" })]))).accepted).toBe(1);
    await testDb().detectionSource.update({ where: { id: source.id }, data: change });
    await expect(ingestFalcoEvents(token, entries([event({ priority: "Notice" })]))).rejects.toThrow(IngestAuthError);
    expect(await testDb().alert.count({ where: { sourceId: source.id } })).toBe(1);
    await flushIngestRefusals();
    const denied = await testDb().auditEvent.findMany({
      where: { seq: { gt: auditSeq }, action: "alerts.ingest", outcome: "DENIED", targetId: source.id },
    });
    expect(denied.map((d) => d.after)).toEqual([expect.objectContaining({ refused: 1, sources: [{ id: source.id, name: source.name }] })]);
    await testDb().alert.deleteMany({ where: { sourceId: source.id } });
    await testDb().detectionSource.delete({ where: { id: source.id } });
  });
});

describe("storing alerts", () => {
  it("stores each event whole with its container context, counts it on the source and audits the batch once", async () => {
    const e = event({ priority: "Notice" });
    const result = await ingest([e]);
    expect(result).toEqual({ accepted: 1, duplicates: 0, rejected: [], incidents: [] });
    const alert = await testDb().alert.findFirstOrThrow({ where: { sourceId } });
    expect(alert).toMatchObject({
      rule: "Terminal shell in container",
      priority: "NOTICE",
      cluster: "prod-eu",
      namespace: "payments",
      podName: "payments-api-7d9f8b6c5d-x2kqp",
      workload: "payments-api",
      containerId: "5c1d0e2f3a4b",
      incidentId: null,
    });
    expect(JSON.parse(decodeRawEvent(alert.raw))).toEqual(e);
    expect(alert.dedupKey).toMatch(/^[0-9a-f]{64}$/);
    // Written in UTC like every Prisma timestamp, whatever the session's time zone.
    expect(Math.abs(alert.receivedAt.getTime() - Date.now())).toBeLessThan(60_000);
    // The counters are bumped after the commit, off the path of the answer (decision 008).
    await vi.waitFor(async () => {
      const source = await testDb().detectionSource.findUniqueOrThrow({ where: { id: sourceId } });
      expect(source.alertCount).toBe(1);
      expect(source.lastSeenAt).toBeInstanceOf(Date);
    });
    const audit = await testDb().auditEvent.findMany({ where: { seq: { gt: auditSeq }, action: "alerts.ingest", outcome: "SUCCESS" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: null,
      actorEmail: "source:falco-test",
      targetId: sourceId,
      after: { accepted: 1, duplicates: 0, rejected: 0, incidentsOpened: [], incidentsJoined: [] },
    });
  });

  it("accepts the good events of a partial batch and reports the bad ones by index", async () => {
    const result = await ingest([
      event(),
      { ...event(), time: "2021-04-13T20:58:00.746609046Z+2" },
      event(),
      42,
      { ...event(), priority: 3 },
    ]);
    expect(result.accepted).toBe(2);
    expect(result.rejected).toEqual([
      { index: 1, error: 'time is not valid RFC 3339: "2021-04-13T20:58:00.746609046Z+2"' },
      { index: 3, error: "an event must be a JSON object, not number" },
      { index: 4, error: "priority must be a string, not number" },
    ]);
    expect(await testDb().alert.count({ where: { sourceId } })).toBe(2);
  });

  it("reads NDJSON with a broken line through ingestFalcoBody", async () => {
    const body = `${JSON.stringify(event())}\n{"rule":\n${JSON.stringify(event())}\n`;
    const result = await ingestFalcoBody(TOKEN, body);
    expect(result.accepted).toBe(2);
    expect(result.rejected).toEqual([{ index: 1, error: expect.stringMatching(/^line 2 is not valid JSON/) }]);
  });

  it("refuses unparseable bodies and oversized batches, after authenticating", async () => {
    await expect(ingestFalcoBody(TOKEN, "not json")).rejects.toThrow(ValidationError);
    await expect(ingestFalcoBody(TOKEN, "")).rejects.toThrow(/empty/);
    await expect(ingestFalcoBody("bh_wrong", "not json")).rejects.toThrow(IngestAuthError);
    const many = Array.from({ length: 1001 }, () => event());
    await expect(ingestFalcoEvents(TOKEN, entries(many))).rejects.toThrow(IngestBatchTooLargeError);
  });

  it("stores events with NUL characters instead of losing them", async () => {
    const e = event();
    (e.output_fields as Record<string, unknown>)["proc.cmdline"] = "printf \u0000";
    expect((await ingest([e])).accepted).toBe(1);
    const stored = await testDb().alert.findFirstOrThrow({ where: { sourceId } });
    expect(stored.processCmdline).toBe("printf \uFFFD");
    // The raw event is bytes: it keeps what the text column could not.
    expect((JSON.parse(decodeRawEvent(stored.raw)) as typeof e).output_fields).toMatchObject({ "proc.cmdline": "printf \u0000" });
  });
});

describe("never duplicated", () => {
  it("reports a replayed batch as duplicates and inserts nothing", async () => {
    const batch = [event(), event({ pod: "ledger-writer-0" }), event({ priority: "Notice" })];
    const first = await ingest(batch);
    expect(first.accepted).toBe(3);
    const replay = await ingest(JSON.parse(JSON.stringify(batch)) as unknown[]);
    expect(replay).toEqual({ accepted: 0, duplicates: 3, rejected: [], incidents: [] });
    expect(await testDb().alert.count({ where: { sourceId } })).toBe(3);
    const audits = await testDb().auditEvent.count({ where: { seq: { gt: auditSeq }, action: "alerts.ingest", outcome: "SUCCESS" } });
    expect(audits).toBe(2);
  });

  it("recognises the same event forwarded by falcosidekick (new uuid, custom fields)", async () => {
    const direct = event();
    await ingest([direct]);
    const forwarded = viaFalcosidekick(direct, "8f0c6d1e-3b2a-4c5d-9e8f-7a6b5c4d3e2f", { cluster: "prod-eu", environment: "production" });
    expect(await ingest([forwarded, forwarded])).toMatchObject({ accepted: 0, duplicates: 2 });
  });

  it("stores each alert once when five identical batches race", async () => {
    const batch = Array.from({ length: 20 }, (_v, i) => event({ pod: i % 2 ? "payments-api-7d9f8b6c5d-x2kqp" : "ledger-writer-0" }));
    const results = await Promise.all(Array.from({ length: 5 }, () => ingest(JSON.parse(JSON.stringify(batch)) as unknown[])));
    expect(results.reduce((n, r) => n + r.accepted, 0)).toBe(20);
    expect(results.reduce((n, r) => n + r.duplicates, 0)).toBe(80);
    expect(await testDb().alert.count({ where: { sourceId } })).toBe(20);
    const incidents = await testDb().incident.findMany({
      where: { id: { notIn: demo.incidents } },
      select: { correlationKey: true, alertCount: true },
    });
    expect(incidents.map((i) => [i.correlationKey, i.alertCount]).sort()).toEqual([
      ["prod-eu/payments/ledger-writer", 10],
      ["prod-eu/payments/payments-api", 10],
    ]);
  });
});
