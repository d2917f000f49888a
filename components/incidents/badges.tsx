import { Badge, type Tone } from "@/components/ui/badge";
import type { IncidentStatus, Severity } from "@/lib/dto/enums";
import { INCIDENT_STATUS_LABELS } from "@/lib/dto/labels";

const SEVERITY_TONE: Record<Severity, Tone> = { SEV1: "bad", SEV2: "warn", SEV3: "info", SEV4: "neutral" };
const STATUS_TONE: Record<IncidentStatus, Tone> = {
  OPEN: "bad",
  TRIAGED: "warn",
  CONTAINED: "info",
  ERADICATED: "info",
  RECOVERED: "good",
  CLOSED: "neutral",
};

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <Badge tone={SEVERITY_TONE[severity]}>{severity}</Badge>;
}

export function StatusBadge({ status }: { status: IncidentStatus }) {
  return <Badge tone={STATUS_TONE[status]}>{INCIDENT_STATUS_LABELS[status]}</Badge>;
}
