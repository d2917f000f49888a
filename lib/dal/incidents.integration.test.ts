import { beforeAll, describe, expect, it, vi } from "vitest";
import { listIncidentAlerts } from "@/lib/dal/incident-alerts";
import { getContainerDossier } from "@/lib/dal/incident-dossier";
import { getIncidentTimeline } from "@/lib/dal/incident-timeline";
import { getIncidentOrThrow, listIncidents, INCIDENT_PAGE_SIZE } from "@/lib/dal/incidents";
import type { Actor } from "@/lib/domain/roles";
import { IncidentListFilter } from "@/lib/validation/incidents";
import { seedDemo } from "@/prisma/seed";
import { makeActor, resetAllTables, testDb } from "@/tests/support/db";

// The demo seed's three incidents (INC-0001 prod-eu/checkout CLOSED, INC-0002 prod-eu/data-pipeline
// CONTAINED, INC-0003 prod-eu/payments TRIAGED) plus 60 bare ones in cluster `bulk` for paging.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));
const { GET } = await import("@/app/api/incidents/route");

let responder: Actor;
const BULK = 60;
const filter = (raw: Record<string, unknown>) => IncidentListFilter.parse(raw);

beforeAll(async () => {
  await resetAllTables();
  await seedDemo(testDb(), { ingestToken: "bh_incidents-list-demo-token-0000000001" });
  const base = Date.UTC(2024, 0, 1);
  await testDb().incident.createMany({
    data: Array.from({ length: BULK }, (_, i) => ({
      title: `Bulk incident ${i}`,
      type: "OTHER" as const,
      severity: i % 2 ? ("SEV4" as const) : ("SEV3" as const),
      cluster: "bulk",
      namespace: `ns-${i % 3}`,
      workload: "w",
      detectedAt: new Date(base + Math.floor(i / 2) * 60_000),
    })),
  });
  responder = await makeActor("RESPONDER");
}, 120_000);

describe("listIncidents", () => {
  it("pages newest first by keyset, 25 at a time, without repeats or gaps, even with ties", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listIncidents(responder, filter({ cluster: "bulk", cursor }));
      expect(page.incidents.length).toBeLessThanOrEqual(INCIDENT_PAGE_SIZE);
      seen.push(...page.incidents.map((i) => i.key));
      const times = page.incidents.map((i) => i.detectedAt.getTime());
      expect(times).toEqual([...times].sort((a, b) => b - a));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(BULK);
  });

  it("filters by status (several), severity, cluster, namespace, title text and time", async () => {
    const keys = async (raw: Record<string, unknown>) => (await listIncidents(responder, filter(raw))).incidents.map((i) => i.key).sort();
    expect(await keys({ status: ["CONTAINED", "TRIAGED"], cluster: "prod-eu" })).toEqual(["INC-0002", "INC-0003"]);
    expect(await keys({ status: "CLOSED" })).toEqual(["INC-0001"]);
    expect(await keys({ severity: "SEV1", cluster: "prod-eu" })).toEqual(["INC-0002"]);
    expect(await keys({ cluster: "prod-eu", namespace: "payments" })).toEqual(["INC-0003"]);
    expect((await keys({ cluster: "bulk", namespace: "ns-0" })).length).toBe(20);
    expect(await keys({ q: "bulk incident 59" })).toHaveLength(1);
    expect((await keys({ cluster: "bulk", from: "2024-01-01T00:10:00Z", to: "2024-01-01T00:12:00Z" })).length).toBe(4);
    // A bare `to` date covers that whole UTC day; the day before has none of them.
    expect((await keys({ cluster: "bulk", to: "2024-01-01" })).length).toBe(INCIDENT_PAGE_SIZE);
    expect(await keys({ cluster: "bulk", to: "2023-12-31" })).toEqual([]);
  });

  it("filters by owner, given as a contact's email or id, and returns the owners with where they came from", async () => {
    const byEmail = await listIncidents(responder, filter({ owner: "Tomas.Oliveira@example.com" }));
    expect(byEmail.incidents.map((i) => i.key)).toEqual(["INC-0002"]);
    expect(byEmail.incidents[0]!.owners.primary).toMatchObject({ name: "Sofia Lindqvist", inheritedFrom: null });
    expect(byEmail.incidents[0]!.owners.secondary).toEqual([
      expect.objectContaining({ name: "Tomás Oliveira", inheritedFrom: "cluster prod-eu" }),
    ]);
    const aisha = await testDb().contact.findUniqueOrThrow({ where: { email: "aisha.bello@example.com" } });
    expect((await listIncidents(responder, filter({ owner: aisha.id }))).incidents.map((i) => i.key)).toEqual(["INC-0003"]);
  });

  it("refuses a forged cursor with a clear message", async () => {
    await expect(listIncidents(responder, filter({ cursor: "bm90LWEtY3Vyc29y" }))).rejects.toThrow(/no longer valid/);
  });
});

