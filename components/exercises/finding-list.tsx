import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { isOverdue } from "@/lib/domain/exercises/action-items";
import { ACTION_ITEM_STATUS_LABELS, FINDING_CATEGORY_LABELS, FINDING_SEVERITY_LABELS, FINDING_STATUS_LABELS } from "@/lib/dto/labels";
import type { ActionItemDto, FindingDto } from "@/lib/dto/exercises";

function concernOf(f: FindingDto): string[] {
  return [
    f.planSectionKey ? `plan section “${f.planSectionKey}”` : null,
    f.playbook
      ? `playbook “${f.playbook.title}”${f.playbookStep ? `, step ${f.playbookStep.position + 1} “${f.playbookStep.title}”` : ""}`
      : null,
    f.attackTechnique ? `technique ${f.attackTechnique}` : null,
    f.cluster ? `cluster ${f.cluster.name}` : null,
  ].filter((c): c is string => c !== null);
}

function ActionItemRow({ item, now }: { item: ActionItemDto; now: Date }) {
  const overdue = isOverdue(item, now);
  return (
    <li className="flex flex-wrap items-baseline gap-2 py-1">
      <span className="font-medium">{item.title}</span>
      <Badge tone={item.status === "DONE" ? "good" : item.status === "WONT_FIX" ? "neutral" : "info"}>
        {ACTION_ITEM_STATUS_LABELS[item.status]}
      </Badge>
      {overdue ? <Badge tone="bad">Overdue</Badge> : null}
      <span className="text-slate-600">
        {item.owner ? `Owner: ${item.owner.name}` : "No owner yet"}
        {item.dueAt ? (
          <>
            {" "}
            · due <LocalTime value={item.dueAt} />
          </>
        ) : null}
      </span>
      {item.closedByPlaybookVersion ? (
        <span className="text-slate-600">
          · fixed by {item.closedByPlaybookVersion.playbook.title} v{item.closedByPlaybookVersion.number}
        </span>
      ) : null}
      {item.closedByPlanRevision ? (
        <span className="text-slate-600">· fixed by plan revision {item.closedByPlanRevision.number}</span>
      ) : null}
      {item.wontFixReason ? <span className="text-slate-600">· won&apos;t fix: {item.wontFixReason}</span> : null}
    </li>
  );
}

/** The findings of an exercise with their action items; overdue items are flagged. */
export function FindingList({ findings, now }: { findings: FindingDto[]; now: Date }) {
  return (
    <ul className="space-y-3">
      {findings.map((f) => {
        const concerns = concernOf(f);
        return (
          <li key={f.id} className="rounded-lg border border-slate-200 bg-white p-4">
            <div className="flex flex-wrap items-center gap-2">
              <h3 className="font-semibold">{f.title}</h3>
              <Badge tone={f.severity === "CRITICAL" || f.severity === "HIGH" ? "bad" : f.severity === "MEDIUM" ? "warn" : "neutral"}>
                {FINDING_SEVERITY_LABELS[f.severity]}
              </Badge>
              <Badge>{FINDING_CATEGORY_LABELS[f.category]}</Badge>
              <Badge tone={f.status === "OPEN" ? "info" : "good"}>{FINDING_STATUS_LABELS[f.status]}</Badge>
            </div>
            {f.description ? <p className="mt-2 text-sm text-slate-700">{f.description}</p> : null}
            <p className="mt-1 text-sm">
              <span className="font-medium">Recommendation:</span> {f.recommendation}
            </p>
            {concerns.length ? <p className="mt-1 text-xs text-slate-500">Concerns {concerns.join("; ")}</p> : null}
            {f.actionItems.length ? (
              <ul aria-label={`Action items of ${f.title}`} className="mt-2 divide-y divide-slate-100 text-sm">
                {f.actionItems.map((item) => (
                  <ActionItemRow key={item.id} item={item} now={now} />
                ))}
              </ul>
            ) : (
              <p className="mt-2 text-sm text-slate-500">
                No action items yet: the finding stays open until someone is given something to do about it.
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
