import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import { SeverityBadge, StatusBadge } from "./badges";
import { OwnerNames } from "./owner-names";
import type { IncidentRowData } from "./types";

export function IncidentTable({ incidents }: { incidents: IncidentRowData[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-3 py-2">Incident</th>
            <th scope="col" className="px-3 py-2">Severity</th>
            <th scope="col" className="px-3 py-2">Status</th>
            <th scope="col" className="px-3 py-2">Where</th>
            <th scope="col" className="px-3 py-2">Owners</th>
            <th scope="col" className="px-3 py-2 text-right">Alerts</th>
            <th scope="col" className="px-3 py-2">Last alert</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {incidents.map((i) => (
            <tr key={i.key} className="align-top">
              <td className="px-3 py-2">
                <Link href={`/incidents/${i.key}`} className="font-mono font-medium text-sky-800 underline">{i.key}</Link>
                <div className="max-w-md text-slate-700">{i.title}</div>
                {i.commander ? <div className="text-xs text-slate-500">Commander: {i.commander}</div> : null}
              </td>
              <td className="px-3 py-2"><SeverityBadge severity={i.severity} /></td>
              <td className="px-3 py-2"><StatusBadge status={i.status} /></td>
              <td className="px-3 py-2 font-mono text-xs">
                {[i.cluster, i.namespace].filter(Boolean).join("/") || "—"}
                {i.workload ? <div className="text-slate-500">{i.workload}</div> : null}
              </td>
              <td className="px-3 py-2"><OwnerNames owners={i.owners} /></td>
              <td className="px-3 py-2 text-right tabular-nums">{i.alertCount}</td>
              <td className="px-3 py-2 whitespace-nowrap">{i.lastAlertAt ? <LocalTime value={i.lastAlertAt} /> : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
