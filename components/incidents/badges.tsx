import { Badge } from "@/components/ui/badge";

const SEVERITY_TONE = { SEV1: "bad", SEV2: "warn", SEV3: "info", SEV4: "neutral" } as const;
const STATUS_TONE = { OPEN: "bad", TRIAGED: "warn", CONTAINED: "info", ERADICATED: "info", RECOVERED: "good", CLOSED: "neutral" } as const;

export function SeverityBadge({ severity }: { severity: string }) {
  return <Badge tone={SEVERITY_TONE[severity as keyof typeof SEVERITY_TONE] ?? "neutral"}>{severity}</Badge>;
}

export function StatusBadge({ status }: { status: string }) {
  return (
    <Badge tone={STATUS_TONE[status as keyof typeof STATUS_TONE] ?? "neutral"}>{status.charAt(0) + status.slice(1).toLowerCase()}</Badge>
  );
}
