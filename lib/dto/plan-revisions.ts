import type { RevisionStatus } from "@/lib/dto/enums";
import type { PlanSection } from "@/lib/domain/plan-text";

// The incident response plan's text: its published revisions and the one draft, as /plan/revisions
// shows them.

export type { PlanSection };

type PersonRefDto = { name: string; email: string } | null;

export type PlanRevisionDto = {
  id: string;
  /** Given when the revision is published; a draft has none. */
  number: number | null;
  status: RevisionStatus;
  sections: PlanSection[];
  changeNote: string | null;
  publishedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  author: PersonRefDto;
  publishedBy: PersonRefDto;
};

/** The draft, with who saved it last. */
export type PlanDraftDto = PlanRevisionDto & { lastSaved: { by: string; at: Date } | null };

export type PlanRevisionSummaryDto = Pick<
  PlanRevisionDto,
  "id" | "number" | "publishedAt" | "changeNote" | "createdAt" | "author" | "publishedBy"
>;
