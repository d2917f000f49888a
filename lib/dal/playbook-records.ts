import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PlaybookVersionSummaryDto } from "@/lib/dto/playbooks";

// The audit target types, select constants and DTO mappers shared by the playbook DAL files
// (playbooks.ts: reads and playbook-level writes; playbook-drafts.ts: editing and publishing drafts).

export const PLAYBOOK_TARGET = "Playbook";
export const VERSION_TARGET = "PlaybookVersion";

export const stepSelect = {
  id: true,
  position: true,
  phase: true,
  title: true,
  instructions: true,
  responsibleRole: true,
  evidenceExpected: true,
  expectedMinutes: true,
} satisfies Prisma.PlaybookStepSelect;

export const versionSummarySelect = {
  id: true,
  number: true,
  status: true,
  changeNote: true,
  publishedAt: true,
  createdAt: true,
  publishedBy: { select: { name: true } },
  _count: { select: { steps: true } },
} satisfies Prisma.PlaybookVersionSelect;

type VersionSummaryRow = Prisma.PlaybookVersionGetPayload<{ select: typeof versionSummarySelect }>;

export function toVersionSummary(row: VersionSummaryRow): PlaybookVersionSummaryDto {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    changeNote: row.changeNote,
    publishedAt: row.publishedAt,
    publishedBy: row.publishedBy?.name ?? null,
    createdAt: row.createdAt,
    stepCount: row._count.steps,
  };
}
