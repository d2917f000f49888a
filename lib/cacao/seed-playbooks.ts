import type { ExportablePlaybook } from "@/lib/cacao/export";
import { stepRow } from "@/prisma/seed-data/playbook-format";
import { PLAYBOOKS } from "@/prisma/seed-data/playbooks";

/**
 * The demo seed's playbooks as published version 1s, with stable made-up ids, so that unit tests
 * and `npm run test:conformance` export exactly the content the demo database holds.
 */
export function seedPlaybooksForExport(): ExportablePlaybook[] {
  const createdAt = new Date("2025-01-06T09:00:00.000Z");
  const publishedAt = new Date("2025-01-19T15:30:00.000Z");
  return PLAYBOOKS.map((p) => ({
    id: `seed-playbook-${p.key}`,
    title: p.title,
    description: p.description,
    incidentType: p.incidentType,
    attackTechniques: p.attackTechniques,
    createdAt,
    version: {
      id: `seed-version-${p.key}-1`,
      number: 1,
      status: "PUBLISHED",
      publishedAt,
      publishedById: "seed-manager",
      updatedAt: publishedAt,
    },
    steps: p.steps.map((s, i) => ({ id: `seed-step-${p.key}-${i + 1}`, ...stepRow(s, i) })),
  }));
}
