import { LocalTime } from "@/components/ui/local-time";
import type { PlanRevisionSummaryDto } from "@/components/plan/revisions/types";

/** Who wrote and who approved a published revision, when, and why (its change note). */
export function RevisionMeta({ revision }: { revision: PlanRevisionSummaryDto }) {
  return (
    <dl className="grid gap-x-6 gap-y-1 rounded-lg border border-slate-200 bg-white p-3 text-sm sm:grid-cols-[auto_1fr]">
      <dt className="font-medium text-slate-600">Published</dt>
      <dd>
        {revision.publishedAt ? <LocalTime value={revision.publishedAt} /> : "not yet"}
        {revision.publishedBy ? ` by ${revision.publishedBy.name}` : ""}
      </dd>
      <dt className="font-medium text-slate-600">Drafted by</dt>
      <dd>
        {revision.author?.name ?? "unknown"}, started <LocalTime value={revision.createdAt} />
      </dd>
      <dt className="font-medium text-slate-600">Change note</dt>
      <dd className="whitespace-pre-wrap">{revision.changeNote ?? "—"}</dd>
    </dl>
  );
}
