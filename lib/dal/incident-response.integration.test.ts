import { beforeEach, describe, expect, it } from "vitest";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/dal/errors";
import { addIncidentNote, assignCommander, transitionIncident } from "@/lib/dal/incident-response";
import { incidentKey } from "@/lib/domain/incident-status";
import type { Actor } from "@/lib/domain/roles";
import type { IncidentStatus } from "@/lib/generated/prisma/enums";
import { makeActor, resetTables, testDb } from "@/tests/support/db";

let responder: Actor;
let manager: Actor;

beforeEach(async () => {
  await resetTables("AuditEvent", "TimelineEntry", "Incident", "User");
  responder = await makeActor("RESPONDER");
  manager = await makeActor("IR_MANAGER");
});

async function incident(status: IncidentStatus = "OPEN", version = 0) {
  const row = await testDb().incident.create({
    data: {
      title: "Terminal shell in container — payments-api in prod-eu/payments",
      type: "SHELL_IN_CONTAINER",
      severity: "SEV2",
      status,
      version,
    },
    select: { id: true, number: true },
  });
  return { id: row.id, key: incidentKey(row.number) };
}

const stateOf = (id: string) =>
  testDb().incident.findUniqueOrThrow({
    where: { id },
    select: { status: true, version: true, triagedAt: true, resolvedAt: true, commanderId: true },
  });
const timelineOf = (id: string) => testDb().timelineEntry.findMany({ where: { incidentId: id }, orderBy: { at: "asc" } });
const auditOf = (id: string) => testDb().auditEvent.findMany({ where: { targetId: id }, orderBy: { seq: "asc" } });

describe("transitionIncident", () => {
  it("moves OPEN → TRIAGED, records the time, a timeline entry and an audit event, and bumps the version", async () => {
    const { id, key } = await incident();
    expect(await transitionIncident(responder, { key, version: 0, to: "TRIAGED", note: "Confirmed: no change ticket." })).toEqual({
      key,
      status: "TRIAGED",
    });
    const after = await stateOf(id);
    expect(after).toMatchObject({ status: "TRIAGED", version: 1 });
    expect(after.triagedAt).toBeInstanceOf(Date);
    expect(await timelineOf(id)).toEqual([
      expect.objectContaining({
        kind: "STATUS_CHANGE",
        actorId: responder.id,
        message: "Open → Triaged: Confirmed: no change ticket.",
        data: { from: "OPEN", to: "TRIAGED" },
      }),
    ]);
    expect(await auditOf(id)).toEqual([
      expect.objectContaining({ action: "incident.transition", actorId: responder.id, outcome: "SUCCESS" }),
    ]);
  });

  it("refuses a stale version, naming who changed it and when, and changes nothing", async () => {
    const { id, key } = await incident();
    await transitionIncident(manager, { key, version: 0, to: "TRIAGED" });
    const stale = transitionIncident(responder, { key, version: 0, to: "TRIAGED" });
    await expect(stale).rejects.toThrow(ConflictError);
    await expect(stale).rejects.toThrow(new RegExp(`${key} was changed by ${manager.email} at .* UTC`));
    expect((await stateOf(id)).version).toBe(1);
    expect(await timelineOf(id)).toHaveLength(1);
  });

  it("refuses skipping phases and reopening, and needs a reason to close early", async () => {
    const open = await incident("OPEN");
    await expect(transitionIncident(responder, { key: open.key, version: 0, to: "CONTAINED" })).rejects.toThrow(/one phase at a time/);
    await expect(transitionIncident(responder, { key: open.key, version: 0, to: "CLOSED" })).rejects.toThrow(ValidationError);
    await transitionIncident(responder, { key: open.key, version: 0, to: "CLOSED", note: "False positive: the CI image scanner." });
    expect((await stateOf(open.id)).resolvedAt).toBeInstanceOf(Date);
    await expect(transitionIncident(responder, { key: open.key, version: 1, to: "OPEN" })).rejects.toThrow(/not reopened/);
  });

  it("refuses auditors and admins, audits the refusal, and changes nothing", async () => {
    const { id, key } = await incident();
    for (const role of ["AUDITOR", "ADMIN"] as const) {
      const actor = await makeActor(role);
      await expect(transitionIncident(actor, { key, version: 0, to: "TRIAGED" })).rejects.toThrow(ForbiddenError);
      expect(await testDb().auditEvent.count({ where: { actorId: actor.id, outcome: "DENIED", action: "denied.incidents.act" } })).toBe(1);
    }
    expect(await stateOf(id)).toMatchObject({ status: "OPEN", version: 0 });
  });

  it("answers not found for an unknown key", async () => {
    await expect(transitionIncident(responder, { key: "INC-9999", version: 0, to: "TRIAGED" })).rejects.toThrow(/not found/);
  });
});

describe("assignCommander", () => {
  it("assigns an IR manager or responder, versioned, with a timeline entry; refuses an auditor as commander", async () => {
    const { id, key } = await incident();
    expect(await assignCommander(responder, { key, version: 0, commanderId: manager.id })).toEqual({ key, commander: manager.name });
    expect(await stateOf(id)).toMatchObject({ commanderId: manager.id, version: 1 });
    expect((await timelineOf(id)).at(-1)).toMatchObject({ kind: "ASSIGNMENT", message: `${manager.name} is incident commander.` });
    const auditor = await makeActor("AUDITOR");
    await expect(assignCommander(responder, { key, version: 1, commanderId: auditor.id })).rejects.toThrow(
      /active IR manager or responder/,
    );
    await expect(assignCommander(responder, { key, version: 0, commanderId: null })).rejects.toThrow(ConflictError);
    await assignCommander(manager, { key, version: 1, commanderId: null });
    expect(await stateOf(id)).toMatchObject({ commanderId: null, version: 2 });
    expect((await auditOf(id)).map((e) => e.action)).toEqual(["incident.assign_commander", "incident.assign_commander"]);
  });
});

describe("addIncidentNote", () => {
  it("appends a note without moving the version; auditors are refused", async () => {
    const { id, key } = await incident("TRIAGED", 3);
    await addIncidentNote(responder, { key, note: "Pod deleted by the payments team at 14:05." });
    expect((await stateOf(id)).version).toBe(3);
    expect(await timelineOf(id)).toEqual([
      expect.objectContaining({ kind: "NOTE", actorId: responder.id, message: "Pod deleted by the payments team at 14:05." }),
    ]);
    expect((await auditOf(id)).map((e) => e.action)).toEqual(["incident.add_note"]);
    await expect(addIncidentNote(await makeActor("AUDITOR"), { key, note: "x" })).rejects.toThrow(ForbiddenError);
  });
});
