import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ExerciseStatusForm } from "@/components/exercises/exercise-status-form";
import { FindingList } from "@/components/exercises/finding-list";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/page";
import { NotFoundError } from "@/lib/dal/errors";
import { getExerciseOrThrow } from "@/lib/dal/exercises/exercises";
import { EXERCISE_ATTENDANCE_LABELS, EXERCISE_KIND_LABELS, EXERCISE_STATUS_LABELS } from "@/lib/dto/labels";
import { allowedNextStatuses } from "@/lib/domain/exercises/status";
import { can } from "@/lib/domain/roles";
import { changeExerciseStatusAction } from "./actions";

export const metadata: Metadata = { title: "Exercise" };

type Props = { params: Promise<{ id: string }> };

const rethrowUnlessNotFound = (error: unknown): never => {
  if (error instanceof NotFoundError) notFound();
  throw error;
};

export default async function ExercisePage({ params }: Props) {
  const actor = await requirePagePermission("exercises.read");
  const { id } = await params;
  const exercise = await getExerciseOrThrow(actor, id).catch(rethrowUnlessNotFound);
  const canEdit = can(actor.role, "exercises.edit");
  const now = new Date();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/exercises" className="text-sky-800 underline">
          Exercises
        </Link>
      </p>
      <PageHeader
        title={exercise.title}
        description={`${EXERCISE_KIND_LABELS[exercise.kind]} · ${exercise.scenario} · ${EXERCISE_STATUS_LABELS[exercise.status]}`}
      />
      {exercise.overrideReason ? (
        <p role="note" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
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
        <p className="mb-4 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 text-sm">Cancelled: {exercise.cancelReason}</p>
      ) : null}
      <dl className="mb-6 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <div>
          <dt className="font-medium text-slate-700">Scheduled</dt>
          <dd>{exercise.scheduledAt ? <LocalTime value={exercise.scheduledAt} /> : "Not scheduled"}</dd>
        </div>
        <div>
          <dt className="font-medium text-slate-700">Conducted</dt>
          <dd>{exercise.conductedAt ? <LocalTime value={exercise.conductedAt} /> : "Not yet"}</dd>
        </div>
        <div>
          <dt className="font-medium text-slate-700">Facilitator</dt>
          <dd>
            {exercise.facilitator}
            {exercise.facilitatorOrganisation ? ` (third party: ${exercise.facilitatorOrganisation})` : ""}
          </dd>
        </div>
        {exercise.kind === "PURPLE_TEAM" ? (
          <div>
            <dt className="font-medium text-slate-700">Red team</dt>
            <dd>{exercise.redTeamOrganisation ? `Third party: ${exercise.redTeamOrganisation}` : "In-house"}</dd>
          </div>
        ) : null}
        <div>
          <dt className="font-medium text-slate-700">Plan revision in force</dt>
          <dd>
            {exercise.planRevision?.number ? (
              <Link href={`/plan/revisions/${exercise.planRevision.number}`} className="text-sky-800 underline">
                Revision {exercise.planRevision.number}
              </Link>
            ) : (
              "None published when it was recorded"
            )}
          </dd>
        </div>
        {exercise.prerequisite || exercise.repeats ? (
          <div>
            <dt className="font-medium text-slate-700">Follows</dt>
            <dd className="space-x-2">
              {exercise.prerequisite ? (
                <Link href={`/exercises/${exercise.prerequisite.id}`} className="text-sky-800 underline">
                  {exercise.prerequisite.title}
                </Link>
              ) : null}
              {exercise.repeats ? (
                <Link href={`/exercises/${exercise.repeats.id}`} className="text-sky-800 underline">
                  Repeats {exercise.repeats.title}
                </Link>
              ) : null}
            </dd>
          </div>
        ) : null}
        <div>
          <dt className="font-medium text-slate-700">ATT&amp;CK for Containers</dt>
          <dd>{exercise.attackTechniques.length ? exercise.attackTechniques.join(", ") : "None named"}</dd>
        </div>
        <div>
          <dt className="font-medium text-slate-700">Playbooks exercised</dt>
          <dd>
            {exercise.playbooks.length
              ? exercise.playbooks.map((p) => `${p.playbookVersion.playbook.title} v${p.playbookVersion.number}`).join("; ")
              : "None"}
          </dd>
        </div>
        <div>
          <dt className="font-medium text-slate-700">Scope</dt>
          <dd>
            {exercise.scope.length
              ? exercise.scope.map((s) => (s.namespace ? `${s.cluster.name}/${s.namespace.name}` : s.cluster.name)).join(", ")
              : "Not limited"}
          </dd>
        </div>
      </dl>
      {exercise.outcome ? (
        <section aria-labelledby="outcome" className="mb-6">
          <h2 id="outcome" className="mb-2 text-lg font-semibold">
            Outcome
          </h2>
          <p className="text-sm whitespace-pre-line text-slate-700">{exercise.outcome}</p>
        </section>
      ) : null}
      <section aria-labelledby="participants" className="mb-6">
        <h2 id="participants" className="mb-2 text-lg font-semibold">
          Participants
        </h2>
        {exercise.participants.length ? (
          <ul className="text-sm">
            {exercise.participants.map((p) => (
              <li key={p.id}>
                {p.contact?.name ?? p.user?.name}
                {p.part ? `, ${p.part}` : ""} <Badge>{EXERCISE_ATTENDANCE_LABELS[p.attendance]}</Badge>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-500">Nobody listed yet.</p>
        )}
      </section>
      <section aria-labelledby="findings" className="mb-6">
        <h2 id="findings" className="mb-2 text-lg font-semibold">
          Findings
        </h2>
        {exercise.findings.length ? (
          <FindingList findings={exercise.findings} now={now} />
        ) : (
          <EmptyState title="No findings recorded">
            {exercise.status === "PLANNED"
              ? "Findings are recorded once the exercise has started."
              : canEdit
                ? "Record what the exercise found — gaps in the plan, playbooks, detection or tooling — with a recommendation each."
                : "None were recorded for this exercise."}
          </EmptyState>
        )}
      </section>
      <section aria-labelledby="log" className="mb-6">
        <h2 id="log" className="mb-2 text-lg font-semibold">
          Facilitator&apos;s log
        </h2>
        {exercise.logEntries.length ? (
          <ol className="space-y-1 text-sm">
            {exercise.logEntries.map((e) => (
              <li key={e.id}>
                <LocalTime value={e.at} /> — {e.text} <span className="text-slate-500">({e.author.name})</span>
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-sm text-slate-500">Nothing logged.</p>
        )}
      </section>
    </>
  );
}
