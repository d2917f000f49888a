import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import { LongText } from "@/components/ui/long-text";
import { SeverityBadge, StatusBadge } from "./badges";
import { OwnerNames } from "./owner-names";
import type { IncidentSummaryDto } from "@/lib/dto/incidents";

export function IncidentTable({ incidents }: { incidents: IncidentSummaryDto[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50 text-left text-xs tracking-wide text-slate-500 uppercase">
          <tr>
            <th scope="col" className="px-3 py-2">
              Incident
            </th>
            <th scope="col" className="px-3 py-2">
              Severity
            </th>
            <th scope="col" className="px-3 py-2">
              Status
            </th>
            <th scope="col" className="px-3 py-2">
              Where
            </th>
            <th scope="col" className="px-3 py-2">
              Owners
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Alerts
            </th>
            <th scope="col" className="px-3 py-2">
              Last alert
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {incidents.map((i) => (
            <tr key={i.key} className="align-top">
              <td className="px-3 py-2">
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
              </td>
              <td className="px-3 py-2">
                <SeverityBadge severity={i.severity} />
              </td>
              <td className="px-3 py-2">
                <StatusBadge status={i.status} />
              </td>
              <td className="px-3 py-2 font-mono text-xs">
                {/* The width sits on a block inside the cell: table cells ignore max-width. */}
                <div className="max-w-[16rem]">
                  <LongText value={[i.cluster, i.namespace].filter(Boolean).join("/")} max={60} className="block" />
                  {i.workload ? <LongText value={i.workload} max={60} className="block text-slate-500" /> : null}
                </div>
              </td>
              <td className="px-3 py-2">
                <div className="max-w-[16rem]">
                  <OwnerNames owners={i.owners} />
                </div>
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{i.alertCount}</td>
              <td className="px-3 py-2 whitespace-nowrap">{i.lastAlertAt ? <LocalTime value={i.lastAlertAt} /> : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
