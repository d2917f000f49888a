import { cn } from "@/lib/cn";
import type { OwnerPersonDto } from "@/components/plan/platform/labels";

/**
 * Owners as the matrix shows them. Inherited owners are greyed with where they come from; an
 * inactive owner is flagged red, because the plan would page someone who has left.
 */
export function OwnerChips({
  people,
  inheritedFrom,
  empty = "none",
}: {
  people: OwnerPersonDto[];
  inheritedFrom: string | null;
  empty?: string;
}) {
  if (people.length === 0) return <span className="text-sm font-medium text-red-700">{empty}</span>;
  return (
    <div className={cn("space-y-0.5", inheritedFrom && "text-slate-400")}>
      <ul className="space-y-0.5">
        {people.map((p) => (
          <li key={p.id} className="text-sm" title={[p.email, p.phone, p.team].filter(Boolean).join(" · ")}>
            <span className={cn(!p.active && "font-medium text-red-700 line-through decoration-red-300")}>{p.name}</span>
            {!p.active ? (
              <span className="ml-1 rounded bg-red-100 px-1 py-0.5 text-xs font-medium text-red-800" data-testid="inactive-owner">
                inactive
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {inheritedFrom ? <p className="text-xs italic">{`inherited from ${inheritedFrom}`}</p> : null}
    </div>
  );
}
