import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import { isPlanRoleKind, PLAN_ROLE_DEFAULTS } from "@/lib/domain/plan-roles";
import type { ExerciseDto } from "@/lib/dto/exercises";
import { EXERCISE_ATTENDANCE_LABELS } from "@/lib/dto/labels";
import { Badge } from "@/components/ui/badge";

function Item({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="font-medium text-slate-700">{term}</dt>
      <dd className="break-words">{children}</dd>
    </div>
  );
}

/** The exercise's record at a glance: when, who, what it covered, what it follows. */
export function ExerciseDetails({ exercise }: { exercise: ExerciseDto }) {
  return (
    <dl className="mb-6 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
      <Item term="Scheduled">{exercise.scheduledAt ? <LocalTime value={exercise.scheduledAt} /> : "Not scheduled"}</Item>
      <Item term="Conducted">{exercise.conductedAt ? <LocalTime value={exercise.conductedAt} /> : "Not yet"}</Item>
      <Item term="Facilitator">
        {exercise.facilitator}
        {exercise.facilitatorOrganisation ? ` (third party: ${exercise.facilitatorOrganisation})` : ""}
      </Item>
      {exercise.kind === "PURPLE_TEAM" ? (
        <Item term="Red team">{exercise.redTeamOrganisation ? `Third party: ${exercise.redTeamOrganisation}` : "In-house"}</Item>
      ) : null}
      <Item term="Plan revision in force">
        {exercise.planRevision?.number ? (
          <Link href={`/plan/revisions/${exercise.planRevision.number}`} className="text-sky-800 underline">
            Revision {exercise.planRevision.number}
          </Link>
        ) : (
          "None published when it was recorded"
        )}
      </Item>
      {exercise.prerequisite || exercise.repeats ? (
        <Item term="Follows">
          <span className="space-x-2">
            {exercise.prerequisite ? (
              <Link href={`/exercises/${exercise.prerequisite.id}`} className="text-sky-800 underline">
                Tabletop: {exercise.prerequisite.title}
              </Link>
            ) : null}
            {exercise.repeats ? (
              <Link href={`/exercises/${exercise.repeats.id}`} className="text-sky-800 underline">
                Repeats {exercise.repeats.title}
              </Link>
            ) : null}
          </span>
        </Item>
      ) : null}
      <Item term="ATT&CK for Containers">{exercise.attackTechniques.length ? exercise.attackTechniques.join(", ") : "None named"}</Item>
      <Item term="Playbooks exercised">
        {exercise.playbooks.length ? (
          <span className="space-x-2">
            {exercise.playbooks.map((p) => (
              <Link
                key={p.playbookVersion.id}
                href={`/playbooks/${p.playbookVersion.playbook.id}?version=${p.playbookVersion.number}`}
                className="text-sky-800 underline"
              >
                {p.playbookVersion.playbook.title} v{p.playbookVersion.number}
              </Link>
            ))}
          </span>
        ) : (
          "None"
        )}
      </Item>
      <Item term="Scope">
        {exercise.scope.length
          ? exercise.scope.map((s) => (s.namespace ? `${s.cluster.name}/${s.namespace.name}` : s.cluster.name)).join(", ")
          : "Not limited"}
      </Item>
    </dl>
  );
}

/** Who took part, in which plan role, and whether they came. */
export function ParticipantList({ participants }: { participants: ExerciseDto["participants"] }) {
  if (!participants.length) return <p className="text-sm text-slate-500">Nobody listed yet.</p>;
  return (
    <ul className="text-sm">
      {participants.map((p) => (
        <li key={p.id} className="break-words">
          {p.contact?.name ?? p.user?.name}
          {p.planRole ? ` — ${isPlanRoleKind(p.planRole) ? PLAN_ROLE_DEFAULTS[p.planRole].name : p.planRole}` : ""}
          {p.part ? `, ${p.part}` : ""} <Badge>{EXERCISE_ATTENDANCE_LABELS[p.attendance]}</Badge>
        </li>
      ))}
    </ul>
  );
}
