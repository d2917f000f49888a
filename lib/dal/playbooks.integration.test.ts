import { beforeEach, describe, expect, it } from "vitest";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/dal/errors";
import {
  addPlaybookStep,
  discardPlaybookDraft,
  movePlaybookStep,
  publishPlaybookVersion,
  removePlaybookStep,
  startPlaybookDraft,
  updatePlaybookStep,
} from "@/lib/dal/playbook-drafts";
import { getPlaybookDiff, getPlaybookVersionOrThrow, listPlaybooks, listPublishedPlaybooks } from "@/lib/dal/playbooks";
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

describe("playbook authoring", () => {
  it("creates a playbook, edits its draft (add, reorder, edit, remove) and publishes it", async () => {
    const pb = await newPlaybook();
    let { version } = pb;
    const snapshot = await addPlaybookStep(dana, { versionId: pb.versionId, version, step: stepInput("Snapshot the volume") });
    expect(snapshot.version).toBe(version + 1);
    version = snapshot.version;
    const scale = await addPlaybookStep(dana, { versionId: pb.versionId, version, step: stepInput("Scale the workload to zero") });
    version = scale.version;
    // Added to the end of its phase, even though a later-phase step was added first.
    version = (
      await addPlaybookStep(dana, { versionId: pb.versionId, version, step: stepInput("Restore from snapshot", { phase: "RECOVERY" }) })
    ).version;
    version = (
      await addPlaybookStep(dana, {
        versionId: pb.versionId,
        version,
        step: stepInput("Preserve the pod", { phase: "DETECTION_ANALYSIS" }),
      })
    ).version;
    expect(await titlesOf(pb.id, 1)).toEqual([
      "Preserve the pod",
      "Snapshot the volume",
      "Scale the workload to zero",
      "Restore from snapshot",
    ]);

    version = (await movePlaybookStep(dana, { versionId: pb.versionId, version, stepId: scale.stepId, direction: "up" })).version;
    expect(await titlesOf(pb.id, 1)).toEqual([
      "Preserve the pod",
      "Scale the workload to zero",
      "Snapshot the volume",
      "Restore from snapshot",
    ]);
    await expect(movePlaybookStep(dana, { versionId: pb.versionId, version, stepId: scale.stepId, direction: "up" })).rejects.toThrow(
      /first of its phase/,
    );

    version = (
      await updatePlaybookStep(dana, {
        versionId: pb.versionId,
        version,
        stepId: snapshot.stepId,
        step: stepInput("Snapshot the PV before anything else", {
          expectedMinutes: 15,
          responsibleRole: null,
          evidenceExpected: "VolumeSnapshot name",
        }),
      })
    ).version;
    version = (await removePlaybookStep(dana, { versionId: pb.versionId, version, stepId: scale.stepId })).version;

    const draft = await getPlaybookVersionOrThrow(helen, pb.id, 1);
    expect(draft.steps.map((s) => [s.position, s.title])).toEqual([
      [1, "Preserve the pod"],
      [2, "Snapshot the PV before anything else"],
      [3, "Restore from snapshot"],
    ]);
    expect(draft.steps[1]).toMatchObject({ expectedMinutes: 15, responsibleRole: null, evidenceExpected: "VolumeSnapshot name" });
    expect(draft.lastChange?.by).toBe(dana.name);

    expect(await publishPlaybookVersion(dana, { versionId: pb.versionId, version, changeNote: "First version." })).toMatchObject({
      number: 1,
    });
    const published = await getPlaybookVersionOrThrow(helen, pb.id, 1);
    expect(published).toMatchObject({ status: "PUBLISHED", changeNote: "First version.", publishedBy: dana.name, stepCount: 3 });
    expect(published.publishedAt).toBeInstanceOf(Date);

    const [row] = await listPlaybooks(helen);
    expect(row).toMatchObject({ title: details.title, latestPublished: { number: 1 }, draft: null });
    expect(row?.techniques.map((t) => t.name)).toEqual(["Data Destruction", "Inhibit System Recovery"]);
    expect(await listPublishedPlaybooks(helen)).toEqual([
      { playbookId: pb.id, versionId: pb.versionId, number: 1, title: details.title, incidentType: "RANSOMWARE" },
    ]);

    const actions = (
      await testDb().auditEvent.findMany({
        where: { outcome: "SUCCESS" },
        orderBy: { seq: "asc" },
        select: { action: true, actorId: true },
      })
    ).map((a) => a.action);
    expect(actions).toEqual([
      "playbook.create",
      ...Array(4).fill("playbook_version.add_step"),
      "playbook_version.move_step",
      "playbook_version.update_step",
      "playbook_version.remove_step",
      "playbook_version.publish",
    ]);
  });

  it("starts a new draft from the latest version, one draft at a time, and diffs the versions", async () => {
    const pb = await newPlaybook();
    const a = await addPlaybookStep(dana, {
      versionId: pb.versionId,
      version: pb.version,
      step: stepInput("Preserve the pod", { phase: "DETECTION_ANALYSIS" }),
    });
    const b = await addPlaybookStep(dana, { versionId: pb.versionId, version: a.version, step: stepInput("Scale down") });
    await publishPlaybookVersion(dana, { versionId: pb.versionId, version: b.version, changeNote: "v1" });

    const v2 = await startPlaybookDraft(helen, { playbookId: pb.id });
    expect(v2).toMatchObject({ number: 2, status: "DRAFT", stepCount: 2 });
    await expect(startPlaybookDraft(dana, { playbookId: pb.id })).rejects.toThrow(ConflictError);
    await expect(startPlaybookDraft(dana, { playbookId: pb.id })).rejects.toThrow(new RegExp(`version 2, last changed by ${helen.name}`));
    const raced = await Promise.allSettled([
      startPlaybookDraft(dana, { playbookId: pb.id }),
      startPlaybookDraft(helen, { playbookId: pb.id }),
    ]);
    expect(raced.every((r) => r.status === "rejected")).toBe(true);

    const draft = await getPlaybookVersionOrThrow(helen, pb.id, 2);
    const scale = draft.steps.find((s) => s.title === "Scale down")!;
    let version = (
      await updatePlaybookStep(helen, {
        versionId: draft.id,
        version: draft.version,
        stepId: scale.id,
        step: stepInput("Scale down", { instructions: "kubectl scale deploy/{{workload}} -n {{namespace}} --replicas=0" }),
      })
    ).version;
    version = (await addPlaybookStep(helen, { versionId: draft.id, version, step: stepInput("Rotate the service-account token") })).version;
    await publishPlaybookVersion(helen, { versionId: draft.id, version, changeNote: "Scale, then rotate." });

    const diff = await getPlaybookDiff(helen, pb.id, 1, 2);
    expect(diff.diff.summary).toEqual({ added: 1, removed: 0, changed: 1, moved: 0, unchanged: 1 });
    const changed = diff.diff.steps.find((s) => s.kind === "changed");
    expect(changed?.kind === "changed" && changed.instructions?.some((l) => l.kind === "added" && l.text.includes("--replicas=0"))).toBe(
      true,
    );
    expect((await listPublishedPlaybooks(dana))[0]).toMatchObject({ number: 2, versionId: draft.id });
    await expect(getPlaybookDiff(helen, pb.id, 1, 9)).rejects.toThrow(NotFoundError);
  });

  it("refuses to publish an empty draft or one with unknown placeholders, naming step and placeholder", async () => {
    const pb = await newPlaybook();
    await expect(publishPlaybookVersion(dana, { versionId: pb.versionId, version: pb.version, changeNote: "empty" })).rejects.toThrow(
      /has no steps/,
    );
    const ok = await addPlaybookStep(dana, { versionId: pb.versionId, version: pb.version, step: stepInput("Preserve the pod") });
    const bad = await addPlaybookStep(dana, {
      versionId: pb.versionId,
      version: ok.version,
      step: stepInput("Cordon the node", { instructions: "kubectl cordon {{host}}", evidenceExpected: "drain log for {{ pod_name }}" }),
    });
    const refusal = publishPlaybookVersion(dana, { versionId: pb.versionId, version: bad.version, changeNote: "v1" });
    await expect(refusal).rejects.toThrow(ValidationError);
    await expect(publishPlaybookVersion(dana, { versionId: pb.versionId, version: bad.version, changeNote: "v1" })).rejects.toThrow(
      /"Cordon the node": \{\{host\}\}, \{\{pod_name\}\}\. Use only \{\{cluster\}\}, \{\{namespace\}\}/,
    );
    expect((await getPlaybookVersionOrThrow(dana, pb.id, 1)).status).toBe("DRAFT");
  });

  it("keeps published versions immutable: every change is refused", async () => {
    const pb = await newPlaybook();
    const added = await addPlaybookStep(dana, { versionId: pb.versionId, version: pb.version, step: stepInput("Preserve the pod") });
    const second = await addPlaybookStep(dana, { versionId: pb.versionId, version: added.version, step: stepInput("Scale down") });
    await publishPlaybookVersion(dana, { versionId: pb.versionId, version: second.version, changeNote: "v1" });
    const { version } = await getPlaybookVersionOrThrow(dana, pb.id, 1);
    const ref = { versionId: pb.versionId, version };
    const refusals = [
      () => addPlaybookStep(dana, { ...ref, step: stepInput("More") }),
      () => updatePlaybookStep(dana, { ...ref, stepId: added.stepId, step: stepInput("Changed") }),
      () => movePlaybookStep(dana, { ...ref, stepId: second.stepId, direction: "up" }),
      () => removePlaybookStep(dana, { ...ref, stepId: added.stepId }),
      () => publishPlaybookVersion(dana, { ...ref, changeNote: "again" }),
      () => discardPlaybookDraft(dana, ref),
    ];
    for (const refusal of refusals) await expect(refusal()).rejects.toThrow("Version 1 is published; start a new draft.");
    expect(await titlesOf(pb.id, 1)).toEqual(["Preserve the pod", "Scale down"]);
  });
});
