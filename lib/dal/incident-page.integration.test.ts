import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ALERT_FIELD_CHARS,
  ALERT_PAGE_SIZE,
  getIncidentAlertOrThrow,
  listIncidentAlerts,
  RAW_EVENT_CHARS,
} from "@/lib/dal/incident-alerts";
import { DOSSIER_WINDOW, getContainerDossier } from "@/lib/dal/incident-dossier";
import { getIncidentTimeline, TIMELINE_ALERT_WINDOW, TIMELINE_ENTRY_LIMIT } from "@/lib/dal/incident-timeline";
import { DOSSIER_GROUPS, DOSSIER_SAMPLES } from "@/lib/domain/container-dossier";
import { incidentKey } from "@/lib/domain/incident-status";
import type { Actor } from "@/lib/domain/roles";
import { insertAlerts, refreshIncidentCounters, rewriteAlertOutput, sqlOf } from "@/scripts/lib/scale-data";
import { makeActor, resetTables, testDatabaseUrl, testDb } from "@/tests/support/db";

// Two incidents of 6,000 alerts each, grown in SQL: one with a timeline entry per alert (how
// ingest wrote them until now), one with an entry per batch of 100 (how it writes them now), and
// each with a few entries people wrote in between. Whatever the count, the page's DAL calls return
// bounded sizes, and the alert pages are a stable keyset walk.
const ALERTS = 6_000;
const start = new Date("2026-03-01T00:00:00Z");
let client: pg.Client;
let auditor: Actor;
const incidents: Record<"perAlert" | "perBatch", { id: string; number: number }> = {} as never;

async function incident(title: string, workload: string) {
  return testDb().incident.create({
    data: { title, type: "SHELL_IN_CONTAINER", severity: "SEV2", cluster: "scale", namespace: "shop", workload, detectedAt: start },
    select: { id: true, number: true },
  });
}

beforeAll(async () => {
  await resetTables("TimelineEntry", "IncidentOwner", "Alert", "Incident", "DetectionSource", "User");
  client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  const source = await testDb().detectionSource.create({
    data: { name: "scale", kind: "FALCOSIDEKICK", tokenHash: "scale-hash", tokenPrefix: "bh_scale" },
  });
  incidents.perAlert = await incident("Terminal shell in container — api", "api");
  incidents.perBatch = await incident("Terminal shell in container — web", "web");
  const grow = (prefix: string, number: number, from: number, to: number, timeline: "per-alert" | { batch: number }) =>
    insertAlerts(sqlOf(client), { prefix, sourceId: source.id, from, to, incidentOf: String(number), start, stepMs: 1000, timeline });
  auditor = await makeActor("AUDITOR");
  // People's entries at alerts 2,000 and 4,000 split the alerts into three stretches.
  for (const [key, i] of Object.entries(incidents)) {
    const timeline = key === "perAlert" ? "per-alert" : { batch: 100 };
    await grow(`${key}-`, i.number, 1, 2_000, timeline);
    await testDb().timelineEntry.create({
      data: {
        incidentId: i.id,
        kind: "STATUS_CHANGE",
        at: new Date(start.getTime() + 2_000_500),
        message: "Open → Triaged",
        actorId: auditor.id,
      },
    });
    await grow(`${key}-`, i.number, 2_001, 4_000, timeline);
    await testDb().timelineEntry.create({
      data: { incidentId: i.id, kind: "NOTE", at: new Date(start.getTime() + 4_000_500), message: "Isolated the node." },
    });
    await grow(`${key}-`, i.number, 4_001, ALERTS, timeline);
  }
  await refreshIncidentCounters(sqlOf(client));
  await client.query(`ANALYZE "Alert"; ANALYZE "TimelineEntry"`);
}, 120_000);

afterAll(async () => {
  await client.end();
});

