import { beforeEach, describe, expect, it } from "vitest";
import {
  createDetectionSource,
  listDetectionSources,
  revokeDetectionSource,
  rotateDetectionSourceToken,
  updateDetectionSource,
} from "@/lib/dal/detection-sources";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/dal/errors";
import { IngestAuthError, ingestFalcoEvents } from "@/lib/dal/ingest";
import type { BodyEntry } from "@/lib/domain/falco/parse-body";
import type { Actor } from "@/lib/domain/roles";
import { sourceTokenHash } from "@/lib/domain/source-token";
import { makeActor, resetTables, testDb } from "@/tests/support/db";

let manager: Actor;
let eventCounter = 0;

/** One Falco event (as `json_output` prints it), below the sources' threshold so it opens no incident. */
function debugEvent(): BodyEntry[] {
  eventCounter += 1;
  return [
    {
      index: 0,
      value: {
        time: `2026-11-28T09:00:${String(eventCounter % 60).padStart(2, "0")}.000000000Z`,
        rule: "Bulkhead connection test",
        priority: "Debug",
        source: "syscall",
        output: `Bulkhead connection test ${eventCounter}`,
        output_fields: {},
        tags: [],
      },
    },
  ];
}

const settings = { defaultCluster: "prod-eu", minIncidentPriority: "WARNING" as const };

beforeEach(async () => {
  await resetTables("AuditEvent", "TimelineEntry", "IncidentOwner", "Alert", "Incident", "DetectionSource", "User");
  manager = await makeActor("IR_MANAGER", "manager");
});

describe("creating a source", () => {
  it("issues a token once, stores only its hash, and the token authenticates at ingest", async () => {
    const { source, issued } = await createDetectionSource(manager, { name: "falco-prod-us", kind: "FALCO", ...settings });
    expect(issued.token).toMatch(/^bh_[\w-]{32}$/);
    expect(source).toMatchObject({ name: "falco-prod-us", kind: "FALCO", defaultCluster: "prod-eu", status: "active", version: 0 });
    expect(source.tokenPrefix).toBe(issued.token.slice(0, 8));
    expect(JSON.stringify(source)).not.toContain(issued.token);

    const row = await testDb().detectionSource.findUniqueOrThrow({ where: { id: source.id } });
    expect(row.tokenHash).toBe(sourceTokenHash(issued.token));
    expect(JSON.stringify(row)).not.toContain(issued.token);

    const result = await ingestFalcoEvents(issued.token, debugEvent());
    expect(result).toMatchObject({ accepted: 1, duplicates: 0, rejected: [] });
  });

  it("defaults the threshold to WARNING and leaves the default cluster unset when not given", async () => {
    const { source } = await createDetectionSource(manager, {
      name: "generic",
      kind: "GENERIC",
      defaultCluster: null,
      minIncidentPriority: "WARNING",
    });
    expect(source).toMatchObject({ defaultCluster: null, minIncidentPriority: "WARNING" });
  });

  it("refuses a duplicate name (whatever its case) as a field error", async () => {
    await createDetectionSource(manager, { name: "sidekick-eu", kind: "FALCOSIDEKICK", ...settings });
    const duplicate = createDetectionSource(manager, { name: "Sidekick-EU", kind: "FALCO", ...settings });
    await expect(duplicate).rejects.toThrow(ValidationError);
    await expect(duplicate).rejects.toMatchObject({ fieldErrors: { name: [expect.stringContaining("already")] } });
    expect(await testDb().detectionSource.count()).toBe(1);
  });

  it("refuses a name taken by another source on rename", async () => {
    await createDetectionSource(manager, { name: "one", kind: "FALCO", ...settings });
    const { source } = await createDetectionSource(manager, { name: "two", kind: "FALCO", ...settings });
    const rename = updateDetectionSource(manager, { id: source.id, version: 0, name: "one", ...settings });
    await expect(rename).rejects.toMatchObject({ fieldErrors: { name: [expect.any(String)] } });
  });
});

