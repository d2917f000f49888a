"use client";

import Link from "next/link";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { Markdown } from "@/components/ui/markdown";
import { PLAN_ROLE_DEFAULTS } from "@/lib/domain/plan-roles";
import { needsEvidenceReason, offeredChanges, stepTiming } from "@/lib/domain/run-steps";
import type { RunStepDto } from "@/lib/dto/runs";
import { StepStatusBadge } from "./badges";
import { StepButton } from "./step-button";
import { StepEditor, type EditorKind } from "./step-editor";
import type { Assignee, StepActions } from "./types";

const EDITORS: { kind: EditorKind; label: string }[] = [
  { kind: "assign", label: "Assign…" },
  { kind: "notes", label: "Edit notes" },
  { kind: "skip", label: "Skip…" },
  { kind: "block", label: "Block…" },
  { kind: "reopen", label: "Reopen…" },
];

function startLabel(step: RunStepDto): string {
  if (step.status === "TODO") return "Start";
  if (step.status === "BLOCKED") return "Unblock and start";
  return "Claim";
}

/** One step of a run: what to do, who has it, how long it has taken, and (for those who may act) the controls. */
export function RunStepCard({
  step,
  incidentKey,
  now,
  meId,
  controls,
  assignees,
  actions,
}: {
  step: RunStepDto;
  /** The run's incident, where its evidence is registered; null for a run without one. */
  incidentKey: string | null;
  now: Date;
  meId: string;
  controls: boolean;
  assignees: Assignee[];
  actions: StepActions;
}) {
  const [editing, setEditing] = useState<EditorKind | null>(null);
  const offered = offeredChanges(step, meId);
  const timing = stepTiming(step, now);
  const titleId = `step-${step.id}-title`;
  return (
    <article
      aria-labelledby={titleId}
      data-step-status={step.status}
      data-step-version={step.version}
      className="rounded-lg border border-slate-200 bg-white p-4"
    >
      <header className="flex flex-wrap items-baseline gap-2">
        <h3 id={titleId} className="font-medium">
          <span className="text-slate-500">{step.position}.</span> {step.title}
        </h3>
        <StepStatusBadge status={step.status} />
        {timing.overdue ? <Badge tone="bad">Overdue</Badge> : null}
      </header>
      <dl className="mt-2 grid gap-x-6 gap-y-1 text-xs text-slate-600 sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <dt className="inline font-medium text-slate-700">Responsible: </dt>
          <dd className="inline">{step.responsibleRole ? PLAN_ROLE_DEFAULTS[step.responsibleRole].name : "Anyone on the incident"}</dd>
        </div>
        <div>
          <dt className="inline font-medium text-slate-700">Claimed by: </dt>
          <dd className="inline" data-testid="step-assignee">
            {step.assigneeName ?? "Nobody yet"}
          </dd>
        </div>
        <div>
          <dt className="inline font-medium text-slate-700">Started: </dt>
          <dd className="inline">{step.startedAt ? <LocalTime value={step.startedAt} /> : "—"}</dd>
        </div>
        <div>
          <dt className="inline font-medium text-slate-700">Finished: </dt>
          <dd className="inline">{step.finishedAt ? <LocalTime value={step.finishedAt} /> : "—"}</dd>
        </div>
        <div className={timing.overdue ? "font-medium text-red-700" : undefined}>
          <dt className="inline font-medium text-slate-700">Elapsed: </dt>
          <dd className="inline">
            {timing.elapsedMinutes === null ? "not started" : `${timing.elapsedMinutes} min`}
            {timing.expectedMinutes !== null ? ` of ${timing.expectedMinutes} min expected` : ""}
          </dd>
        </div>
        {step.updatedByName ? (
          <div className="sm:col-span-2 lg:col-span-3">
            <dt className="inline font-medium text-slate-700">Last change: </dt>
            <dd className="inline">
              {step.updatedByName}, <LocalTime value={step.updatedAt} />
            </dd>
          </div>
        ) : null}
      </dl>
      {step.reason ? (
        <p className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="step-reason">
          {step.status === "SKIPPED" ? "Skipped: " : step.status === "BLOCKED" ? "Blocked: " : "Reason: "}
          {step.reason}
        </p>
      ) : null}
      <details className="mt-3" open={step.status === "IN_PROGRESS" || step.status === "TODO"}>
        <summary className="cursor-pointer text-sm font-medium text-slate-700">Instructions</summary>
        <div className="mt-2">
          <Markdown>{step.instructions}</Markdown>
        </div>
      </details>
      {step.evidenceExpected ? (
        <section
          className="mt-3 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm"
          aria-label={`Evidence expected: ${step.title}`}
        >
          <h4 className="text-xs font-semibold tracking-wide text-sky-900 uppercase">Evidence expected</h4>
          <div className="text-slate-800">
            <Markdown>{step.evidenceExpected}</Markdown>
          </div>
          <p className="mt-1 text-slate-700" data-testid="step-evidence-count">
            {step.evidenceCount === 0 ? "None attached yet." : `${step.evidenceCount} item${step.evidenceCount === 1 ? "" : "s"} attached.`}
          </p>
          {incidentKey ? (
            <p className="mt-1 flex flex-wrap gap-x-4">
              <Link className="font-medium text-sky-800 underline" href={`/incidents/${incidentKey}/evidence#collect`}>
                Collection commands
              </Link>
              {controls ? (
                <Link
                  className="font-medium text-sky-800 underline"
                  href={`/incidents/${incidentKey}/evidence?${new URLSearchParams({ step: step.id, description: `Evidence for step ${step.position}, “${step.title}”` })}#upload`}
                >
                  Attach evidence
                </Link>
              ) : null}
            </p>
          ) : null}
          {step.noEvidenceReason ? (
            <p className="mt-1 text-amber-900" data-testid="step-no-evidence-reason">
              Completed without evidence: {step.noEvidenceReason}
            </p>
          ) : null}
        </section>
      ) : null}
      {step.notes ? (
        <div className="mt-3 text-sm">
          <h4 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Notes</h4>
          <p className="whitespace-pre-wrap" data-testid="step-notes">
            {step.notes}
          </p>
        </div>
      ) : null}
      {controls ? (
        <div className="mt-3 flex flex-wrap items-center gap-2">
          {offered.has("start") ? (
            <StepButton
              stepId={step.id}
              version={step.version}
              action={actions.start}
              label={startLabel(step)}
              variant="primary"
              confirm={
                step.status === "IN_PROGRESS"
                  ? { question: `Take this step over from ${step.assigneeName ?? "its assignee"}?`, yes: "Yes, claim it" }
                  : undefined
              }
            />
          ) : null}
          {offered.has("complete") && !needsEvidenceReason(step) ? (
            <StepButton stepId={step.id} version={step.version} action={actions.complete} label="Complete" variant="primary" />
          ) : null}
          {offered.has("complete") && needsEvidenceReason(step) ? (
            <Button
              variant="primary"
              aria-expanded={editing === "complete"}
              onClick={() => setEditing(editing === "complete" ? null : "complete")}
            >
              Complete without evidence…
            </Button>
          ) : null}
          {EDITORS.filter((e) => offered.has(e.kind)).map((e) => (
            <Button
              key={e.kind}
              variant="secondary"
              aria-expanded={editing === e.kind}
              onClick={() => setEditing(editing === e.kind ? null : e.kind)}
            >
              {e.label}
            </Button>
          ))}
        </div>
      ) : null}
      {controls && editing ? (
        <StepEditor
          key={editing}
          kind={editing}
          step={step}
          action={actions[editing]}
          assignees={assignees}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </article>
  );
}