describe("listIncidentAlerts", () => {
  it("walks every alert newest first in pages of 50, with no repeat or gap, and back again", async () => {
    const seen: string[] = [];
    const cursors: (string | null)[] = [];
    let older: string | undefined;
    do {
      const page = await listIncidentAlerts(auditor, incidents.perAlert.id, { older });
      expect(page.alerts.length).toBeLessThanOrEqual(ALERT_PAGE_SIZE);
      const times = page.alerts.map((a) => a.eventTime.getTime());
      expect(times).toEqual([...times].sort((a, b) => b - a));
      seen.push(...page.alerts.map((a) => a.id));
      cursors.push(page.newerCursor);
      older = page.olderCursor ?? undefined;
    } while (older);
    expect(seen).toHaveLength(ALERTS);
    expect(new Set(seen).size).toBe(ALERTS);
    expect(seen[0]).toBe(`perAlert-${ALERTS}`);
    expect(cursors[0]).toBeNull();

    // From page 3, "newer" is exactly page 2.
    const p1 = await listIncidentAlerts(auditor, incidents.perAlert.id);
    const p2 = await listIncidentAlerts(auditor, incidents.perAlert.id, { older: p1.olderCursor! });
    const p3 = await listIncidentAlerts(auditor, incidents.perAlert.id, { older: p2.olderCursor! });
    const back = await listIncidentAlerts(auditor, incidents.perAlert.id, { newer: p3.newerCursor! });
    expect(back.alerts.map((a) => a.id)).toEqual(p2.alerts.map((a) => a.id));
    const first = await listIncidentAlerts(auditor, incidents.perAlert.id, { newer: p2.newerCursor! });
    expect(first.alerts.map((a) => a.id)).toEqual(p1.alerts.map((a) => a.id));
    expect(first.newerCursor).toBeNull();
  });

  it("stays stable while new alerts arrive: they land before the first page, not in the one being read", async () => {
    const p1 = await listIncidentAlerts(auditor, incidents.perBatch.id);
    const before = await listIncidentAlerts(auditor, incidents.perBatch.id, { older: p1.olderCursor! });
    const source = await testDb().detectionSource.findFirstOrThrow({ select: { id: true } });
    await insertAlerts(sqlOf(client), {
      prefix: "late-",
      sourceId: source.id,
      from: ALERTS + 1,
      to: ALERTS + 30,
      incidentOf: String(incidents.perBatch.number),
      start,
      stepMs: 1000,
      timeline: "none",
    });
    try {
      const after = await listIncidentAlerts(auditor, incidents.perBatch.id, { older: p1.olderCursor! });
      expect(after.alerts.map((a) => a.id)).toEqual(before.alerts.map((a) => a.id));
    } finally {
      await client.query(`DELETE FROM "Alert" WHERE "id" LIKE 'late-%'`);
    }
  });

  it("cuts hostile long fields in the table and keeps the raw event one call away", async () => {
    const huge = "A".repeat(640_000);
    await client.query(`UPDATE "Alert" SET "fileName" = $1 WHERE "id" = $2`, [huge, `perAlert-${ALERTS}`]);
    await rewriteAlertOutput(sqlOf(client), `perAlert-${ALERTS}`, huge);
    const page = await listIncidentAlerts(auditor, incidents.perAlert.id);
    const row = page.alerts[0]!;
    expect(row.fileName).toHaveLength(ALERT_FIELD_CHARS);
    expect(row.outputLength).toBe(huge.length);
    expect(JSON.stringify(page).length).toBeLessThan(120_000);

    const detail = await getIncidentAlertOrThrow(auditor, incidentKey(incidents.perAlert.number), row.id);
    expect(detail.raw.length).toBe(RAW_EVENT_CHARS);
    expect(detail.rawLength).toBeGreaterThan(huge.length);
    expect(
      JSON.parse((await getIncidentAlertOrThrow(auditor, incidentKey(incidents.perAlert.number), page.alerts[1]!.id)).raw),
    ).toMatchObject({ rule: page.alerts[1]!.rule });
    // An alert of another incident is not found through this one.
    await expect(getIncidentAlertOrThrow(auditor, incidentKey(incidents.perBatch.number), row.id)).rejects.toThrow(/not found/);
  });

  it("refuses a forged cursor with a clear message", async () => {
    await expect(listIncidentAlerts(auditor, incidents.perAlert.id, { older: "bm90LWEtY3Vyc29y" })).rejects.toThrow(/no longer valid/);
  });
});

