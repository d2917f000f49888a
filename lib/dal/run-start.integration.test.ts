import { beforeEach, describe, expect, it } from "vitest";
import { ConflictError, ValidationError } from "@/lib/dal/errors";
import { abandonRun, startRun } from "@/lib/dal/runs";
import { incidentKey } from "@/lib/domain/incident-status";
import type { Actor } from "@/lib/domain/roles";
import { makeActor, resetTables, testDb } from "@/tests/support/db";

// Starting a run races with other starts and with the incident's own changes: these run them at
// once against the real database (one pool, several connections) and check what is left.

let responders: Actor[];

beforeEach(async () => {
  await resetTables(
    "LiveEvent",
    "AuditEvent",
    "RunStep",
    "PlaybookRun",
    "PlaybookStep",
    "PlaybookVersion",
    "Playbook",
    "TimelineEntry",
    "IncidentOwner",
    "Alert",
    "Incident",
    "Contact",
    "User",
  );
  responders = await Promise.all(["riley", "robin", "rowan", "reese", "remy"].map((name) => makeActor("RESPONDER", name)));
});

async function playbook(title: string, versions = 1) {
  const row = await testDb().playbook.create({
    data: {
      title,
      incidentType: "SHELL_IN_CONTAINER",
      versions: {
        create: Array.from({ length: versions }, (_, i) => ({
          number: i + 1,
          status: "PUBLISHED" as const,
          publishedAt: new Date(),
          steps: { create: [{ position: 1, phase: "CONTAINMENT" as const, title: "Isolate the pod", instructions: "Isolate {{pod}}." }] },
        })),
      },
    },
    select: { id: true, versions: { select: { id: true }, orderBy: { number: "asc" } } },
  });
  return { playbookId: row.id, versionIds: row.versions.map((v) => v.id) };
}

async function incident(status: "OPEN" | "RECOVERED" = "OPEN") {
  const row = await testDb().incident.create({
    data: {
      title: "Terminal shell in container",
      type: "SHELL_IN_CONTAINER",
      severity: "SEV2",
      status,
      cluster: "prod-eu",
      namespace: "payments",
      workload: "payments-api",
    },
    select: { id: true, number: true },
  });
  return { id: row.id, key: incidentKey(row.number) };
}

describe("one active run per incident and playbook", () => {
  it("lets one of five concurrent starts win and tells the other four who did", async () => {
    const { versionIds } = await playbook("Interactive shell in a production container");
    const inc = await incident();
    const settled = await Promise.allSettled(
      responders.map((actor) => startRun(actor, { incidentKey: inc.key, playbookVersionId: versionIds[0]! })),
    );
    const won = settled.filter((s) => s.status === "fulfilled");
    const lost = settled.flatMap((s) => (s.status === "rejected" ? [s.reason as unknown] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(4);
    for (const error of lost) {
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as Error).message).toMatch(
        new RegExp(
          `Interactive shell in a production container is already running on ${inc.key} \\(started by r\\w+ \\d+ at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\)`,
        ),
      );
    }
    expect(await testDb().playbookRun.count({ where: { incidentId: inc.id, status: "ACTIVE" } })).toBe(1);
    // Only the winner left a trace: one run, one timeline entry, one audit event.
    expect(await testDb().timelineEntry.count({ where: { incidentId: inc.id, kind: "RUN" } })).toBe(1);
    expect(await testDb().auditEvent.count({ where: { action: "run.start" } })).toBe(1);
  });

  it("counts the playbook, not the version, and allows a new run once the active one has ended", async () => {
    const { playbookId, versionIds } = await playbook("Cryptominer in a pod", 2);
    const other = await playbook("Leaked secret");
    const inc = await incident();
    const first = await startRun(responders[0]!, { incidentKey: inc.key, playbookVersionId: versionIds[0]! });
    expect((await testDb().playbookRun.findUniqueOrThrow({ where: { id: first.id } })).playbookId).toBe(playbookId);
    await expect(startRun(responders[1]!, { incidentKey: inc.key, playbookVersionId: versionIds[1]! })).rejects.toThrow(ConflictError);
    // Another playbook on the same incident, and the same playbook on another incident, are fine.
    await startRun(responders[1]!, { incidentKey: inc.key, playbookVersionId: other.versionIds[0]! });
    await startRun(responders[1]!, { incidentKey: (await incident()).key, playbookVersionId: versionIds[0]! });
    const run = await testDb().playbookRun.findUniqueOrThrow({ where: { id: first.id }, select: { version: true } });
    await abandonRun(responders[0]!, { runId: first.id, version: run.version, reason: "Superseded by v2" });
    await startRun(responders[1]!, { incidentKey: inc.key, playbookVersionId: versionIds[1]! });
    expect(await testDb().playbookRun.count({ where: { incidentId: inc.id, playbookId, status: "ACTIVE" } })).toBe(1);
  });

  it("is enforced by the database too: a second active run of the playbook cannot be written at all", async () => {
    const { versionIds } = await playbook("Interactive shell in a production container");
    const inc = await incident();
    await startRun(responders[0]!, { incidentKey: inc.key, playbookVersionId: versionIds[0]! });
    await expect(
      testDb().playbookRun.create({
        data: { playbookVersionId: versionIds[0]!, incidentId: inc.id, context: {}, startedById: responders[1]!.id },
      }),
    ).rejects.toThrow(/Unique constraint/);
  });
});

