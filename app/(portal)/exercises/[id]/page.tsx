import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LogEntryForm } from "@/components/exercises/action-item-forms";
import { ExerciseDetails, ParticipantList } from "@/components/exercises/exercise-details";
import { findingChoices } from "@/components/exercises/exercise-form-choices";
import { ExerciseHistory, RecurrenceList } from "@/components/exercises/exercise-history";
import { ExerciseStatusForm } from "@/components/exercises/exercise-status-form";
import { FindingForm } from "@/components/exercises/finding-form";
import { FindingList, type FindingEditing } from "@/components/exercises/finding-list";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/page";
import { getExerciseHistory } from "@/lib/dal/audit-history";
import { NotFoundError } from "@/lib/dal/errors";
import { getExerciseOrThrow } from "@/lib/dal/exercises/exercises";
import { getExerciseFormOptions } from "@/lib/dal/exercises/form-options";
import { EXERCISE_KIND_LABELS, EXERCISE_STATUS_LABELS } from "@/lib/dto/labels";
import { allowedNextStatuses } from "@/lib/domain/exercises/status";
import { can } from "@/lib/domain/roles";
import { ExerciseEditorParam } from "@/lib/validation/exercises";
import {
  addExerciseLogEntryAction,
  changeActionItemStatusAction,
  changeExerciseStatusAction,
  createActionItemAction,
  createFindingAction,
  updateActionItemAction,
  updateFindingAction,
} from "./actions";

export const metadata: Metadata = { title: "Exercise" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const rethrowUnlessNotFound = (error: unknown): never => {
  if (error instanceof NotFoundError) notFound();
  throw error;
};

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="mb-6">
      <h2 id={id} className="mb-2 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function ExercisePage({ params, searchParams }: Props) {
  const actor = await requirePagePermission("exercises.read");
  const { id } = await params;
  const editParam = (await searchParams).edit;
  const canEdit = can(actor.role, "exercises.edit");
  const [exercise, history, options] = await Promise.all([
    getExerciseOrThrow(actor, id).catch(rethrowUnlessNotFound),
    getExerciseHistory(actor, id).catch(rethrowUnlessNotFound),
    canEdit ? getExerciseFormOptions(actor) : null,
  ]);
  const now = new Date();
  const held = exercise.status === "IN_PROGRESS" || exercise.status === "COMPLETED";
  const edit: FindingEditing | undefined = options
    ? {
        open: ExerciseEditorParam.parse(typeof editParam === "string" ? editParam : null),
        exerciseId: exercise.id,
        choices: findingChoices(options, exercise),
        owners: options.contacts.map((c) => ({ value: c.id, label: c.team ? `${c.name} (${c.team})` : c.name })),
        planRevisions: options.planRevisions,
        playbookVersions: options.playbookVersions,
        actions: {
          updateFinding: updateFindingAction,
          createActionItem: createActionItemAction,
          updateActionItem: updateActionItemAction,
          changeActionItemStatus: changeActionItemStatusAction,
        },
      }
    : undefined;
  const earlierTitles = new Map((exercise.repeats?.findings ?? []).map((f) => [f.id, f.title]));
  const recurred = new Set(exercise.findings.map((f) => f.recurrenceOfId).filter((r): r is string => r !== null));
  return (
    <>
      <BackLink href="/exercises">Exercises</BackLink>
      <PageHeader
        title={exercise.title}
        description={`${EXERCISE_KIND_LABELS[exercise.kind]} · ${exercise.scenario} · ${EXERCISE_STATUS_LABELS[exercise.status]}`}
        actions={
          <div className="flex gap-2">
            <Link href={`/print/exercises/${exercise.id}`} className={buttonClasses("secondary")}>
              Debrief
            </Link>
            {canEdit ? (
              <Link href={`/exercises/${exercise.id}/edit`} className={buttonClasses()}>
                Edit exercise
              </Link>
            ) : null}
          </div>
        }
      />
      {exercise.overrideReason ? (
        <p role="note" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm break-words text-amber-900">
          Started without a clean tabletop on an override by {exercise.overrideBy?.name ?? "an IR manager"}
          {exercise.overrideAt ? (
            <>
              {" "}
              on <LocalTime value={exercise.overrideAt} />
            </>
          ) : null}
          : {exercise.overrideReason}
        </p>
      ) : null}
      {canEdit && allowedNextStatuses(exercise.status).length > 0 ? (
        <div className="mb-6 max-w-md">
          <ExerciseStatusForm
            exerciseId={exercise.id}
            version={exercise.version}
            purpleTeam={exercise.kind === "PURPLE_TEAM"}
            choices={allowedNextStatuses(exercise.status).map((to) => ({ to, label: EXERCISE_STATUS_LABELS[to] }))}
            action={changeExerciseStatusAction}
          />
        </div>
      ) : null}
      {exercise.cancelReason ? (
        <p className="mb-4 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 text-sm break-words">
          Cancelled: {exercise.cancelReason}
        </p>
      ) : null}
      <ExerciseDetails exercise={exercise} />
      {exercise.outcome ? (
        <Section id="outcome" title="Outcome">
          <p className="text-sm break-words whitespace-pre-line text-slate-700">{exercise.outcome}</p>
        </Section>
      ) : null}
      <Section id="participants" title="Participants">
        <ParticipantList participants={exercise.participants} />
      </Section>
      <Section id="findings" title="Findings">
        {exercise.findings.length ? (
          <FindingList findings={exercise.findings} now={now} edit={edit} earlier={earlierTitles} />
        ) : (
          <EmptyState title="No findings recorded">
            {exercise.status === "PLANNED"
              ? "Findings are recorded once the exercise has started."
              : canEdit
                ? "Record what the exercise found — gaps in the plan, playbooks, detection or tooling — with a recommendation each."
                : "None were recorded for this exercise."}
          </EmptyState>
        )}
        {edit && held ? (
          <details className="mt-3" open={exercise.findings.length === 0}>
            <summary className="cursor-pointer text-sm font-medium text-sky-800 underline">Record a finding</summary>
            <div className="mt-2 max-w-3xl">
              <FindingForm action={createFindingAction} exerciseId={exercise.id} choices={edit.choices} idPrefix="new-finding" />
            </div>
          </details>
        ) : null}
      </Section>
      {exercise.repeats ? (
        <Section id="recurrence" title={`Did the findings of “${exercise.repeats.title}” recur?`}>
          <RecurrenceList earlier={exercise.repeats.findings} recurred={recurred} />
        </Section>
      ) : null}
      <Section id="log" title="Facilitator's log">
        {exercise.logEntries.length ? (
          <ol className="space-y-1 text-sm">
            {exercise.logEntries.map((e) => (
              <li key={e.id} className="break-words">
                <LocalTime value={e.at} /> — {e.text} <span className="text-slate-500">({e.author.name})</span>
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-sm text-slate-500">Nothing logged.</p>
        )}
        {canEdit && exercise.status !== "CANCELLED" ? <LogEntryForm action={addExerciseLogEntryAction} exerciseId={exercise.id} /> : null}
      </Section>
      <Section id="history" title="Change history">
        <ExerciseHistory entries={history.entries} more={history.more} />
      </Section>
    </>
  );
}
