import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import type { AuditEventDto } from "@/lib/dto/audit";
import { DataTable, Cell } from "@/components/ui/data-table";

const OUTCOME_TONE = { SUCCESS: "good", FAILURE: "warn", DENIED: "bad" } as const;

export function AuditTable({ events }: { events: AuditEventDto[] }) {
  return (
    <DataTable columns={["#", "Time", "Actor", "Action", "Outcome", "Target", "Change"]}>
      {events.map((e) => (
        <tr key={e.seq} className="align-top">
          <Cell className="font-mono text-xs text-slate-500" title={`hash ${e.hash}`}>
            {e.seq}
          </Cell>
          <Cell className="whitespace-nowrap">
            <LocalTime value={e.at} withSeconds />
          </Cell>
          <Cell>
            {e.actorEmail ?? <span className="text-slate-400">system</span>}
            {e.actorRole ? <span className="block text-xs text-slate-500">{e.actorRole}</span> : null}
            {e.ip ? <span className="block text-xs text-slate-500">{e.ip}</span> : null}
          </Cell>
          <Cell className="font-mono text-xs">{e.action}</Cell>
          <Cell>
            <Badge tone={OUTCOME_TONE[e.outcome]}>{e.outcome.toLowerCase()}</Badge>
          </Cell>
          <Cell className="text-xs">
            {e.targetType}
            {e.targetId ? <span className="block font-mono text-slate-500">{e.targetId}</span> : null}
          </Cell>
          <Cell>
            {e.before || e.after ? (
              <details>
                <summary className="cursor-pointer text-xs text-sky-700">details</summary>
                <pre className="mt-1 max-w-md overflow-x-auto text-xs whitespace-pre-wrap">
                  {JSON.stringify({ before: e.before ?? undefined, after: e.after ?? undefined }, null, 2)}
                </pre>
              </details>
            ) : null}
          </Cell>
        </tr>
      ))}
    </DataTable>
  );
}
