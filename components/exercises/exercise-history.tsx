import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import type { RecordHistoryEntryDto } from "@/lib/dto/exercises";

const TARGET_LABELS: Record<string, string> = { Exercise: "Exercise", Finding: "Finding", ActionItem: "Action item" };

/** The exercise's change history from the audit log: who changed what, when. */
export function ExerciseHistory({ entries, more }: { entries: RecordHistoryEntryDto[]; more: boolean }) {
  if (!entries.length) return <p className="text-sm text-slate-500">No changes recorded.</p>;
  return (
    <>
      <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm" aria-label="Change history">
        {entries.map((e) => (
          <li key={e.seq} className="flex flex-wrap gap-x-2 px-3 py-1.5">
            <span className="text-slate-500">
              <LocalTime value={e.at} />
            </span>
            <span className="font-medium">{e.actorName}</span>
            <code className="text-xs text-slate-700">{e.action}</code>
            <span className="min-w-0 break-words text-slate-600">
              {TARGET_LABELS[e.targetType] ?? e.targetType}
              {e.targetTitle ? ` “${e.targetTitle}”` : ""}
              {e.fields.length ? ` — changed ${e.fields.join(", ")}` : ""}
            </span>
            <span className="ml-auto text-xs text-slate-400">#{e.seq}</span>
          </li>
        ))}
      </ol>
      {more ? <p className="mt-1 text-xs text-slate-500">Older changes are in the audit log.</p> : null}
    </>
  );
}

/** Per finding of the exercise this one repeats: did it recur? */
export function RecurrenceList({ earlier, recurred }: { earlier: { id: string; title: string }[]; recurred: ReadonlySet<string> }) {
  if (!earlier.length) return <p className="text-sm text-slate-500">The repeated exercise recorded no findings.</p>;
  return (
    <ul className="space-y-1 text-sm" aria-label="Earlier findings">
      {earlier.map((f) => (
        <li key={f.id} className="flex flex-wrap items-center gap-2">
          <span className="break-words">{f.title}</span>
          {recurred.has(f.id) ? <Badge tone="warn">Recurred</Badge> : <Badge tone="good">Did not recur</Badge>}
        </li>
      ))}
    </ul>
  );
}
