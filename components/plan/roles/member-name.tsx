import { Badge } from "@/components/ui/badge";

/** A person in a role or tier, flagged when inactive (they would be paged and never answer). */
export function MemberName({ name, active, detail }: { name: string; active: boolean; detail?: string | null }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <span className={active ? "font-medium" : "font-medium text-slate-500 line-through"}>{name}</span>
      {active ? null : <Badge tone="bad">inactive</Badge>}
      {detail ? <span className="text-xs text-slate-500">{detail}</span> : null}
    </span>
  );
}
