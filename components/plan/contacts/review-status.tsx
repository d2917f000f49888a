import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { isReviewStale, REVIEW_STALE_DAYS } from "@/lib/domain/contacts";

/** When the contact's details were last confirmed, flagged once the review is overdue. */
export function ReviewStatus({ lastReviewedAt, now }: { lastReviewedAt: Date | null; now: Date }) {
  const stale = isReviewStale(lastReviewedAt, now);
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      {lastReviewedAt ? <LocalTime value={lastReviewedAt} /> : <span className="text-slate-500">never</span>}
      {stale ? (
        <span title={`Not reviewed in the last ${REVIEW_STALE_DAYS} days`}>
          <Badge tone="warn">review overdue</Badge>
        </span>
      ) : null}
    </span>
  );
}
