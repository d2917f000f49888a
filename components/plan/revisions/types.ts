export type { FormAction } from "@/lib/form-state";
export type { PlanDraftDto, PlanRevisionDto, PlanRevisionSummaryDto, PlanSection } from "@/lib/dto/plan-revisions";
