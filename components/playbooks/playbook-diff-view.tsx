import { cn } from "@/lib/cn";
import type { FieldChange, InstructionDiffEntry, PlaybookDiff } from "@/lib/domain/playbook-diff";
import type { PlaybookStepView } from "@/components/playbooks/types";
import { LineDiff } from "@/components/ui/line-diff";
import { PLAYBOOK_PHASE_LABELS } from "@/lib/dto/labels";
import { responsibleRoleLabel } from "@/lib/domain/playbook-labels";
import type { PlanRoleKind, PlaybookPhase } from "@/lib/dto/playbooks";

const FIELD_LABELS: Record<FieldChange["field"], string> = {
  phase: "Phase",
  title: "Title",
  responsibleRole: "Responsible role",
  evidenceExpected: "Evidence expected",
  expectedMinutes: "Expected minutes",
};

function fieldValue(change: FieldChange, value: FieldChange["from"]): string {
  if (value === null || value === "") return "—";
  if (change.field === "phase") return PLAYBOOK_PHASE_LABELS[value as PlaybookPhase];
  if (change.field === "responsibleRole") return responsibleRoleLabel(value as PlanRoleKind);
  return String(value);
}

/** The instructions' line diff, labelled for screen readers. */
function Lines({ entries }: { entries: InstructionDiffEntry[] }) {
  return <LineDiff entries={entries} label="Instructions, line by line" className="rounded border border-slate-200" />;
}

function WholeStep({ step, kind }: { step: PlaybookStepView; kind: "added" | "removed" }) {
  return <Lines entries={step.instructions.split("\n").map((text) => ({ kind, text }))} />;
}

const KIND_LABEL = { added: "Added", removed: "Removed", changed: "Changed", unchanged: "Unchanged" } as const;
const KIND_TONE = {
  added: "border-emerald-300",
  removed: "border-red-300",
  changed: "border-sky-300",
  unchanged: "border-slate-200",
} as const;

/** Step by step: added and removed in full, changed ones field by field with an instructions line diff. */
export function PlaybookDiffView({ diff, from, to }: { diff: PlaybookDiff<PlaybookStepView>; from: number; to: number }) {
  const { summary } = diff;
  return (
    <div className="space-y-3" data-testid="playbook-diff">
      <p className="text-sm text-slate-700">
        From version {from} to version {to}: {summary.added} added, {summary.removed} removed, {summary.changed} changed
        {summary.moved ? ` (${summary.moved} moved)` : ""}, {summary.unchanged} unchanged.
      </p>
      <ol className="space-y-3">
        {diff.steps.map((entry) => {
          const step = entry.kind === "added" || entry.kind === "removed" ? entry.step : entry.to;
          const key =
            entry.kind === "added" || entry.kind === "removed" ? `${entry.kind}-${entry.step.id}` : `${entry.from.id}-${entry.to.id}`;
          return (
            <li
              key={key}
              className={cn("rounded-lg border border-l-4 bg-white p-3", KIND_TONE[entry.kind])}
              aria-label={`${KIND_LABEL[entry.kind]}: ${step.title}`}
            >
              <p className="text-sm">
                <span className="mr-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">{KIND_LABEL[entry.kind]}</span>
                <span className="font-medium">{step.title}</span>
                <span className="ml-2 text-xs text-slate-500">{PLAYBOOK_PHASE_LABELS[step.phase]}</span>
                {entry.kind === "changed" && entry.moved ? <span className="ml-2 text-xs text-sky-800">moved</span> : null}
              </p>
              {entry.kind === "added" || entry.kind === "removed" ? (
                <div className="mt-2">
                  <WholeStep step={entry.step} kind={entry.kind} />
                </div>
              ) : null}
              {entry.kind === "changed" ? (
                <div className="mt-2 space-y-2">
                  {entry.fields.length ? (
                    <table className="text-sm">
                      <caption className="sr-only">Changed fields</caption>
                      <tbody>
                        {entry.fields.map((f) => (
                          <tr key={f.field}>
                            <th scope="row" className="pr-3 text-left font-medium text-slate-600">
                              {FIELD_LABELS[f.field]}
                            </th>
                            <td className="pr-2 text-red-800 line-through decoration-red-300">
                              <span className="sr-only">was </span>
                              {fieldValue(f, f.from)}
                            </td>
                            <td className="text-emerald-800">
                              <span aria-hidden>→ </span>
                              <span className="sr-only">now </span>
                              {fieldValue(f, f.to)}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  ) : null}
                  {entry.instructions ? <Lines entries={entry.instructions} /> : null}
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
