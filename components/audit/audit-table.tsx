import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import type { AuditEventDto } from "@/lib/dto/audit";

const OUTCOME_TONE = { SUCCESS: "good", FAILURE: "warn", DENIED: "bad" } as const;

export function AuditTable({ events }: { events: AuditEventDto[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50 text-left text-xs tracking-wide text-slate-500 uppercase">
          <tr>
            <th scope="col" className="px-3 py-2">
              #
            </th>
            <th scope="col" className="px-3 py-2">
              Time
            </th>
            <th scope="col" className="px-3 py-2">
              Actor
            </th>
            <th scope="col" className="px-3 py-2">
              Action
            </th>
            <th scope="col" className="px-3 py-2">
              Outcome
            </th>
            <th scope="col" className="px-3 py-2">
              Target
            </th>
            <th scope="col" className="px-3 py-2">
              Change
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {events.map((e) => (
            <tr key={e.seq} className="align-top">
              <td className="px-3 py-2 font-mono text-xs text-slate-500" title={`hash ${e.hash}`}>
                {e.seq}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                <LocalTime value={e.at} withSeconds />
              </td>
              <td className="px-3 py-2">
                {e.actorEmail ?? <span className="text-slate-400">system</span>}
                {e.actorRole ? <span className="block text-xs text-slate-500">{e.actorRole}</span> : null}
                {e.ip ? <span className="block text-xs text-slate-500">{e.ip}</span> : null}
              </td>
              <td className="px-3 py-2 font-mono text-xs">{e.action}</td>
              <td className="px-3 py-2">
                <Badge tone={OUTCOME_TONE[e.outcome]}>{e.outcome.toLowerCase()}</Badge>
              </td>
              <td className="px-3 py-2 text-xs">
                {e.targetType}
                {e.targetId ? <span className="block font-mono text-slate-500">{e.targetId}</span> : null}
              </td>
              <td className="px-3 py-2">
                {e.before || e.after ? (
                  <details>
                    <summary className="cursor-pointer text-xs text-sky-700">details</summary>
                    <pre className="mt-1 max-w-md overflow-x-auto text-xs whitespace-pre-wrap">
                      {JSON.stringify({ before: e.before ?? undefined, after: e.after ?? undefined }, null, 2)}
                    </pre>
                  </details>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
