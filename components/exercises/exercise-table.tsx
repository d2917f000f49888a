import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { EXERCISE_KIND_LABELS, EXERCISE_STATUS_LABELS, FINDING_SEVERITY_LABELS } from "@/lib/dto/labels";
import type { ExerciseListItemDto, FindingSeverity } from "@/lib/dto/exercises";
import { DataTable, Cell } from "@/components/ui/data-table";

const SEVERITIES: FindingSeverity[] = ["CRITICAL", "HIGH", "MEDIUM", "LOW"];

/** The exercise history: one row per exercise, with what is still open and what is overdue. */
export function ExerciseTable({ exercises }: { exercises: ExerciseListItemDto[] }) {
  return (
    <DataTable columns={["Exercise", "Type", "Status", "When", "Open findings", "Action items"]} caption="Exercises">
      {exercises.map((e) => {
        const when = e.conductedAt ?? e.scheduledAt;
        const open = SEVERITIES.filter((s) => e.openFindings[s] > 0);
        return (
          <tr key={e.id}>
            <Cell>
              <Link href={`/exercises/${e.id}`} className="font-medium text-sky-800 underline">
                {e.title}
              </Link>
              <div className="text-xs text-slate-500">{e.scenario}</div>
              {e.overrideReason ? <Badge tone="warn">Started on an override</Badge> : null}
            </Cell>
            <Cell>
              {EXERCISE_KIND_LABELS[e.kind]}
              {e.facilitatorOrganisation || e.redTeamOrganisation ? (
                <div className="text-xs text-slate-500">Third party: {e.facilitatorOrganisation ?? e.redTeamOrganisation}</div>
              ) : null}
            </Cell>
            <Cell>{EXERCISE_STATUS_LABELS[e.status]}</Cell>
            <Cell>{when ? <LocalTime value={when} /> : "Not scheduled"}</Cell>
            <Cell>
              {open.length === 0
                ? e.findingCount === 0
                  ? "None recorded"
                  : "None open"
                : open.map((s) => (
                    <span key={s} className="mr-1">
                      <Badge tone={s === "CRITICAL" || s === "HIGH" ? "bad" : "neutral"}>
                        {e.openFindings[s]} {FINDING_SEVERITY_LABELS[s].toLowerCase()}
                      </Badge>
                    </span>
                  ))}
            </Cell>
            <Cell>
              {e.actionItems.open + e.actionItems.closed === 0 ? (
                "None"
              ) : (
                <>
                  {e.actionItems.open} open, {e.actionItems.closed} closed
                  {e.actionItems.overdue > 0 ? (
                    <span className="ml-1">
                      <Badge tone="bad">{e.actionItems.overdue} overdue</Badge>
                    </span>
                  ) : null}
                </>
              )}
            </Cell>
          </tr>
        );
      })}
    </DataTable>
  );
}
