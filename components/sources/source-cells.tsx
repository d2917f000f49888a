import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { DETECTION_SOURCE_KIND_LABELS, FALCO_PRIORITY_LABELS } from "@/lib/dto/labels";
import type { DetectionSourceDto, DetectionSourceStatus } from "@/lib/dto/detection-sources";
import { cn } from "@/lib/cn";
import { Cell } from "@/components/ui/data-table";

const STATUS_TONES: Record<DetectionSourceStatus, "good" | "warn" | "bad"> = { active: "good", inactive: "warn", revoked: "bad" };

export const SOURCE_COLUMNS = [
  "Source",
  "Default cluster",
  "Opens incidents at",
  "Token",
  "Last seen",
  "Alerts",
  "Last 24 h",
  "Status",
] as const;

export function rowClasses(source: DetectionSourceDto): string {
  return cn("align-top", source.status === "revoked" && "bg-slate-50 text-slate-500");
}

/** The cells everyone sees, managers or not. */
export function SourceCells({ source }: { source: DetectionSourceDto }) {
  const revoked = source.status === "revoked";
  return (
    <>
      <th scope="row" className="px-3 py-2 text-left font-normal">
        <span className={cn("font-medium", revoked ? "text-slate-500" : "text-slate-900")}>{source.name}</span>
        <span className="block text-xs text-slate-500">{DETECTION_SOURCE_KIND_LABELS[source.kind]}</span>
      </th>
      <Cell>{source.defaultCluster ?? <span className="text-slate-400">none</span>}</Cell>
      <Cell>{FALCO_PRIORITY_LABELS[source.minIncidentPriority]}</Cell>
      <Cell>
        <code className="rounded bg-slate-100 px-1 text-xs">{source.tokenPrefix}…</code>
      </Cell>
      <Cell className="text-xs whitespace-nowrap">{source.lastSeenAt ? <LocalTime value={source.lastSeenAt} /> : "never"}</Cell>
      <Cell className="tabular-nums">{source.alertCount.toLocaleString("en")}</Cell>
      <Cell className="tabular-nums">{source.alertsLast24h.toLocaleString("en")}</Cell>
      <Cell className="text-xs">
        <Badge tone={STATUS_TONES[source.status]}>{source.status}</Badge>
        {revoked && source.revokedAt ? (
          <span className="mt-1 block">
            <LocalTime value={source.revokedAt} />
            {source.revokedBy ? ` by ${source.revokedBy}` : null}
          </span>
        ) : null}
      </Cell>
    </>
  );
}
