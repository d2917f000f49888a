import { describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/db";
import { correlationSuite, event, incident, ingest, metricsEvent } from "@/tests/support/correlation-ingest";

// Alert ingest opening incidents, on the demo plan (tests/support/correlation-ingest.ts): type,
// severity, ATT&CK, playbook and owners; the cost of joining; a flush that fails part-way.

const suite = correlationSuite();

describe("opening incidents", () => {
  it("opens one from an alert at or above the source's threshold, with type, severity, ATT&CK, playbook, plan revision and owners", async () => {
    const result = await ingest([
      event({
        rule: "Detect release_agent File Container Escapes",
        priority: "Critical",
        tags: ["container", "process", "mitre_privilege_escalation", "T1611"],
      }),
    ]);
    expect(result.incidents).toHaveLength(1);
    expect(result.incidents[0]).toMatch(/^INC-\d{4}$/);
    const inc = await incident(result.incidents[0]!);
    expect(inc).toMatchObject({
      title: "Detect release_agent File Container Escapes — payments-api in prod-eu/payments",
      type: "CONTAINER_ESCAPE",
      severity: "SEV1",
      status: "OPEN",
      correlationKey: "prod-eu/payments/payments-api",
      cluster: "prod-eu",
      namespace: "payments",
      workload: "payments-api",
      attackTechniques: ["T1611"],
      attackTactics: ["privilege-escalation"],
      alertCount: 1,
      suggestedPlaybook: { incidentType: "CONTAINER_ESCAPE" },
      // The demo plan in force: revision 2 (prisma/seed-data/plan.ts).
      planRevision: { number: 2 },
    });
    expect(inc.clusterId).not.toBeNull();
    expect(inc.namespaceId).not.toBeNull();
    expect(inc.owners.map((o) => [o.role, o.contact.name, o.inheritedFrom])).toEqual([
      ["PRIMARY", "Aisha Bello", null],
      ["SECONDARY", "Jonas Becker", null],
      ["SECURITY", "Helen Okafor", "cluster prod-eu"],
      ["SECURITY", "Marco Reyes", "cluster prod-eu"],
    ]);
    expect(inc.timeline.map((t) => t.kind)).toEqual(["ALERT", "OWNERS"]);
    expect(inc.timeline[0]!.message).toMatch(
      /^Opened from Falco alert "Detect release_agent File Container Escapes" \(CRITICAL\) on payments-api-7d9f8b6c5d-x2kqp in prod-eu\/payments\./,
    );
    expect(inc.timeline[1]!.message).toMatch(/primary Aisha Bello, secondary Jonas Becker/);
  });

  it("records where inherited owners came from: a namespace pattern, the cluster", async () => {
    const viaPattern = await ingest([event({ ns: "payments-eu", pod: "refunds-6f7d8c9b5-abcde" })]);
    const pattern = await incident(viaPattern.incidents[0]!);
    expect(pattern.owners.filter((o) => o.role !== "SECURITY").map((o) => [o.role, o.contact.name, o.inheritedFrom])).toEqual([
      ["PRIMARY", "Jonas Becker", "namespace payments-*"],
      ["SECONDARY", "Aisha Bello", "namespace payments-*"],
    ]);

    const viaCluster = await ingest([event({ ns: "kube-system", pod: "coredns-5d78c9869d-7wq2z" })]);
    const cluster = await incident(viaCluster.incidents[0]!);
    expect(cluster.owners.filter((o) => o.role !== "SECURITY").map((o) => [o.role, o.contact.name, o.inheritedFrom])).toEqual([
      ["PRIMARY", "Priya Raman", "cluster prod-eu"],
      ["SECONDARY", "Tomás Oliveira", "cluster prod-eu"],
    ]);
  });

  it("opens an incident without owners for a cluster the plan does not know, and says so", async () => {
    const result = await ingest([event({ cluster: "edge-7" })]);
    const inc = await incident(result.incidents[0]!);
    expect(inc).toMatchObject({ cluster: "edge-7", clusterId: null, namespaceId: null });
    expect(inc.owners).toEqual([]);
    expect(inc.timeline.find((t) => t.kind === "OWNERS")?.message).toMatch(/Cluster 'edge-7' is not in the plan/);
  });

  it("stores an alert below the threshold without an incident, and never opens one for Falco's own metrics", async () => {
    const metrics = metricsEvent("Emergency", "2024-06-01T10:00:00Z");
    const result = await ingest([event({ priority: "Notice" }), metrics]);
    expect(result).toMatchObject({ accepted: 2, incidents: [] });
    expect(await suite.newIncidents()).toBe(0);
    expect(await testDb().alert.count({ where: { sourceId: suite.sourceId, incidentId: null } })).toBe(2);
  });
});

describe("cost that does not grow with the incident", () => {
  it("writes one timeline entry per flush for the alerts that join an incident, with their count and rules, and inserts them already linked", async () => {
    const opened = await ingest([event({ minute: 0 })]);
    const key = opened.incidents[0]!;
    const before = await incident(key);
    // Alerts that join an open incident go in with it: an UPDATE of their link would fail this flush.
    await testDb().$executeRaw`
      CREATE FUNCTION refuse_relink() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW."incidentId" IS DISTINCT FROM OLD."incidentId" THEN RAISE EXCEPTION 'alert linked after its insert'; END IF; RETURN NEW; END $$`;
    await testDb().$executeRaw`CREATE TRIGGER refuse_relink BEFORE UPDATE ON "Alert" FOR EACH ROW EXECUTE FUNCTION refuse_relink()`;
    try {
      const storm = [
        ...Array.from({ length: 40 }, (_v, i) => event({ minute: 1 + i / 10, priority: "Notice" })),
        ...Array.from({ length: 10 }, (_v, i) =>
          event({ minute: 2 + i / 10, rule: "Read sensitive file untrusted", priority: "Critical" }),
        ),
      ];
      expect(await ingest(storm)).toMatchObject({ accepted: 50, incidents: [key] });
    } finally {
      await testDb().$executeRaw`DROP TRIGGER refuse_relink ON "Alert"`;
      await testDb().$executeRaw`DROP FUNCTION refuse_relink()`;
    }
    const after = await incident(key);
    expect(after.alertCount).toBe(51);
    expect(await testDb().alert.count({ where: { incidentId: after.id } })).toBe(51);
    const added = after.timeline.slice(before.timeline.length);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ kind: "ALERT" });
    expect(added[0]!.message).toBe(
      '50 alerts joined: "Terminal shell in container" ×40, "Read sensitive file untrusted" ×10. Severity raised from SEV3 to SEV1.',
    );
    expect(added[0]!.data).toMatchObject({
      count: 50,
      rules: [
        { rule: "Terminal shell in container", count: 40 },
        { rule: "Read sensitive file untrusted", count: 10 },
      ],
      priorities: expect.arrayContaining(["NOTICE", "CRITICAL"]),
    });
    expect((added[0]!.data as { alertIds: string[] }).alertIds).toHaveLength(50);
  });
});

