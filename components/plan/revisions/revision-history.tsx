import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import type { PlanRevisionSummaryDto } from "@/components/plan/revisions/types";

/** Every published revision, newest first, with its author, approver, time and change note. */
export function RevisionHistory({ revisions }: { revisions: PlanRevisionSummaryDto[] }) {
  if (revisions.length === 0) {
    return <EmptyState title="No published revisions yet">An IR manager starts a draft above and publishes it as revision 1.</EmptyState>;
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50 text-left text-xs tracking-wide text-slate-500 uppercase">
          <tr>
            <th scope="col" className="px-3 py-2">
              Revision
            </th>
            <th scope="col" className="px-3 py-2">
              Published
            </th>
            <th scope="col" className="px-3 py-2">
              Approved by
            </th>
            <th scope="col" className="px-3 py-2">
              Drafted by
            </th>
            <th scope="col" className="px-3 py-2">
              Change note
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {revisions.map((r, i) => (
            <tr key={r.id} className="align-top">
              <td className="px-3 py-2 whitespace-nowrap">
                <Link href={`/plan/revisions/${r.number}`} className="font-medium text-sky-800 underline">
                  Revision {r.number}
                </Link>{" "}
                {i === 0 ? <Badge tone="good">in force</Badge> : null}
              </td>
              <td className="px-3 py-2 text-xs whitespace-nowrap">{r.publishedAt ? <LocalTime value={r.publishedAt} /> : "—"}</td>
              <td className="px-3 py-2">{r.publishedBy?.name ?? "—"}</td>
              <td className="px-3 py-2">{r.author?.name ?? "—"}</td>
              <td className="max-w-xl px-3 py-2 whitespace-pre-wrap text-slate-700">{r.changeNote ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
