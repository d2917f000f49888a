import { beforeEach, describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/dal/errors";
import { registerExternalEvidence } from "@/lib/dal/evidence/register";
import { getRunOrThrow, startRun, updateRunStep } from "@/lib/dal/runs";
import type { Actor } from "@/lib/domain/roles";
import { testDb } from "@/tests/support/db";
import { incident, resetRuns } from "@/tests/support/runs";

// A playbook step's "evidence expected" reaches the run step, evidence registered from the step
// counts for it, and completing it with none attached needs a reason, which goes on the record.

let responder: Actor;

beforeEach(async () => {
  ({ responder } = await resetRuns());
});

async function runWithEvidenceSteps() {
  const pb = await testDb().playbook.create({
    data: {
      title: "Terminal shell in a container",
      incidentType: "SHELL_IN_CONTAINER",
      versions: {
        create: {
          number: 1,
          status: "PUBLISHED",
          publishedAt: new Date(),
          steps: {
            create: [
              {
                position: 1,
                phase: "DETECTION_ANALYSIS",
                title: "Preserve the pod",
                instructions: "Save it.",
                evidenceExpected: "Pod manifest of {{pod}}",
              },
              {
                position: 2,
                phase: "DETECTION_ANALYSIS",
                title: "Keep the logs",
                instructions: "Save them.",
                evidenceExpected: "Logs incl. --previous",
              },
              { position: 3, phase: "CONTAINMENT", title: "Isolate", instructions: "Apply the policy." },
            ],
          },
        },
      },
    },
    select: { versions: { select: { id: true } } },
  });
  const inc = await incident();
  const { id } = await startRun(responder, { incidentKey: inc.key, playbookVersionId: pb.versions[0]!.id });
  const run = await getRunOrThrow(responder, id);
  return { inc, run, step: (position: number) => run.steps.find((s) => s.position === position)! };
}

const external = (incidentKey: string, runStepId: string) => ({
  incidentKey,
  kind: "MANIFEST" as const,
  description: "kubectl get pod -o yaml",
  containerId: null,
  podName: null,
  nodeName: null,
  imageDigest: null,
  collectedAt: null,
  collectedById: null,
  runStepId,
  storageLocation: "s3://ir-evidence/INC-1/pod.yaml",
  sha256: "ab".repeat(32),
  sizeBytes: 2048,
});

describe("evidence in runs", () => {
  it("carries the step's evidence expected into the run, rendered with the run's context", async () => {
    const { step } = await runWithEvidenceSteps();
    expect(step(1).evidenceExpected).toMatch(/^Pod manifest of payments\\-api\\-7d9f\\-abcde$/);
    expect(step(1)).toMatchObject({ evidenceCount: 0, noEvidenceReason: null });
    expect(step(3).evidenceExpected).toBeNull();
  });

  it("asks why when a step that expects evidence is completed with none, and records the reason", async () => {
    const { run, step } = await runWithEvidenceSteps();
    const refused = updateRunStep(responder, { stepId: step(2).id, version: step(2).version, change: "complete" });
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toMatchObject({ fieldErrors: { noEvidenceReason: [expect.stringMatching(/Say why/)] } });
    const done = await updateRunStep(responder, {
      stepId: step(2).id,
      version: step(2).version,
      change: "complete",
      noEvidenceReason: "The pod was rescheduled before anyone looked; the node journal is attached to step 1.",
    });
    expect(done).toMatchObject({ status: "DONE", noEvidenceReason: expect.stringMatching(/^The pod was rescheduled/) });
    const audit = await testDb().auditEvent.findFirstOrThrow({ where: { action: "run.step.update", targetId: step(2).id } });
    expect(audit.after).toMatchObject({ status: "DONE", noEvidenceReason: expect.stringMatching(/rescheduled/) });
    // A step that expects nothing completes as before.
    await expect(updateRunStep(responder, { stepId: step(3).id, version: step(3).version, change: "complete" })).resolves.toMatchObject({
      status: "DONE",
      noEvidenceReason: null,
    });
    expect((await getRunOrThrow(responder, run.id)).steps.find((s) => s.position === 2)?.noEvidenceReason).toMatch(/rescheduled/);
  });

  it("counts evidence registered from the step, which then completes without a reason", async () => {
    const { inc, run, step } = await runWithEvidenceSteps();
    const item = await registerExternalEvidence(responder, external(inc.key, step(1).id));
    const reread = (await getRunOrThrow(responder, run.id)).steps.find((s) => s.position === 1)!;
    expect(reread.evidenceCount).toBe(1);
    expect((await testDb().evidence.findUniqueOrThrow({ where: { id: item.id } })).runStepId).toBe(step(1).id);
    await expect(updateRunStep(responder, { stepId: reread.id, version: reread.version, change: "complete" })).resolves.toMatchObject({
      status: "DONE",
      evidenceCount: 1,
      noEvidenceReason: null,
    });
  });

  it("refuses to attach evidence to a step of another incident's run", async () => {
    const { step } = await runWithEvidenceSteps();
    const other = await incident();
    await expect(registerExternalEvidence(responder, external(other.key, step(1).id))).rejects.toMatchObject({
      fieldErrors: { runStepId: [expect.stringMatching(/this incident's runs/)] },
    });
    expect(await testDb().evidence.count()).toBe(0);
  });
});
