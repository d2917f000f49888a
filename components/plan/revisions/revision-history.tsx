import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import type { PlanRevisionSummaryDto } from "@/components/plan/revisions/types";
import { DataTable, Cell } from "@/components/ui/data-table";

/** Every published revision, newest first, with its author, approver, time and change note. */
export function RevisionHistory({ revisions }: { revisions: PlanRevisionSummaryDto[] }) {
  if (revisions.length === 0) {
    return <EmptyState title="No published revisions yet">An IR manager starts a draft above and publishes it as revision 1.</EmptyState>;
  }
  return (
    <DataTable columns={["Revision", "Published", "Approved by", "Drafted by", "Change note"]}>
      {revisions.map((r, i) => (
        <tr key={r.id} className="align-top">
          <Cell className="whitespace-nowrap">
            <Link href={`/plan/revisions/${r.number}`} className="font-medium text-sky-800 underline">
              Revision {r.number}
            </Link>{" "}
            {i === 0 ? <Badge tone="good">in force</Badge> : null}
          </Cell>
          <Cell className="text-xs whitespace-nowrap">{r.publishedAt ? <LocalTime value={r.publishedAt} /> : "—"}</Cell>
          <Cell>{r.publishedBy?.name ?? "—"}</Cell>
          <Cell>{r.author?.name ?? "—"}</Cell>
          <Cell className="max-w-xl whitespace-pre-wrap text-slate-700">{r.changeNote ?? "—"}</Cell>
        </tr>
      ))}
    </DataTable>
  );
}