describe("starting a run on an incident being closed", () => {
  it("waits for the closing transaction and then refuses, so no run starts on a closed incident", async () => {
    const { versionIds } = await playbook("Interactive shell in a production container");
    const inc = await incident("RECOVERED");
    let started!: Promise<unknown>;
    // The close holds the incident's row until it commits; the start runs meanwhile.
    await testDb().$transaction(async (tx) => {
      await tx.$executeRaw`UPDATE "Incident" SET status = 'CLOSED', "resolvedAt" = now(), version = version + 1 WHERE id = ${inc.id}`;
      started = startRun(responders[0]!, { incidentKey: inc.key, playbookVersionId: versionIds[0]! }).catch((e: unknown) => e);
      // Long enough for the start to have read the incident, were it not waiting for the lock.
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    const outcome = await started;
    expect(outcome).toBeInstanceOf(ValidationError);
    expect((outcome as Error).message).toMatch(/is closed; runs are started on open incidents/);
    expect(await testDb().playbookRun.count({ where: { incidentId: inc.id } })).toBe(0);
  });

  it("never leaves a run on an incident closed in the same instant: either the run started first, or it was refused", async () => {
    const { versionIds } = await playbook("Interactive shell in a production container");
    for (let round = 0; round < 5; round += 1) {
      const inc = await incident("RECOVERED");
      const [start] = await Promise.allSettled([
        startRun(responders[round]!, { incidentKey: inc.key, playbookVersionId: versionIds[0]! }),
        // As a close does: lock the row, then stamp the time. (A bare UPDATE computes its SET before
        // it waits for a row lock, so its clock_timestamp() could predate a run it queued behind.)
        testDb().$transaction(async (tx) => {
          await tx.$queryRaw`SELECT id FROM "Incident" WHERE id = ${inc.id} FOR UPDATE`;
          await tx.$executeRaw`UPDATE "Incident" SET status = 'CLOSED', "resolvedAt" = clock_timestamp(), version = version + 1 WHERE id = ${inc.id}`;
        }),
      ]);
      const closed = await testDb().incident.findUniqueOrThrow({ where: { id: inc.id }, select: { status: true, resolvedAt: true } });
      expect(closed.status).toBe("CLOSED");
      if (start.status === "fulfilled") {
        const run = await testDb().playbookRun.findUniqueOrThrow({ where: { id: start.value.id } });
        expect(run.startedAt.getTime()).toBeLessThanOrEqual(closed.resolvedAt!.getTime());
      } else {
        expect(start.reason).toBeInstanceOf(ValidationError);
      }
    }
  });
});
