import type { Tx } from "@/lib/db";
import type { Clock, Span } from "./clock";
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

export type SeededPlaybookVersion = { id: string; number: number; publishedAt: Date };
/** `versionId` is the current (highest) published version; `versions` all of them, oldest first. */
export type SeededPlaybooks = Record<PlaybookKey, { playbookId: string; versionId: string; versions: SeededPlaybookVersion[] }>;

// The library was written ~7 months ago so that the exercises could use it; the cryptomining
// playbook is older and has a second version (prisma/seed-data/playbook-cryptomining.ts).
const LIBRARY_CREATED: Span = { days: 214 };
const LIBRARY_PUBLISHED: Span = { days: 201 };

export async function seedPlaybooks(tx: Tx, clock: Clock, managerId: string): Promise<SeededPlaybooks> {
  const seeded = {} as SeededPlaybooks;
  for (const p of PLAYBOOKS) {
    const versions = [
      ...(p.earlierVersions ?? []),
      {
        changeNote: p.changeNote,
        steps: p.steps,
        createdAgo: p.createdAgo ?? LIBRARY_CREATED,
        publishedAgo: p.publishedAgo ?? LIBRARY_PUBLISHED,
      },
    ];
    const playbook = await tx.playbook.create({
      data: {
        title: p.title,
        incidentType: p.incidentType,
        description: p.description,
        attackTechniques: p.attackTechniques,
        createdAt: clock.ago(versions[0]!.createdAgo),
      },
      select: { id: true },
    });
    const rows: SeededPlaybookVersion[] = [];
    for (const [i, v] of versions.entries()) {
      const publishedAt = clock.ago(v.publishedAgo);
      const version = await tx.playbookVersion.create({
        data: {
          playbookId: playbook.id,
          number: i + 1,
          status: "PUBLISHED",
          changeNote: v.changeNote,
          publishedAt,
          publishedById: managerId,
          createdAt: clock.ago(v.createdAgo),
          steps: { create: v.steps.map(stepRow) },
        },
        select: { id: true },
      });
      rows.push({ id: version.id, number: i + 1, publishedAt });
    }
    seeded[p.key] = { playbookId: playbook.id, versionId: rows.at(-1)!.id, versions: rows };
  }
  return seeded;
}
