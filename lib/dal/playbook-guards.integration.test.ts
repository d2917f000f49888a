import { beforeEach, describe, expect, it } from "vitest";
import { ConflictError, ForbiddenError } from "@/lib/dal/errors";
import {
  addPlaybookStep,
  discardPlaybookDraft,
  movePlaybookStep,
  publishPlaybookVersion,
  removePlaybookStep,
  startPlaybookDraft,
  updatePlaybookStep,
} from "@/lib/dal/playbook-drafts";
import {
  createPlaybook,
  getPlaybookOrThrow,
  getPlaybookVersionOrThrow,
  listPlaybooks,
  listPublishedPlaybooks,
  retirePlaybook,
  updatePlaybookDetails,
} from "@/lib/dal/playbooks";
import type { Actor } from "@/lib/domain/roles";
import { makeActor, resetTables, testDb } from "@/tests/support/db";
import { details, newPlaybook as newPlaybookOf, stepInput, titlesOf as titlesOfVersion } from "@/tests/support/playbooks";

let dana: Actor;
let helen: Actor;

beforeEach(async () => {
  await resetTables("AuditEvent", "PlaybookStep", "PlaybookVersion", "Playbook", "User");
  dana = await makeActor("IR_MANAGER", "dana");
  helen = await makeActor("IR_MANAGER", "helen");
});

const newPlaybook = (actor: Actor = dana) => newPlaybookOf(actor);
const titlesOf = (playbookId: string, number: number) => titlesOfVersion(dana, playbookId, number);

describe("playbook authoring: conflicts, details, retiring, refusals", () => {
  it("refuses a stale version, naming who changed the draft", async () => {
    const pb = await newPlaybook();
    await addPlaybookStep(helen, { versionId: pb.versionId, version: pb.version, step: stepInput("Preserve the pod") });
    const stale = addPlaybookStep(dana, { versionId: pb.versionId, version: pb.version, step: stepInput("Scale down") });
    await expect(stale).rejects.toThrow(ConflictError);
    await expect(addPlaybookStep(dana, { versionId: pb.versionId, version: pb.version, step: stepInput("Scale down") })).rejects.toThrow(
      new RegExp(`Draft version 1 of "${details.title}" was changed by ${helen.email}`),
    );

    // Two writers on the same loaded version: exactly one wins, the other is told.
    const { version } = await getPlaybookVersionOrThrow(dana, pb.id, 1);
    const race = await Promise.allSettled([
      addPlaybookStep(dana, { versionId: pb.versionId, version, step: stepInput("From Dana") }),
      addPlaybookStep(helen, { versionId: pb.versionId, version, step: stepInput("From Helen") }),
    ]);
    expect(race.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = race.find((r) => r.status === "rejected");
    expect(lost?.status === "rejected" && lost.reason).toBeInstanceOf(ConflictError);
    expect(await titlesOf(pb.id, 1)).toHaveLength(2);
  });

  it("edits the playbook's details with its version and refuses a stale one", async () => {
    const pb = await newPlaybook();
    const { version } = await getPlaybookOrThrow(dana, pb.id);
    await updatePlaybookDetails(helen, { ...details, id: pb.id, version, title: "Ransomware on a PV", attackTechniques: ["T1485"] });
    const after = await getPlaybookOrThrow(dana, pb.id);
    expect(after).toMatchObject({
      title: "Ransomware on a PV",
      version: version + 1,
      techniques: [{ id: "T1485", name: "Data Destruction" }],
    });
    await expect(updatePlaybookDetails(dana, { ...details, id: pb.id, version })).rejects.toThrow(new RegExp(`changed by ${helen.email}`));
    const audit = await testDb().auditEvent.findFirstOrThrow({ where: { action: "playbook.update" } });
    expect(audit).toMatchObject({ actorId: helen.id, targetType: "Playbook", targetId: pb.id });
  });

  it("retires a playbook: hidden by default, no new drafts, no edits, not offered for runs", async () => {
    const pb = await newPlaybook();
    const added = await addPlaybookStep(dana, { versionId: pb.versionId, version: pb.version, step: stepInput("Preserve the pod") });
    await publishPlaybookVersion(dana, { versionId: pb.versionId, version: added.version, changeNote: "v1" });
    const draft = await startPlaybookDraft(dana, { playbookId: pb.id });
    const { version } = await getPlaybookOrThrow(dana, pb.id);
    await retirePlaybook(dana, { id: pb.id, version });

    expect(await listPlaybooks(dana)).toEqual([]);
    expect((await listPlaybooks(dana, { includeRetired: true }))[0]?.retiredAt).toBeInstanceOf(Date);
    expect(await listPublishedPlaybooks(dana)).toEqual([]);
    const v2 = await getPlaybookVersionOrThrow(dana, pb.id, 2);
    await expect(addPlaybookStep(dana, { versionId: draft.id, version: v2.version, step: stepInput("More") })).rejects.toThrow(
      /is retired/,
    );
    await expect(retirePlaybook(dana, { id: pb.id, version: version + 1 })).rejects.toThrow(/already retired/);
    // The stuck draft can still be thrown away; then no new one can start.
    await discardPlaybookDraft(dana, { versionId: draft.id, version: v2.version });
    await expect(startPlaybookDraft(dana, { playbookId: pb.id })).rejects.toThrow(/retired; it gets no new drafts/);
    expect(await testDb().auditEvent.count({ where: { action: { in: ["playbook.retire", "playbook_version.discard_draft"] } } })).toBe(2);
  });

  it("refuses responders, auditors and admins every change, and audits the refusal", async () => {
    const pb = await newPlaybook();
    const { version } = await getPlaybookOrThrow(dana, pb.id);
    for (const role of ["RESPONDER", "AUDITOR", "ADMIN"] as const) {
      const actor = await makeActor(role);
      // They read everything…
      expect((await getPlaybookOrThrow(actor, pb.id)).title).toBe(details.title);
      // …and change nothing.
      const attempts = [
        () => createPlaybook(actor, details),
        () => updatePlaybookDetails(actor, { ...details, id: pb.id, version }),
        () => retirePlaybook(actor, { id: pb.id, version }),
        () => startPlaybookDraft(actor, { playbookId: pb.id }),
        () => addPlaybookStep(actor, { versionId: pb.versionId, version: pb.version, step: stepInput("x y z") }),
        () => updatePlaybookStep(actor, { versionId: pb.versionId, version: pb.version, stepId: "s", step: stepInput("x y z") }),
        () => movePlaybookStep(actor, { versionId: pb.versionId, version: pb.version, stepId: "s", direction: "up" }),
        () => removePlaybookStep(actor, { versionId: pb.versionId, version: pb.version, stepId: "s" }),
        () => discardPlaybookDraft(actor, { versionId: pb.versionId, version: pb.version }),
        () => publishPlaybookVersion(actor, { versionId: pb.versionId, version: pb.version, changeNote: "x" }),
      ];
      for (const attempt of attempts) await expect(attempt()).rejects.toThrow(ForbiddenError);
      expect(await testDb().auditEvent.count({ where: { actorId: actor.id, outcome: "DENIED", action: "denied.playbooks.edit" } })).toBe(
        attempts.length,
      );
    }
    expect(await titlesOf(pb.id, 1)).toEqual([]);
  });
});
