import type { PlanSection } from "@/lib/domain/plan-text";

export type { FormAction } from "@/lib/form-state";
export type { PlanSection };

type PersonRef = { name: string; email: string } | null;

/** A plan revision as the revision pages render it (a plain object from the DAL's DTO). */
export type RevisionView = {
  id: string;
  number: number | null;
  status: "DRAFT" | "PUBLISHED" | "DISCARDED";
  sections: PlanSection[];
  changeNote: string | null;
  publishedAt: Date | null;
  createdAt: Date;
  version: number;
  author: PersonRef;
  publishedBy: PersonRef;
};

export type DraftView = RevisionView & { lastSaved: { by: string; at: Date } | null };

export type RevisionSummaryView = {
  id: string;
  number: number | null;
  publishedAt: Date | null;
  changeNote: string | null;
  createdAt: Date;
  author: PersonRef;
  publishedBy: PersonRef;
};
