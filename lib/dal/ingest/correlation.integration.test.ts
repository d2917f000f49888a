import { createHash } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ingestFalcoEvents } from "@/lib/dal/ingest";
import { parseFalcoBody } from "@/lib/domain/falco/parse-body";
import { seedDemo } from "@/prisma/seed";
import { demoSnapshot, resetAllTables, restoreDemo, testDb } from "@/tests/support/db";

// Correlation, severity and owners on the demo plan (prisma/seed.ts): prod-eu/payments is owned by
// Aisha Bello (primary) and Jonas Becker (secondary); the payments-* pattern by Jonas and Aisha;
// kube-system has no owners of its own (cluster prod-eu: Priya Raman, Tomás Oliveira); the
// cluster's security contacts are Helen Okafor and Marco Reyes.

const TOKEN = "bh_ingest-incidents-token-00000000000001";
let demo: Awaited<ReturnType<typeof demoSnapshot>>;
let sourceId = "";

type Spec = {
  ns?: string | null;
  pod?: string | null;
  minute?: number;
  priority?: string;
  rule?: string;
  tags?: string[];
  cluster?: string;
  hostname?: string;
};
let counter = 0;

function event(spec: Spec = {}): Record<string, unknown> {
  counter += 1;
  const minute = spec.minute ?? 0;
  const at = new Date(Date.UTC(2024, 5, 1, 10, 0, 0) + minute * 60_000)
    .toISOString()
    .replace(/\.\d+Z$/, `.${String(counter).padStart(9, "0")}Z`);
  const fields: Record<string, unknown> = {
    "container.id": "5c1d0e2f3a4b",
    "k8s.ns.name": spec.ns === undefined ? "payments" : spec.ns,
    "k8s.pod.name": spec.pod === undefined ? "payments-api-7d9f8b6c5d-x2kqp" : spec.pod,
    "proc.cmdline": "sh -c id",
  };
  if (spec.cluster) fields["k8s.cluster.name"] = spec.cluster;
  return {
    hostname: spec.hostname ?? "ip-10-42-17-88",
    output: `${spec.rule ?? "Terminal shell in container"} n=${counter}`,
    priority: spec.priority ?? "Warning",
    rule: spec.rule ?? "Terminal shell in container",
    source: "syscall",
    tags: spec.tags ?? ["container", "shell", "mitre_execution", "T1059"],
    time: at,
    output_fields: fields,
  };
}

async function ingest(events: unknown[], window?: number) {
  const parsed = parseFalcoBody(JSON.stringify(events));
  if (!parsed.ok) throw new Error(parsed.error);
  return ingestFalcoEvents(TOKEN, parsed.entries, { correlationWindowMinutes: window });
}

const incident = (key: string) =>
  testDb().incident.findUniqueOrThrow({
    where: { number: Number(key.slice(4)) },
    include: {
      owners: { include: { contact: { select: { name: true } } }, orderBy: [{ role: "asc" }, { createdAt: "asc" }] },
      timeline: { orderBy: [{ at: "asc" }, { id: "asc" }] },
      suggestedPlaybook: { select: { incidentType: true } },
      planRevision: { select: { number: true } },
    },
  });
const newIncidents = () => testDb().incident.count({ where: { id: { notIn: demo.incidents } } });

beforeAll(async () => {
  await resetAllTables();
  await seedDemo(testDb(), { ingestToken: "bh_ingest-incidents-demo-token-000000001" });
  demo = await demoSnapshot();
  const source = await testDb().detectionSource.create({
    data: {
      name: "falco-correlation",
      kind: "FALCOSIDEKICK",
      tokenHash: createHash("sha256").update(TOKEN).digest("hex"),
      tokenPrefix: TOKEN.slice(0, 8),
      defaultCluster: "prod-eu",
      minIncidentPriority: "WARNING",
    },
  });
  sourceId = source.id;
}, 120_000);

beforeEach(async () => {
  await restoreDemo(demo);
});

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
      planRevision: { number: 1 },
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
    const metrics = {
      hostname: "ip-10-42-17-88",
      output: "Falco metrics snapshot",
      priority: "Emergency",
      rule: "Falco internal: metrics snapshot",
      source: "internal",
      time: "2024-06-01T10:00:00Z",
      output_fields: {},
    };
    const result = await ingest([event({ priority: "Notice" }), metrics]);
    expect(result).toMatchObject({ accepted: 2, incidents: [] });
    expect(await newIncidents()).toBe(0);
    expect(await testDb().alert.count({ where: { sourceId, incidentId: null } })).toBe(2);
  });
});

