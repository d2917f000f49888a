import { Markdown } from "@/components/ui/markdown";
import { StepControls } from "@/components/playbooks/step-controls";
import type { DraftRef } from "@/components/playbooks/step-form";
import type { FormAction, Option, PlaybookStepView } from "@/components/playbooks/types";
import { PLAYBOOK_PHASE_LABELS } from "@/lib/dto/labels";
import { PLAYBOOK_PHASES, responsibleRoleLabel } from "@/lib/domain/playbook-labels";

export type StepEditing = {
  draft: DraftRef;
  phases: Option[];
  roles: Option[];
  actions: { update: FormAction; move: FormAction; remove: FormAction };
};

/**
 * A version's steps grouped by NIST SP 800-61 phase, numbered in run order. With `editing` (a
 * manager on a draft) each step gets its controls; everyone else reads the same steps.
 */
export function StepList({ steps, editing }: { steps: PlaybookStepView[]; editing?: StepEditing }) {
  const numberOf = new Map(steps.map((s, i) => [s.id, i + 1]));
  const groups = PLAYBOOK_PHASES.map((phase) => ({ phase, steps: steps.filter((s) => s.phase === phase) })).filter(
    (g) => g.steps.length > 0,
  );
  return (
    <div className="space-y-6">
      {groups.map((group) => (
        <section key={group.phase} aria-labelledby={`phase-${group.phase}`}>
          <h3 id={`phase-${group.phase}`} className="mb-2 text-sm font-semibold tracking-wide text-slate-500 uppercase">
            {PLAYBOOK_PHASE_LABELS[group.phase]}
          </h3>
          <ol className="space-y-3">
            {group.steps.map((step, i) => (
              <li
                key={step.id}
                className="rounded-lg border border-slate-200 bg-white p-4"
                aria-label={`Step ${numberOf.get(step.id)}: ${step.title}`}
              >
                <h4 className="font-medium">
                  <span className="mr-2 text-slate-400">{numberOf.get(step.id)}.</span>
                  {step.title}
                </h4>
                <dl className="mt-1 flex flex-wrap gap-x-6 gap-y-1 text-xs text-slate-600">
                  <div>
                    <dt className="inline font-medium">Responsible: </dt>
                    <dd className="inline">{responsibleRoleLabel(step.responsibleRole)}</dd>
                  </div>
                  <div>
                    <dt className="inline font-medium">Expected: </dt>
                    <dd className="inline">{step.expectedMinutes ? `${step.expectedMinutes} min` : "—"}</dd>
                  </div>
                  {step.evidenceExpected ? (
                    <div>
                      <dt className="inline font-medium">Evidence expected: </dt>
                      <dd className="inline">{step.evidenceExpected}</dd>
                    </div>
                  ) : null}
                </dl>
                <div className="mt-3">
                  <Markdown>{step.instructions}</Markdown>
                </div>
                {editing ? (
                  <StepControls
                    draft={editing.draft}
                    step={step}
                    first={i === 0}
                    last={i === group.steps.length - 1}
                    phases={editing.phases}
                    roles={editing.roles}
                    actions={editing.actions}
                  />
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
