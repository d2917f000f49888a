import type { Tx } from "@/lib/db";
import type { Clock } from "./clock";
import { CONTAINER_ESCAPE_PLAYBOOK } from "./playbook-container-escape";
import { CRYPTOMINING_PLAYBOOK } from "./playbook-cryptomining";
import { stepRow, type PlaybookKey, type PlaybookSeed } from "./playbook-format";
import { MALICIOUS_IMAGE_PLAYBOOK } from "./playbook-malicious-image";
import { RANSOMWARE_PV_PLAYBOOK } from "./playbook-ransomware";
import { SECRETS_EXFILTRATION_PLAYBOOK } from "./playbook-secrets";
import { SHELL_IN_CONTAINER_PLAYBOOK } from "./playbook-shell";

export { PLACEHOLDER_VOCABULARY } from "@/lib/domain/playbook-template";

export const PLAYBOOKS: readonly PlaybookSeed[] = [
  SHELL_IN_CONTAINER_PLAYBOOK,
  CRYPTOMINING_PLAYBOOK,
  CONTAINER_ESCAPE_PLAYBOOK,
  MALICIOUS_IMAGE_PLAYBOOK,
  SECRETS_EXFILTRATION_PLAYBOOK,
  RANSOMWARE_PV_PLAYBOOK,
];

export type SeededPlaybooks = Record<PlaybookKey, { playbookId: string; versionId: string }>;

export async function seedPlaybooks(tx: Tx, clock: Clock, managerId: string): Promise<SeededPlaybooks> {
  // Published before the tabletop (~5 months ago) so that the exercise could use them.
  const createdAt = clock.ago({ days: 214 });
  const publishedAt = clock.ago({ days: 201 });
  const seeded = {} as SeededPlaybooks;
  for (const p of PLAYBOOKS) {
    const playbook = await tx.playbook.create({
      data: {
        title: p.title,
        incidentType: p.incidentType,
        description: p.description,
        attackTechniques: p.attackTechniques,
        createdAt,
        versions: {
          create: {
            number: 1,
            status: "PUBLISHED",
            changeNote: p.changeNote,
            publishedAt,
            publishedById: managerId,
            createdAt,
            steps: {
              create: p.steps.map(stepRow),
            },
          },
        },
      },
      select: { id: true, versions: { select: { id: true } } },
    });
    const version = playbook.versions[0];
    if (!version) throw new Error(`playbook ${p.key} was created without its version`);
    seeded[p.key] = { playbookId: playbook.id, versionId: version.id };
  }
  return seeded;
}
