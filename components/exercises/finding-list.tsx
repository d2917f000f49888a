import Link from "next/link";
import { ActionItemForm, ActionItemStatusForm } from "@/components/exercises/action-item-forms";
import { FindingForm, type FindingChoices } from "@/components/exercises/finding-form";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { isOverdue, nextActionItemStatuses, requiredFix } from "@/lib/domain/exercises/action-items";
import {
  ACTION_ITEM_STATUS_LABELS,
  FINDING_CATEGORY_LABELS,
  FINDING_SEVERITY_LABELS,
  FINDING_STATUS_LABELS,
  type Option,
} from "@/lib/dto/labels";
import type { ActionItemDto, ExerciseFormOptions, FindingDto } from "@/lib/dto/exercises";
import type { FormAction } from "@/lib/form-state";

/**
 * Which one form is open: editing a finding, adding an item to one, or editing an item. The page
 * renders one editor at a time (from `?edit=`), so an exercise with many findings stays light.
 */
export type OpenEditor = { kind: "finding" | "add-item" | "item"; id: string } | null;

/** What a manager needs to change findings and their items; absent for readers. */
export type FindingEditing = {
  open: OpenEditor;
  exerciseId: string;
  choices: FindingChoices;
  owners: Option[];
  planRevisions: ExerciseFormOptions["planRevisions"];
  playbookVersions: ExerciseFormOptions["playbookVersions"];
  actions: { updateFinding: FormAction; createActionItem: FormAction; updateActionItem: FormAction; changeActionItemStatus: FormAction };
};

const toggle = "text-sm text-sky-800 underline";

/** A link that opens one editor on this page, scrolled to what it edits. */
function EditorLink({
  edit,
  kind,
  id,
  anchor,
  children,
}: {
  edit: FindingEditing;
  kind: NonNullable<OpenEditor>["kind"];
  id: string;
  anchor: string;
  children: React.ReactNode;
}) {
  return (
    <Link href={`/exercises/${edit.exerciseId}?edit=${kind}.${encodeURIComponent(id)}#${anchor}`} className={toggle} scroll={false}>
      {children}
    </Link>
  );
}

function CloseEditor({ edit, anchor }: { edit: FindingEditing; anchor: string }) {
  return (
    <Link href={`/exercises/${edit.exerciseId}#${anchor}`} className="text-sm text-slate-600 underline" scroll={false}>
      Close
    </Link>
  );
}

const isOpen = (edit: FindingEditing, kind: NonNullable<OpenEditor>["kind"], id: string) => edit.open?.kind === kind && edit.open.id === id;

/** The fixes a finding's items can link: published after the finding, and of its playbook when it names one. */
function fixesFor(f: FindingDto, edit: FindingEditing) {
  const after = (at: Date) => at.getTime() > f.createdAt.getTime();
  return {
    planRevisions: edit.planRevisions.filter((r) => after(r.publishedAt)).map((r) => ({ value: r.id, label: `Revision ${r.number}` })),
    playbookVersions: edit.playbookVersions
      .filter((v) => after(v.publishedAt) && (!f.playbook || v.playbookId === f.playbook.id))
      .map((v) => ({ value: v.id, label: `${v.title} v${v.number}` })),
  };
}

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

function ActionItemRow({ item, now, finding, edit }: { item: ActionItemDto; now: Date; finding: FindingDto; edit?: FindingEditing }) {
  const overdue = isOverdue(item, now);
  return (
    <li id={`action-item-${item.id}`} className="flex flex-wrap items-baseline gap-2 py-1" data-testid="action-item">
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
      {edit ? <ActionItemEditing item={item} finding={finding} edit={edit} /> : null}
    </li>
  );
}

function ActionItemEditing({ item, finding, edit }: { item: ActionItemDto; finding: FindingDto; edit: FindingEditing }) {
  const fixes = fixesFor(finding, edit);
  const concern = {
    category: finding.category,
    createdAt: finding.createdAt,
    planSectionKey: finding.planSectionKey,
    playbookId: finding.playbook?.id ?? null,
  };
  return (
    <div className="basis-full space-y-2">
      <ActionItemStatusForm
        action={edit.actions.changeActionItemStatus}
        item={item}
        choices={nextActionItemStatuses(item.status).map((s) => ({ value: s, label: ACTION_ITEM_STATUS_LABELS[s] }))}
        requiredFix={requiredFix(concern)}
        planRevisions={fixes.planRevisions}
        playbookVersions={fixes.playbookVersions}
        idPrefix={`item-${item.id}-status`}
      />
      {isOpen(edit, "item", item.id) ? (
        <div className="space-y-1">
          <ActionItemForm
            action={edit.actions.updateActionItem}
            findingId={finding.id}
            item={item}
            owners={edit.owners}
            idPrefix={`item-${item.id}`}
          />
          <CloseEditor edit={edit} anchor={`action-item-${item.id}`} />
        </div>
      ) : (
        <EditorLink edit={edit} kind="item" id={item.id} anchor={`action-item-${item.id}`}>
          Edit item
        </EditorLink>
      )}
    </div>
  );
}

/** The findings of an exercise with their action items; overdue items are flagged. */
export function FindingList({
  findings,
  now,
  edit,
  earlier,
}: {
  findings: FindingDto[];
  now: Date;
  edit?: FindingEditing;
  earlier?: Map<string, string>;
}) {
  return (
    <ul className="space-y-3">
      {findings.map((f) => {
        const concerns = concernOf(f);
        return (
          <li key={f.id} id={`finding-${f.id}`} className="rounded-lg border border-slate-200 bg-white p-4">
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
            {f.recurrenceOfId ? (
              <p className="mt-1 text-xs text-amber-800">
                Recurred from the repeated exercise: {earlier?.get(f.recurrenceOfId) ?? "an earlier finding"}
              </p>
            ) : null}
            {f.actionItems.length ? (
              <ul aria-label={`Action items of ${f.title}`} className="mt-2 divide-y divide-slate-100 text-sm">
                {f.actionItems.map((item) => (
                  <ActionItemRow key={item.id} item={item} now={now} finding={f} edit={edit} />
                ))}
              </ul>
            ) : (
              <p className="mt-2 text-sm text-slate-500">
                No action items yet: the finding stays open until someone is given something to do about it.
              </p>
            )}
            {edit ? (
              <div className="mt-3 space-y-3">
                <div className="flex flex-wrap gap-4">
                  <EditorLink edit={edit} kind="add-item" id={f.id} anchor={`finding-${f.id}`}>
                    Add an action item
                  </EditorLink>
                  <EditorLink edit={edit} kind="finding" id={f.id} anchor={`finding-${f.id}`}>
                    Edit finding
                  </EditorLink>
                </div>
                {isOpen(edit, "add-item", f.id) ? (
                  <div className="max-w-3xl space-y-1">
                    <ActionItemForm
                      action={edit.actions.createActionItem}
                      findingId={f.id}
                      owners={edit.owners}
                      idPrefix={`new-item-${f.id}`}
                    />
                    <CloseEditor edit={edit} anchor={`finding-${f.id}`} />
                  </div>
                ) : null}
                {isOpen(edit, "finding", f.id) ? (
                  <div className="max-w-3xl space-y-1">
                    <FindingForm
                      action={edit.actions.updateFinding}
                      exerciseId={edit.exerciseId}
                      choices={edit.choices}
                      finding={f}
                      idPrefix={`finding-${f.id}`}
                    />
                    <CloseEditor edit={edit} anchor={`finding-${f.id}`} />
                  </div>
                ) : null}
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
