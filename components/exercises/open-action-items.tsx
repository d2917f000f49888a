import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { ACTION_ITEM_STATUS_LABELS, FINDING_SEVERITY_LABELS } from "@/lib/dto/labels";
import type { OpenActionItemsDto } from "@/lib/dto/exercises";

/**
 * The open exercise action items about what the page shows (an incident, a playbook, the plan):
 * the loop from practice back into the work, with overdue ones flagged.
 */
export function OpenActionItems({ openItems, about }: { openItems: OpenActionItemsDto; about: string }) {
  const { items, total } = openItems;
  if (total === 0) {
    return <p className="text-sm text-slate-600">No open exercise action items concern {about}.</p>;
  }
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <ul className="divide-y divide-slate-100" aria-label={`Open action items about ${about}`}>
        {items.map((item) => (
          <li key={item.id} className="flex flex-wrap items-baseline gap-2 py-1.5" data-testid="open-action-item">
            <Link href={`/exercises/${item.exercise.id}#action-item-${item.id}`} className="font-medium break-words text-sky-800 underline">
              {item.title}
            </Link>
            <Badge tone="info">{ACTION_ITEM_STATUS_LABELS[item.status]}</Badge>
            {item.overdue ? <Badge tone="bad">Overdue</Badge> : null}
            <span className="text-slate-600">
              {item.owner ? item.owner.name : "No owner yet"}
              {item.dueAt ? (
                <>
                  {" "}
                  · due <LocalTime value={item.dueAt} />
                </>
              ) : null}
            </span>
            <span className="w-full text-xs break-words text-slate-500">
              From the {FINDING_SEVERITY_LABELS[item.finding.severity].toLowerCase()} finding “{item.finding.title}” of{" "}
              {item.exercise.title}
            </span>
          </li>
        ))}
      </ul>
      {total > items.length ? (
        <p className="mt-2 text-xs text-slate-500">
          {items.length} of {total} shown, most urgent first.
        </p>
      ) : null}
    </div>
  );
}
