import { describe, expect, it } from "vitest";
import { testDb } from "@/tests/support/db";
import { correlationSuite, event, incident, ingest, metricsEvent } from "@/tests/support/correlation-ingest";

// Alert ingest correlating alerts into incidents, on the demo plan
// (tests/support/correlation-ingest.ts). The rules themselves: lib/domain/correlation/plan.test.ts.

const suite = correlationSuite();

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
    const responder = await testDb().user.findFirstOrThrow({ where: { role: "RESPONDER" } });
    await testDb().incident.update({ where: { id: before.id }, data: { updatedById: responder.id } });
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
    // The bump was the alert's doing, so a stale form is not told the responder changed it.
    expect(after.updatedById).toBeNull();
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
    expect(await suite.newIncidents()).toBe(3);
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
    expect(await testDb().alert.count({ where: { sourceId: suite.sourceId, incidentId: null } })).toBe(2);
    expect(inc.timeline.map((t) => t.kind)).toEqual(["ALERT", "OWNERS", "ALERT"]);
    expect(inc.timeline[2]!.message).toMatch(
      /^Attached 2 earlier alerts of this workload that were below the source's threshold: "Terminal shell in container", "Read sensitive file untrusted"\.$/,
    );
  });

  it("takes along earlier alerts below the threshold from the same batch, and never Falco's own events", async () => {
    const metrics = metricsEvent("Informational", "2024-06-01T10:00:30Z", {
      "k8s.ns.name": "payments",
      "k8s.pod.name": "payments-api-7d9f8b6c5d-x2kqp",
    });
    const result = await ingest([event({ minute: 5, priority: "Error" }), metrics, event({ minute: 1, priority: "Notice" })], 60);
    const inc = await incident(result.incidents[0]!);
    expect(inc).toMatchObject({ alertCount: 2, severity: "SEV2" });
    expect(await testDb().alert.count({ where: { sourceId: suite.sourceId, incidentId: null } })).toBe(1);
  });

  it("opens one incident per workload when batches about it race", async () => {
    const batches = Array.from({ length: 4 }, (_v, i) => [
      event({ minute: i, priority: "Error" }),
      event({ minute: i, pod: "ledger-writer-1" }),
    ]);
    await Promise.all(batches.map((b) => ingest(b)));
    const incidents = await testDb().incident.findMany({
      where: { id: { notIn: suite.demo.incidents } },
      select: { correlationKey: true, alertCount: true, severity: true },
    });
    expect(incidents.map((i) => [i.correlationKey, i.alertCount]).sort()).toEqual([
      ["prod-eu/payments/ledger-writer", 4],
      ["prod-eu/payments/payments-api", 4],
    ]);
  });
});
