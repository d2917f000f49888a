export type { FormAction } from "@/lib/form-state";
export type {
  PlaybookDetailDto as PlaybookDetailView,
  PlaybookStepDto as PlaybookStepView,
  PlaybookSummaryDto as PlaybookSummaryView,
  PlaybookVersionDto as PlaybookVersionView,
  PlaybookVersionSummaryDto as PlaybookVersionSummaryView,
} from "@/lib/dto/playbooks";

/** Option lists the forms offer (value + the label people read). */
export type Option = { value: string; label: string };
