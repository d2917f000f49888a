import { createPlaybook, getPlaybookVersionOrThrow } from "@/lib/dal/playbooks";
import type { Actor } from "@/lib/domain/roles";
import type { PlaybookStepInput } from "@/lib/validation/playbooks";

// The playbook the authoring tests write: its details, a step, and a new playbook with its draft.

export const details = {
  title: "Ransomware on a persistent volume",
  incidentType: "RANSOMWARE" as const,
  description: "Files on a PV are being encrypted.",
  attackTechniques: ["T1485", "T1490"],
};

export function stepInput(title: string, over: Partial<PlaybookStepInput> = {}): PlaybookStepInput {
  return {
    phase: "CONTAINMENT",
    title,
    instructions: `kubectl -n {{namespace}} get pod {{pod}} -o yaml > {{incident_key}}-${title.length}.yaml`,
    responsibleRole: "DEVOPS_PRIMARY",
    evidenceExpected: null,
    expectedMinutes: 10,
    ...over,
  };
}

/** A playbook with its draft version 1 and the draft's current row version. */
export async function newPlaybook(actor: Actor) {
  const { id } = await createPlaybook(actor, details);
  const draft = await getPlaybookVersionOrThrow(actor, id, 1);
  return { id, versionId: draft.id, version: draft.version };
}

export async function titlesOf(actor: Actor, playbookId: string, number: number) {
  return (await getPlaybookVersionOrThrow(actor, playbookId, number)).steps.map((s) => s.title);
}
