import { LocalTime } from "@/components/ui/local-time";

export type TimelineEntryData = { id: string; kind: string; at: Date; message: string; actor: string | null };

const KIND_LABEL: Record<string, string> = {
  ALERT: "Alert", STATUS_CHANGE: "Status", NOTE: "Note", ASSIGNMENT: "Assignment", OWNERS: "Owners", EVIDENCE: "Evidence", RUN: "Playbook run", SYSTEM: "System",
};

/** Oldest first: the order an after-action review reads it in. */
export function IncidentTimeline({ entries }: { entries: TimelineEntryData[] }) {
  if (entries.length === 0) return <p className="text-sm text-slate-600">Nothing recorded yet.</p>;
  return (
    <ol className="space-y-2 border-l-2 border-slate-200 pl-4 text-sm" aria-label="Timeline">
      {entries.map((e) => (
        <li key={e.id}>
          <div className="text-xs text-slate-500">
            <LocalTime value={e.at} withSeconds /> · {KIND_LABEL[e.kind] ?? e.kind}
            {e.actor ? ` · ${e.actor}` : ""}
          </div>
          <div className="whitespace-pre-wrap">{e.message}</div>
        </li>
      ))}
    </ol>
  );
}
