import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { EXERCISE_KIND_LABELS, EXERCISE_STATUS_LABELS, FINDING_SEVERITY_LABELS } from "@/lib/dto/labels";
import type { ExerciseListItemDto, FindingSeverity } from "@/lib/dto/exercises";

const SEVERITIES: FindingSeverity[] = ["CRITICAL", "HIGH", "MEDIUM", "LOW"];

/** The exercise history: one row per exercise, with what is still open and what is overdue. */
export function ExerciseTable({ exercises }: { exercises: ExerciseListItemDto[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Exercises</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-500 uppercase">
          <tr>
            <th scope="col" className="px-3 py-2">
              Exercise
            </th>
            <th scope="col" className="px-3 py-2">
              Type
            </th>
            <th scope="col" className="px-3 py-2">
              Status
            </th>
            <th scope="col" className="px-3 py-2">
              When
            </th>
            <th scope="col" className="px-3 py-2">
              Open findings
            </th>
            <th scope="col" className="px-3 py-2">
              Action items
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {exercises.map((e) => {
            const when = e.conductedAt ?? e.scheduledAt;
            const open = SEVERITIES.filter((s) => e.openFindings[s] > 0);
            return (
              <tr key={e.id}>
                <td className="px-3 py-2">
                  <Link href={`/exercises/${e.id}`} className="font-medium text-sky-800 underline">
                    {e.title}
                  </Link>
                  <div className="text-xs text-slate-500">{e.scenario}</div>
                  {e.overrideReason ? <Badge tone="warn">Started on an override</Badge> : null}
                </td>
                <td className="px-3 py-2">
                  {EXERCISE_KIND_LABELS[e.kind]}
                  {e.facilitatorOrganisation || e.redTeamOrganisation ? (
                    <div className="text-xs text-slate-500">Third party: {e.facilitatorOrganisation ?? e.redTeamOrganisation}</div>
                  ) : null}
                </td>
                <td className="px-3 py-2">{EXERCISE_STATUS_LABELS[e.status]}</td>
                <td className="px-3 py-2">{when ? <LocalTime value={when} /> : "Not scheduled"}</td>
                <td className="px-3 py-2">
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
                </td>
                <td className="px-3 py-2">
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
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
