import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

const person = { select: { id: true, name: true, email: true } } as const;

export const actionItemSelect = {
  id: true,
  findingId: true,
  title: true,
  dueAt: true,
  status: true,
  wontFixReason: true,
  closedAt: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  owner: { select: { id: true, name: true } },
  closedByPlanRevision: { select: { id: true, number: true, publishedAt: true } },
  closedByPlaybookVersion: { select: { id: true, number: true, publishedAt: true, playbook: { select: { id: true, title: true } } } },
  updatedBy: person,
} satisfies Prisma.ActionItemSelect;

export const findingSelect = {
  id: true,
  exerciseId: true,
  title: true,
  category: true,
  severity: true,
  description: true,
  recommendation: true,
  status: true,
  planSectionKey: true,
  attackTechnique: true,
  recurrenceOfId: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  playbook: { select: { id: true, title: true } },
  playbookStep: { select: { id: true, title: true, position: true } },
  cluster: { select: { id: true, name: true } },
  updatedBy: person,
  actionItems: { select: actionItemSelect, orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }] },
} satisfies Prisma.FindingSelect;

export const exerciseSelect = {
  id: true,
  kind: true,
  title: true,
  scenario: true,
  scenarioDescription: true,
  scheduledAt: true,
  conductedAt: true,
  facilitator: true,
  facilitatorOrganisation: true,
  redTeamOrganisation: true,
  attackTechniques: true,
  status: true,
  cancelReason: true,
  outcome: true,
  prerequisiteId: true,
  overrideReason: true,
  overrideAt: true,
  repeatsId: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  planRevision: { select: { id: true, number: true } },
  prerequisite: { select: { id: true, title: true } },
  repeats: {
    select: {
      id: true,
      title: true,
      findings: { select: { id: true, title: true, severity: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  },
  overrideBy: person,
  createdBy: person,
  updatedBy: person,
  participants: {
    select: { id: true, planRole: true, part: true, attendance: true, contact: { select: { id: true, name: true } }, user: person },
    orderBy: { id: "asc" },
  },
  playbooks: { select: { playbookVersion: { select: { id: true, number: true, playbook: { select: { id: true, title: true } } } } } },
  scope: { select: { cluster: { select: { id: true, name: true } }, namespace: { select: { id: true, name: true } } } },
  logEntries: { select: { id: true, at: true, text: true, author: person }, orderBy: [{ at: "asc" }, { createdAt: "asc" }] },
  findings: { select: findingSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
} satisfies Prisma.ExerciseSelect;

export type ExerciseDto = Prisma.ExerciseGetPayload<{ select: typeof exerciseSelect }>;
export type FindingDto = Prisma.FindingGetPayload<{ select: typeof findingSelect }>;
export type ActionItemDto = Prisma.ActionItemGetPayload<{ select: typeof actionItemSelect }>;

// The page's DTOs are declared in lib/dto/exercises.ts; the selects must produce them.
type Assignable<T extends U, U> = T;
export type SelectsMatchDtos = [
  Assignable<ExerciseDto, import("@/lib/dto/exercises").ExerciseDto>,
  Assignable<FindingDto, import("@/lib/dto/exercises").FindingDto>,
  Assignable<ActionItemDto, import("@/lib/dto/exercises").ActionItemDto>,
];
