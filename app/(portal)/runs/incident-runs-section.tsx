import { IncidentRuns } from "@/components/runs/incident-runs";
import { listIncidentRuns, listRunPlaybookChoices } from "@/lib/dal/runs";
import { can, type Actor } from "@/lib/domain/roles";
import { startRunAction } from "./actions";

/**
 * The "Playbook runs" section of an incident page, kept here with the runs' actions so the incident
 * page needs one line for it. Only those who may act on runs get the start form, and only while
 * the incident is open (a closed incident is part of the record).
 */
export async function IncidentRunsSection({
  actor,
  incidentId,
  incidentKey,
  closed,
}: {
  actor: Actor;
  incidentId: string;
  incidentKey: string;
  closed: boolean;
}) {
  const canAct = can(actor.role, "runs.act") && !closed;
  const [runs, start] = await Promise.all([listIncidentRuns(actor, incidentId), canAct ? listRunPlaybookChoices(actor, incidentId) : null]);
  return <IncidentRuns incidentKey={incidentKey} runs={runs} start={start ? { ...start, action: startRunAction } : null} />;
}
