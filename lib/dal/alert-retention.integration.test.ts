import { beforeEach, describe, expect, it } from "vitest";
import { pruneAlerts } from "@/lib/dal/alert-retention";
import { encodeRawEvent } from "@/lib/domain/falco/raw-event";
import type { Actor } from "@/lib/domain/roles";
import { makeActor, resetTables, testDb } from "@/tests/support/db";

// Retention deletes old alerts but never those of an incident still worked, nor those of a closed
// incident whose alerts were not sealed after it closed; a sender cannot get its alerts pruned
// early by backdating them.

const NOW = new Date("2026-12-04T12:00:00Z");
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

let sourceId: string;
let responder: Actor;

beforeEach(async () => {
  await resetTables("CustodyEvent", "Evidence", "AuditEvent", "TimelineEntry", "Alert", "Incident", "DetectionSource", "User");
  responder = await makeActor("RESPONDER", "riley");
  sourceId = (await testDb().detectionSource.create({ data: { name: "falco", kind: "FALCO", tokenHash: "h", tokenPrefix: "bh_" } })).id;
});

let sequence = 0;
async function alert(received: Date, incidentId: string | null = null, eventTime: Date = received) {
  sequence += 1;
  return testDb().alert.create({
    data: {
      sourceId,
      incidentId,
      dedupKey: `k${sequence}`,
      eventTime,
      receivedAt: received,
      rule: "Terminal shell in container",
      priority: "WARNING",
      output: "shell",
      raw: encodeRawEvent({ n: sequence }),
    },
    select: { id: true },
  });
}

async function incident(status: "OPEN" | "CLOSED", resolvedAt: Date | null = null) {
  return testDb().incident.create({
    data: { title: "Terminal shell in container", type: "SHELL_IN_CONTAINER", severity: "SEV3", status, resolvedAt },
    select: { id: true },
  });
}

async function sealedAt(incidentId: string, collectedAt: Date, number = 1) {
  await testDb().evidence.create({
    data: {
      incidentId,
      number,
      kind: "ALERT_RECORD",
      description: "sealed",
      sha256: "ab".repeat(32),
      collectedAt,
      collectedById: responder.id,
      createdById: responder.id,
    },
  });
}

const remaining = async (ids: { id: string }[]) =>
  (await testDb().alert.findMany({ where: { id: { in: ids.map((a) => a.id) } }, select: { id: true } })).length;

describe("pruneAlerts", () => {
  it("does nothing without a retention setting", async () => {
    await alert(ago(400));
    expect(await pruneAlerts(NOW, undefined)).toEqual({ skipped: "no retention" });
    expect(await testDb().alert.count()).toBe(1);
  });

  it("deletes only what is past retention and no longer needed, and audits the run", async () => {
    const closedSealed = await incident("CLOSED", ago(35));
    await sealedAt(closedSealed.id, ago(34));
    const closedSealedBefore = await incident("CLOSED", ago(35));
    await sealedAt(closedSealedBefore.id, ago(36));
    const closedUnsealed = await incident("CLOSED", ago(35));
    const open = await incident("OPEN");

    const pruned = [await alert(ago(40)), await alert(ago(40), closedSealed.id), await alert(ago(31), closedSealed.id)];
    const kept = [
      await alert(ago(10)), // within retention
      await alert(NOW, null, ago(400)), // backdated by its sender, received today
      await alert(ago(40), open.id), // still being worked
      await alert(ago(40), closedUnsealed.id), // closed, never sealed
      await alert(ago(40), closedSealedBefore.id), // sealed before it closed: the seal may lack some
    ];

    expect(await pruneAlerts(NOW, 30)).toEqual({ cutoff: ago(30), deleted: 3, batches: 1 });
    expect(await remaining(pruned)).toBe(0);
    expect(await remaining(kept)).toBe(kept.length);
    // The sealed record stays: evidence is never deleted.
    expect(await testDb().evidence.count()).toBe(2);
    const audit = await testDb().auditEvent.findMany({ where: { action: "alerts.prune" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ retentionDays: 30, deleted: 3, cutoff: ago(30).toISOString() });
    // Nothing more to do: a second run deletes nothing and writes no audit row.
    expect(await pruneAlerts(NOW, 30)).toEqual({ cutoff: ago(30), deleted: 0, batches: 0 });
    expect(await testDb().auditEvent.count({ where: { action: "alerts.prune" } })).toBe(1);
  });

  it("deletes a large backlog in bounded batches, and two instances at once delete each alert once", async () => {
    await testDb().$executeRaw`
      INSERT INTO "Alert" ("id", "sourceId", "dedupKey", "eventTime", "receivedAt", "rule", "priority", "output", "raw")
      SELECT 'bulk-' || n, ${sourceId}, 'bulk-' || n, ${ago(50)}::timestamp, ${ago(50)}::timestamp, 'r', 'WARNING', 'o', '\\x00'::bytea
        FROM generate_series(1, 12001) AS n`;
    const results = await Promise.all([pruneAlerts(NOW, 30), pruneAlerts(NOW, 30)]);
    const deleted = results.reduce((sum, r) => sum + ("deleted" in r ? r.deleted : 0), 0);
    expect(deleted).toBe(12_001);
    expect(await testDb().alert.count()).toBe(0);
    const rows = await testDb().auditEvent.findMany({ where: { action: "alerts.prune" } });
    expect(rows.map((r) => (r.after as { deleted: number }).deleted).sort((a, b) => a - b)).toEqual([2001, 5000, 5000]);
  });
});