describe("changing a source", () => {
  it("updates name, default cluster and threshold at the loaded version, and rejects a stale version naming who changed it", async () => {
    const { source } = await createDetectionSource(manager, { name: "falco-staging", kind: "FALCO", ...settings });
    const updated = await updateDetectionSource(manager, {
      id: source.id,
      version: 0,
      name: "falco-stage",
      defaultCluster: null,
      minIncidentPriority: "ERROR",
    });
    expect(updated).toMatchObject({ name: "falco-stage", defaultCluster: null, minIncidentPriority: "ERROR", version: 1 });

    const stale = updateDetectionSource(manager, { id: source.id, version: 0, name: "other", ...settings });
    await expect(stale).rejects.toThrow(ConflictError);
    await expect(stale).rejects.toThrow(manager.email);
    await expect(rotateDetectionSourceToken(manager, { id: source.id, version: 0 })).rejects.toThrow(ConflictError);
    await expect(revokeDetectionSource(manager, { id: source.id, version: 0 })).rejects.toThrow(ConflictError);
    expect(await testDb().detectionSource.findUniqueOrThrow({ where: { id: source.id } })).toMatchObject({
      name: "falco-stage",
      revokedAt: null,
    });
  });

  it("rotates the token: the old one stops working at once, the new one works", async () => {
    const { source, issued: first } = await createDetectionSource(manager, { name: "rotating", kind: "FALCOSIDEKICK", ...settings });
    const { source: rotated, issued: second } = await rotateDetectionSourceToken(manager, { id: source.id, version: 0 });
    expect(second.token).not.toBe(first.token);
    expect(rotated).toMatchObject({ tokenPrefix: second.token.slice(0, 8), version: 1 });
    expect(await testDb().detectionSource.count({ where: { tokenHash: sourceTokenHash(first.token) } })).toBe(0);
    await expect(ingestFalcoEvents(first.token, debugEvent())).rejects.toThrow(IngestAuthError);
    await expect(ingestFalcoEvents(second.token, debugEvent())).resolves.toMatchObject({ accepted: 1 });
  });

  it("lets exactly one of two simultaneous rotations win, so nobody is handed a token that never worked", async () => {
    const { source } = await createDetectionSource(manager, { name: "raced", kind: "FALCO", ...settings });
    const results = await Promise.allSettled([
      rotateDetectionSourceToken(manager, { id: source.id, version: 0 }),
      rotateDetectionSourceToken(manager, { id: source.id, version: 0 }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")?.reason).toBeInstanceOf(ConflictError);
    const winner = won[0]!.value.issued.token;
    await expect(ingestFalcoEvents(winner, debugEvent())).resolves.toMatchObject({ accepted: 1 });
  });

  it("revokes for good: the token is refused, the source stays listed with when and by whom, and nothing brings it back", async () => {
    const { source, issued } = await createDetectionSource(manager, { name: "retired", kind: "FALCO", ...settings });
    await createDetectionSource(manager, { name: "working", kind: "FALCO", ...settings });
    const revoked = await revokeDetectionSource(manager, { id: source.id, version: 0 });
    expect(revoked).toMatchObject({ status: "revoked", version: 1 });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    await expect(ingestFalcoEvents(issued.token, debugEvent())).rejects.toThrow(IngestAuthError);

    const list = await listDetectionSources(manager);
    expect(list.map((s) => [s.name, s.status])).toEqual([
      ["working", "active"],
      ["retired", "revoked"],
    ]);
    expect(list[1]).toMatchObject({ revokedBy: manager.name, createdBy: manager.name });

    await expect(revokeDetectionSource(manager, { id: source.id, version: 1 })).rejects.toThrow(ValidationError);
    await expect(rotateDetectionSourceToken(manager, { id: source.id, version: 1 })).rejects.toThrow(/create a new source/);
    await expect(updateDetectionSource(manager, { id: source.id, version: 1, name: "retired", ...settings })).rejects.toThrow(
      ValidationError,
    );
  });
});

describe("the list", () => {
  it("shows counters kept by ingest and counts only the last 24 hours' alerts", async () => {
    const { source, issued } = await createDetectionSource(manager, { name: "counted", kind: "FALCO", ...settings });
    const [before] = await listDetectionSources(manager);
    expect(before).toMatchObject({ lastSeenAt: null, alertCount: 0, alertsLast24h: 0 });

    await ingestFalcoEvents(issued.token, debugEvent());
    await ingestFalcoEvents(issued.token, debugEvent());
    // An alert received two days ago counts in the total but not in the last 24 hours.
    const old = await testDb().alert.findFirstOrThrow({ where: { sourceId: source.id }, select: { id: true } });
    await testDb().alert.update({ where: { id: old.id }, data: { receivedAt: new Date(Date.now() - 2 * 24 * 60 * 60 * 1000) } });
    const [after] = await listDetectionSources(manager);
    expect(after).toMatchObject({ alertCount: 2, alertsLast24h: 1 });
    expect(after!.lastSeenAt).toBeInstanceOf(Date);
    expect(JSON.stringify(after)).not.toContain(issued.token);
  });
});

describe("authorization", () => {
  it.each(["RESPONDER", "AUDITOR", "ADMIN"] as const)(
    "lets %s read the list but refuses every change, and audits the refusals",
    async (role) => {
      const { source } = await createDetectionSource(manager, { name: "guarded", kind: "FALCO", ...settings });
      const actor = await makeActor(role);
      await expect(listDetectionSources(actor)).resolves.toHaveLength(1);
      await expect(createDetectionSource(actor, { name: "sneaky", kind: "GENERIC", ...settings })).rejects.toThrow(ForbiddenError);
      await expect(updateDetectionSource(actor, { id: source.id, version: 0, name: "renamed", ...settings })).rejects.toThrow(
        ForbiddenError,
      );
      await expect(rotateDetectionSourceToken(actor, { id: source.id, version: 0 })).rejects.toThrow(ForbiddenError);
      await expect(revokeDetectionSource(actor, { id: source.id, version: 0 })).rejects.toThrow(ForbiddenError);
      expect(await testDb().auditEvent.count({ where: { actorId: actor.id, action: "denied.sources.manage", outcome: "DENIED" } })).toBe(4);
      expect(await testDb().detectionSource.findUniqueOrThrow({ where: { id: source.id } })).toMatchObject({
        name: "guarded",
        version: 0,
        revokedAt: null,
      });
    },
  );
});

describe("audit", () => {
  it("records create, update, rotate and revoke with the prefix but never the token or its hash", async () => {
    const { source, issued: first } = await createDetectionSource(manager, { name: "audited", kind: "FALCO", ...settings });
    await updateDetectionSource(manager, { id: source.id, version: 0, name: "audited-2", ...settings });
    const { issued: second } = await rotateDetectionSourceToken(manager, { id: source.id, version: 1 });
    await revokeDetectionSource(manager, { id: source.id, version: 2 });

    const events = await testDb().auditEvent.findMany({
      where: { targetType: "DetectionSource", targetId: source.id },
      orderBy: { seq: "asc" },
    });
    expect(events.map((e) => [e.action, e.actorId, e.outcome])).toEqual([
      ["source.create", manager.id, "SUCCESS"],
      ["source.update", manager.id, "SUCCESS"],
      ["source.rotate", manager.id, "SUCCESS"],
      ["source.revoke", manager.id, "SUCCESS"],
    ]);
    expect(events[2]!.before).toMatchObject({ tokenPrefix: first.token.slice(0, 8) });
    expect(events[2]!.after).toMatchObject({ tokenPrefix: second.token.slice(0, 8) });
    const recorded = JSON.stringify(events.map((e) => [e.before, e.after]));
    for (const secret of [first.token, second.token, sourceTokenHash(first.token), sourceTokenHash(second.token)]) {
      expect(recorded).not.toContain(secret);
    }
  });
});
