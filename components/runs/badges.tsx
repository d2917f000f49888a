import { Badge } from "@/components/ui/badge";
import { RUN_STEP_STATUS_LABELS } from "@/lib/domain/run-steps";

const STEP_TONE = { TODO: "neutral", IN_PROGRESS: "info", DONE: "good", SKIPPED: "warn", BLOCKED: "bad" } as const;
const RUN_TONE = { ACTIVE: "info", COMPLETED: "good", ABANDONED: "neutral" } as const;

export function StepStatusBadge({ status }: { status: keyof typeof STEP_TONE }) {
  return <Badge tone={STEP_TONE[status]}>{RUN_STEP_STATUS_LABELS[status]}</Badge>;
}

export function RunStatusBadge({ status }: { status: keyof typeof RUN_TONE }) {
  return <Badge tone={RUN_TONE[status]}>{status.charAt(0) + status.slice(1).toLowerCase()}</Badge>;
}
