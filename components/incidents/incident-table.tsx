import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import { LongText } from "@/components/ui/long-text";
import { SeverityBadge, StatusBadge } from "./badges";
import { OwnerNames } from "./owner-names";
import type { IncidentSummaryDto } from "@/lib/dto/incidents";
import { DataTable, Cell } from "@/components/ui/data-table";

export function IncidentTable({ incidents }: { incidents: IncidentSummaryDto[] }) {
  return (
    <DataTable columns={["Incident", "Severity", "Status", "Where", "Owners", { label: "Alerts", align: "right" }, "Last alert"]}>
      {incidents.map((i) => (
        <tr key={i.key} className="align-top">
          <Cell>
            <Link href={`/incidents/${i.key}`} className="font-mono font-medium text-sky-800 underline">
              {i.key}
            </Link>
            {/* Alert-written text: one line each, cut, the full value on hover; the cell never outgrows its column. */}
            <div className="max-w-md text-slate-700">
              <LongText value={i.title} max={140} className="block" />
            </div>
            {i.commander ? (
              <div className="max-w-md text-xs text-slate-500">
                Commander: <LongText value={i.commander} max={60} />
              </div>
            ) : null}
          </Cell>
          <Cell>
            <SeverityBadge severity={i.severity} />
          </Cell>
          <Cell>
            <StatusBadge status={i.status} />
          </Cell>
          <Cell className="font-mono text-xs">
            {/* The width sits on a block inside the cell: table cells ignore max-width. */}
            <div className="max-w-[16rem]">
              <LongText value={[i.cluster, i.namespace].filter(Boolean).join("/")} max={60} className="block" />
              {i.workload ? <LongText value={i.workload} max={60} className="block text-slate-500" /> : null}
            </div>
          </Cell>
          <Cell>
            <div className="max-w-[16rem]">
              <OwnerNames owners={i.owners} />
            </div>
          </Cell>
          <Cell className="text-right tabular-nums">{i.alertCount}</Cell>
          <Cell className="whitespace-nowrap">{i.lastAlertAt ? <LocalTime value={i.lastAlertAt} /> : "—"}</Cell>
        </tr>
      ))}
    </DataTable>
  );
}