describe("getIncidentTimeline", () => {
  for (const key of ["perAlert", "perBatch"] as const) {
    it(`shows people's entries and summarises the alerts between them (${key === "perAlert" ? "one entry per alert" : "one per batch"})`, async () => {
      const { items } = await getIncidentTimeline(auditor, incidents[key].id);
      const shape = items.map((i) =>
        i.type === "entry" ? i.entry.kind : `${i.stretch.count} ${i.stretch.earlier ? "earlier" : "alerts"}`,
      );
      // The opening alert entry, then the alerts until the status change, and so on. A batch entry
      // is written when its batch is in, so the first batch's alerts come just before it. The
      // newest 5,000 are summarised by rule; the 1,000 before them are one dated count, placed
      // where they begin.
      expect(TIMELINE_ALERT_WINDOW).toBe(5_000);
      expect(shape).toEqual(
        key === "perAlert"
          ? ["ALERT", "1000 earlier", "1000 alerts", "STATUS_CHANGE", "2000 alerts", "NOTE", "2000 alerts"]
          : ["1000 earlier", "ALERT", "1000 alerts", "STATUS_CHANGE", "2000 alerts", "NOTE", "2000 alerts"],
      );
      const earlier = items.find((i) => i.type === "alerts" && i.stretch.earlier);
      // Alert n is at start + n s: the earlier ones run from the first alert to the window's oldest, alert 1,001.
      expect(earlier?.type === "alerts" && earlier.stretch).toMatchObject({
        first: new Date(start.getTime() + 1_000),
        last: new Date(start.getTime() + 1_001_000),
        rules: [],
      });
      const total = items.reduce((n, i) => n + (i.type === "alerts" ? i.stretch.count : 0), 0);
      expect(total).toBe(ALERTS);
      const triaged = items.find((i) => i.type === "entry" && i.entry.kind === "STATUS_CHANGE");
      expect(triaged?.type === "entry" && triaged.entry.actor).toBe(auditor.name);
      const last = items.at(-1)!;
      expect(last.type === "alerts" && last.stretch.rules.reduce((n, r) => n + r.count, 0)).toBe(2_000);
      expect(last.type === "alerts" && last.stretch.rules.map((r) => r.rule)).toContain("Terminal shell in container");
    });
  }

  it("shows at most the newest entries people wrote, and says older ones are hidden", async () => {
    const extra = TIMELINE_ENTRY_LIMIT + 5;
    await testDb().timelineEntry.createMany({
      data: Array.from({ length: extra }, (_, i) => ({
        incidentId: incidents.perBatch.id,
        kind: "NOTE" as const,
        at: new Date(start.getTime() + 7_000_000 + i * 1000),
        message: `note ${i}`,
      })),
    });
    try {
      const timeline = await getIncidentTimeline(auditor, incidents.perBatch.id);
      const entries = timeline.items.filter((i) => i.type === "entry");
      expect(entries).toHaveLength(TIMELINE_ENTRY_LIMIT + 1); // plus the opening alert entry
      expect(timeline.olderEntriesHidden).toBe(true);
      expect(timeline.items.reduce((n, i) => n + (i.type === "alerts" ? i.stretch.count : 0), 0)).toBe(ALERTS);
    } finally {
      await testDb().timelineEntry.deleteMany({ where: { incidentId: incidents.perBatch.id, message: { startsWith: "note " } } });
    }
  });

  it("reads the non-alert entries through the (incidentId, kind, at) index", async () => {
    const { rows } = await client.query<{ "QUERY PLAN": string }>(
      `EXPLAIN SELECT "id" FROM "TimelineEntry" WHERE "incidentId" = $1 AND "kind" = 'NOTE' ORDER BY "at" DESC, "id" DESC LIMIT 201`,
      [incidents.perAlert.id],
    );
    expect(rows.map((r) => r["QUERY PLAN"]).join("\n")).toMatch(/TimelineEntry_incidentId_kind_at_idx/);
  });
});

describe("getContainerDossier", () => {
  it("aggregates the newest alerts in SQL, with bounded groups and samples", async () => {
    const dossier = await getContainerDossier(auditor, incidents.perAlert.id, new Date(start.getTime() + ALERTS * 1000));
    expect(dossier.fromAlerts).toBe(DOSSIER_WINDOW);
    expect(dossier.workloads).toEqual([expect.objectContaining({ label: "shop/api", alertCount: DOSSIER_WINDOW, probablyGone: false })]);
    // 40 containers in the generated pods: 20 shown, 20 counted.
    expect(dossier.containers).toHaveLength(DOSSIER_GROUPS);
    expect(dossier.moreContainers).toBe(40 - DOSSIER_GROUPS);
    expect(dossier.containers.reduce((n, c) => n + c.alertCount, 0)).toBeLessThanOrEqual(DOSSIER_WINDOW);
    const w = dossier.workloads[0]!;
    expect(w.pods.length).toBe(DOSSIER_SAMPLES);
    expect(w.images).toEqual([{ repository: "registry.example.com/shop/api", tag: "1.42.0", digest: expect.stringMatching(/^sha256:/) }]);
    expect(w.files).toContain("/etc/shadow");
    expect(w.lastSeen.getTime()).toBe(start.getTime() + ALERTS * 1000);
  });
});
