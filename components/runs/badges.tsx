import { Badge, type Tone } from "@/components/ui/badge";
import type { RunStatus, RunStepStatus } from "@/lib/dto/enums";
import { RUN_STATUS_LABELS, RUN_STEP_STATUS_LABELS } from "@/lib/dto/labels";

const STEP_TONE: Record<RunStepStatus, Tone> = { TODO: "neutral", IN_PROGRESS: "info", DONE: "good", SKIPPED: "warn", BLOCKED: "bad" };
const RUN_TONE: Record<RunStatus, Tone> = { ACTIVE: "info", COMPLETED: "good", ABANDONED: "neutral" };

export function StepStatusBadge({ status }: { status: RunStepStatus }) {
  return <Badge tone={STEP_TONE[status]}>{RUN_STEP_STATUS_LABELS[status]}</Badge>;
}

export function RunStatusBadge({ status }: { status: RunStatus }) {
  return <Badge tone={RUN_TONE[status]}>{RUN_STATUS_LABELS[status]}</Badge>;
}
