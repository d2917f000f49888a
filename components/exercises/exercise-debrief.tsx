import { isOverdue } from "@/lib/domain/exercises/action-items";
import { isPlanRoleKind, PLAN_ROLE_DEFAULTS } from "@/lib/domain/plan-roles";
import { utcText } from "@/lib/domain/utc-time";
import type { ExerciseDto } from "@/lib/dto/exercises";
import {
  ACTION_ITEM_STATUS_LABELS,
  EXERCISE_ATTENDANCE_LABELS,
  EXERCISE_KIND_LABELS,
  EXERCISE_STATUS_LABELS,
  FINDING_CATEGORY_LABELS,
  FINDING_SEVERITY_LABELS,
  FINDING_STATUS_LABELS,
} from "@/lib/dto/labels";

// Paper goes to players without portal access, who cannot hover for another zone: every time is
// printed in UTC, said so, and nothing is a link.
const when = (at: Date | null) => (at ? utcText(at, "minute") : "—");

/** An exercise's debrief for the players: what was exercised, who took part, what was found and who does what by when. */
export function ExerciseDebrief({ exercise, printedAt }: { exercise: ExerciseDto; printedAt: Date }) {
  return (
    <article className="exercise-debrief space-y-6 text-sm break-words">
      <header className="border-b border-slate-300 pb-3">
        <p className="text-xs tracking-wide text-slate-500 uppercase">Exercise debrief · times in UTC</p>
        <h1 className="text-2xl font-semibold">{exercise.title}</h1>
        <p className="text-slate-700">
          {EXERCISE_KIND_LABELS[exercise.kind]} · {exercise.scenario} · {EXERCISE_STATUS_LABELS[exercise.status]}
        </p>
        <p className="text-slate-600">
          Conducted {when(exercise.conductedAt ?? exercise.scheduledAt)} · facilitated by {exercise.facilitator}
          {exercise.facilitatorOrganisation ? ` (${exercise.facilitatorOrganisation})` : ""}
          {exercise.kind === "PURPLE_TEAM" ? ` · red team: ${exercise.redTeamOrganisation ?? "in-house"}` : ""}
          {exercise.planRevision?.number ? ` · plan revision ${exercise.planRevision.number}` : ""}
        </p>
        {exercise.overrideReason ? (
          <p className="mt-1 text-amber-900">Started on an IR manager&apos;s override: {exercise.overrideReason}</p>
        ) : null}
      </header>
      {exercise.scenarioDescription ? (
        <section>
          <h2 className="text-lg font-semibold">Scenario</h2>
          <p className="whitespace-pre-line">{exercise.scenarioDescription}</p>
        </section>
      ) : null}
      <section>
        <h2 className="text-lg font-semibold">What was exercised</h2>
        <p>
          Playbooks:{" "}
          {exercise.playbooks.map((p) => `${p.playbookVersion.playbook.title} v${p.playbookVersion.number}`).join("; ") || "none"}
        </p>
        <p>ATT&amp;CK for Containers: {exercise.attackTechniques.join(", ") || "none named"}</p>
        <p>
          Scope:{" "}
          {exercise.scope.map((s) => (s.namespace ? `${s.cluster.name}/${s.namespace.name}` : s.cluster.name)).join(", ") || "not limited"}
        </p>
      </section>
      <section>
        <h2 className="text-lg font-semibold">Participants</h2>
        <table className="w-full">
          <thead>
            <tr className="text-left">
              <th className="px-2 py-1">Name</th>
              <th className="px-2 py-1">Plan role</th>
              <th className="px-2 py-1">Part</th>
              <th className="px-2 py-1">Attendance</th>
            </tr>
          </thead>
          <tbody>
            {exercise.participants.map((p) => (
              <tr key={p.id}>
                <td className="px-2 py-1">{p.contact?.name ?? p.user?.name}</td>
                <td className="px-2 py-1">
                  {p.planRole ? (isPlanRoleKind(p.planRole) ? PLAN_ROLE_DEFAULTS[p.planRole].name : p.planRole) : "—"}
                </td>
                <td className="px-2 py-1">{p.part ?? "—"}</td>
                <td className="px-2 py-1">{EXERCISE_ATTENDANCE_LABELS[p.attendance]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {exercise.outcome ? (
        <section>
          <h2 className="text-lg font-semibold">Outcome</h2>
          <p className="whitespace-pre-line">{exercise.outcome}</p>
        </section>
      ) : null}
      <section>
        <h2 className="text-lg font-semibold">Findings and action items</h2>
        {exercise.findings.length === 0 ? <p>No findings were recorded.</p> : null}
        {exercise.findings.map((f, i) => (
          <div key={f.id} className="debrief-finding mt-3">
            <h3 className="font-semibold">
              {i + 1}. {f.title} — {FINDING_SEVERITY_LABELS[f.severity]}, {FINDING_CATEGORY_LABELS[f.category]} (
              {FINDING_STATUS_LABELS[f.status]})
            </h3>
            {f.description ? <p className="whitespace-pre-line">{f.description}</p> : null}
            <p>
              <span className="font-medium">Recommendation:</span> {f.recommendation}
            </p>
            {f.actionItems.length ? (
              <table className="mt-1 w-full">
                <thead>
                  <tr className="text-left">
                    <th className="px-2 py-1">Action</th>
                    <th className="px-2 py-1">Owner</th>
                    <th className="px-2 py-1">Due</th>
                    <th className="px-2 py-1">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {f.actionItems.map((item) => (
                    <tr key={item.id}>
                      <td className="px-2 py-1">{item.title}</td>
                      <td className="px-2 py-1">{item.owner?.name ?? "—"}</td>
                      <td className="px-2 py-1">{item.dueAt ? item.dueAt.toISOString().slice(0, 10) : "—"}</td>
                      <td className="px-2 py-1">
                        {ACTION_ITEM_STATUS_LABELS[item.status]}
                        {isOverdue(item, printedAt) ? " (overdue)" : ""}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </div>
        ))}
      </section>
      {exercise.logEntries.length ? (
        <section>
          <h2 className="text-lg font-semibold">Facilitator&apos;s log</h2>
          <ol>
            {exercise.logEntries.map((e) => (
              <li key={e.id}>
                {when(e.at)} — {e.text}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <footer className="border-t border-slate-300 pt-2 text-xs text-slate-500">Printed {when(printedAt)} from Bulkhead.</footer>
    </article>
  );
}