describe("a flush that fails after its alerts went in", () => {
  it("keeps nothing of it, and the next flush (and a resend of the same events) goes through", async () => {
    const opened = await ingest([event({ minute: 0 })]);
    const [key] = opened.incidents;
    const before = await incident(key!);
    // The timeline entry is among the flush's last writes, after its alerts and the incident's totals.
    await testDb().$executeRaw`
      CREATE FUNCTION refuse_marked_timeline() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.message LIKE '%refuse-me%' THEN RAISE EXCEPTION 'timeline refused for the test'; END IF; RETURN NEW; END $$`;
    await testDb()
      .$executeRaw`CREATE TRIGGER refuse_marked_timeline BEFORE INSERT ON "TimelineEntry" FOR EACH ROW EXECUTE FUNCTION refuse_marked_timeline()`;
    const refused = [event({ minute: 1, rule: "refuse-me shell" }), event({ minute: 2 })];
    try {
      await expect(ingest(refused)).rejects.toThrow(/timeline refused for the test/);
      const after = await incident(key!);
      expect({ alertCount: after.alertCount, version: after.version, timeline: after.timeline.length }).toEqual({
        alertCount: before.alertCount,
        version: before.version,
        timeline: before.timeline.length,
      });
      expect(await testDb().alert.count({ where: { incidentId: before.id } })).toBe(1);
      expect(await ingest([event({ minute: 3 })])).toMatchObject({ accepted: 1, incidents: [key] });
    } finally {
      await testDb().$executeRaw`DROP TRIGGER refuse_marked_timeline ON "TimelineEntry"`;
      await testDb().$executeRaw`DROP FUNCTION refuse_marked_timeline()`;
    }
    expect(await ingest(refused)).toMatchObject({ accepted: 2, duplicates: 0, incidents: [key] });
    expect((await incident(key!)).alertCount).toBe(4);
  });
});