describe("getIncidentOrThrow", () => {
  it("returns owners with contact details, playbook and techniques by name; the page's other reads cover its alerts", async () => {
    const auditor = await makeActor("AUDITOR");
    const incident = await getIncidentOrThrow(auditor, "INC-0003");
    expect(incident).toMatchObject({ key: "INC-0003", status: "TRIAGED", namespace: "payments" });
    expect(incident.owners.primary).toMatchObject({
      name: "Aisha Bello",
      email: "aisha.bello@example.com",
      phone: "+44 20 7946 0318",
      team: "Payments DevOps",
    });
    expect(incident.suggestedPlaybook).toBeTruthy();
    expect(incident.techniques.find((t) => t.id === "T1609")).toMatchObject({ name: "Container Administration Command" });
    const [alerts, timeline, dossier] = await Promise.all([
      listIncidentAlerts(auditor, incident.id),
      getIncidentTimeline(auditor, incident.id),
      getContainerDossier(auditor, incident.id),
    ]);
    expect(alerts.alerts.length).toBe(incident.alertCount);
    expect(alerts.olderCursor).toBeNull();
    expect(timeline.items.some((i) => i.type === "entry" && i.entry.kind === "STATUS_CHANGE")).toBe(true);
    expect(timeline.items.reduce((n, i) => n + (i.type === "alerts" ? i.stretch.count : 0), 0)).toBe(incident.alertCount);
    expect(dossier.workloads[0]).toMatchObject({ label: "payments/payments-api" });
    expect(dossier.fromAlerts).toBe(incident.alertCount);
    expect(dossier.containers.length).toBeGreaterThan(0);
    expect(dossier.containers[0]!.images[0]!.digest).toMatch(/^sha256:/);
  });

  it("answers not found for unknown and malformed keys alike", async () => {
    for (const key of ["INC-9999", "nonsense", "INC-"]) {
      await expect(getIncidentOrThrow(responder, key)).rejects.toThrow(/not found/);
    }
  });
});

describe("GET /api/incidents", () => {
  const request = (query: string) => GET(new Request(`http://localhost/api/incidents${query}`));

  it("answers 401 without a session and 400 for a bad query", async () => {
    session.actor = null;
    expect((await request("")).status).toBe(401);
    session.actor = await makeActor("AUDITOR");
    for (const query of ["?status=BURNING", "?from=yesterday", "?from=2024-02-01&to=2024-01-01", "?cursor=bm90LWEtY3Vyc29y"]) {
      const response = await request(query);
      expect(response.status, query).toBe(400);
      expect(await response.json()).toHaveProperty("error");
    }
  });

  it("lists incidents with namespace and both owners, filtered by repeated or comma-separated statuses", async () => {
    session.actor = await makeActor("AUDITOR");
    const body = await (await request("?status=triaged,CONTAINED&cluster=prod-eu")).json();
    expect(body.nextCursor).toBeNull();
    const payments = body.incidents.find((i: { key: string }) => i.key === "INC-0003");
    expect(payments).toMatchObject({
      namespace: "payments",
      status: "TRIAGED",
      severity: "SEV2",
      owners: {
        primary: { name: "Aisha Bello", email: "aisha.bello@example.com" },
        secondary: [{ name: "Jonas Becker", email: "jonas.becker@example.com" }],
      },
    });
    expect(body.incidents).toHaveLength(2);
    const repeated = await (await request("?status=TRIAGED&status=CONTAINED&cluster=prod-eu")).json();
    expect(repeated.incidents).toHaveLength(2);
    const paged = await (await request("?cluster=bulk")).json();
    expect(paged.incidents).toHaveLength(INCIDENT_PAGE_SIZE);
    const next = await (await request(`?cluster=bulk&cursor=${paged.nextCursor}`)).json();
    expect(next.incidents[0].key).not.toBe(paged.incidents.at(-1).key);
  });
});