describe("correlation", () => {
  it("joins alerts of the same workload (another pod of the Deployment) and opens another for another workload", async () => {
    const first = await ingest([event({ minute: 0 })]);
    const second = await ingest([
      event({ minute: 10, pod: "payments-api-7d9f8b6c5d-q8zrt", priority: "Notice" }),
      event({ minute: 12, pod: "ledger-writer-0" }),
    ]);
    expect(second.incidents).toHaveLength(2);
    expect(second.incidents).toContain(first.incidents[0]);
    const joined = await incident(first.incidents[0]!);
    expect(joined.alertCount).toBe(2);
    expect(joined.timeline.filter((t) => t.kind === "ALERT").map((t) => t.message)[1]).toMatch(
      /^Alert joined: "Terminal shell in container" \(NOTICE\) on payments-api-7d9f8b6c5d-q8zrt: sh -c id\.$/,
    );
    const other = await incident(second.incidents.find((k) => k !== first.incidents[0])!);
    expect(other.correlationKey).toBe("prod-eu/payments/ledger-writer");
  });

  it("raises the severity when a worse alert joins, and bumps the version so stale forms conflict", async () => {
    const first = await ingest([event({ priority: "Warning" })]);
    const before = await incident(first.incidents[0]!);
    expect(before.severity).toBe("SEV3");
    await ingest([
      event({
        minute: 5,
        priority: "Critical",
        rule: "Drop and execute new binary in container",
        tags: ["container", "mitre_persistence", "TA0003"],
      }),
    ]);
    const after = await incident(first.incidents[0]!);
    expect(after).toMatchObject({ severity: "SEV1", alertCount: 2, version: before.version + 1, type: "SHELL_IN_CONTAINER" });
    expect(after.attackTactics).toEqual(["execution", "persistence"]);
    expect(after.timeline.at(-1)!.message).toMatch(/Severity raised from SEV3 to SEV1\.$/);
    await ingest([event({ minute: 6, priority: "Warning" })]);
    expect((await incident(first.incidents[0]!)).severity).toBe("SEV1");
  });

  it("opens a new incident past the window, and never joins a closed one", async () => {
    const first = await ingest([event({ minute: 0 })], 30);
    const late = await ingest([event({ minute: 45 })], 30);
    expect(late.incidents).not.toEqual(first.incidents);
    const lateKey = late.incidents[0]!;
    await testDb().incident.update({ where: { number: Number(lateKey.slice(4)) }, data: { status: "CLOSED" } });
    const again = await ingest([event({ minute: 50 })], 30);
    expect(again.incidents).not.toContain(lateKey);
    expect(await newIncidents()).toBe(3);
  });

  it("correlates host events on their node", async () => {
    const a = await ingest([
      event({ ns: null, pod: null, hostname: "worker-3", rule: "Write below binary dir", tags: ["host", "mitre_persistence", "T1543"] }),
    ]);
    const b = await ingest([
      event({ ns: null, pod: null, hostname: "worker-3", minute: 1, rule: "Write below etc", tags: ["host", "T1098"] }),
    ]);
    expect(b.incidents).toEqual(a.incidents);
    expect(await incident(a.incidents[0]!)).toMatchObject({
      correlationKey: "prod-eu/-/node:worker-3",
      title: "Write below binary dir — node worker-3 in prod-eu",
      type: "PERSISTENCE",
    });
  });

  it("takes along the workload's earlier alerts below the threshold when an incident opens, and counts them", async () => {
    const tooEarly = await ingest([event({ minute: -90, priority: "Notice" })], 60);
    const earlier = await ingest(
      [
        event({ minute: 0, priority: "Notice" }),
        event({
          minute: 2,
          priority: "Informational",
          rule: "Read sensitive file untrusted",
          tags: ["container", "filesystem", "mitre_credential_access", "T1555"],
        }),
      ],
      60,
    );
    const otherWorkload = await ingest([event({ minute: 1, priority: "Notice", pod: "ledger-writer-0" })], 60);
    expect([tooEarly, earlier, otherWorkload].map((r) => r.incidents)).toEqual([[], [], []]);

    const opened = await ingest([event({ minute: 10, priority: "Warning" })], 60);
    expect(opened.incidents).toHaveLength(1);
    const inc = await incident(opened.incidents[0]!);
    expect(inc).toMatchObject({ alertCount: 3, severity: "SEV3", firstAlertAt: new Date(Date.UTC(2024, 5, 1, 10, 0, 0)) });
    expect(inc.attackTactics).toEqual(["execution", "credential-access"]);
    expect(await testDb().alert.count({ where: { incidentId: inc.id } })).toBe(3);
    // Outside the window and another workload's alert stay unattached.
    expect(await testDb().alert.count({ where: { sourceId, incidentId: null } })).toBe(2);
    expect(inc.timeline.map((t) => t.kind)).toEqual(["ALERT", "OWNERS", "ALERT"]);
    expect(inc.timeline[2]!.message).toMatch(
      /^Attached 2 earlier alerts of this workload that were below the source's threshold: "Terminal shell in container", "Read sensitive file untrusted"\.$/,
    );
  });

  it("takes along earlier alerts below the threshold from the same batch, and never Falco's own events", async () => {
    const metrics = {
      hostname: "ip-10-42-17-88",
      output: "Falco metrics snapshot",
      priority: "Informational",
      rule: "Falco internal: metrics snapshot",
      source: "internal",
      time: "2024-06-01T10:00:30Z",
      output_fields: { "k8s.ns.name": "payments", "k8s.pod.name": "payments-api-7d9f8b6c5d-x2kqp" },
    };
    const result = await ingest([event({ minute: 5, priority: "Error" }), metrics, event({ minute: 1, priority: "Notice" })], 60);
    const inc = await incident(result.incidents[0]!);
    expect(inc).toMatchObject({ alertCount: 2, severity: "SEV2" });
    expect(await testDb().alert.count({ where: { sourceId, incidentId: null } })).toBe(1);
  });

  it("opens one incident per workload when batches about it race", async () => {
    const batches = Array.from({ length: 4 }, (_v, i) => [
      event({ minute: i, priority: "Error" }),
      event({ minute: i, pod: "ledger-writer-1" }),
    ]);
    await Promise.all(batches.map((b) => ingest(b)));
    const incidents = await testDb().incident.findMany({
      where: { id: { notIn: demo.incidents } },
      select: { correlationKey: true, alertCount: true, severity: true },
    });
    expect(incidents.map((i) => [i.correlationKey, i.alertCount]).sort()).toEqual([
      ["prod-eu/payments/ledger-writer", 4],
      ["prod-eu/payments/payments-api", 4],
    ]);
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
