import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RunContextCard } from "@/components/runs/run-context-card";
import { RunLiveView } from "@/components/runs/run-live-view";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/page";
import { NotFoundError } from "@/lib/dal/errors";
import { listRunViewers } from "@/lib/dal/run-presence";
import { getRunOrThrow, listRunAssignees } from "@/lib/dal/runs";
import { can } from "@/lib/domain/roles";
import {
  abandonRunAction,
  assignRunStepAction,
  blockRunStepAction,
  completeRunAction,
  completeRunStepAction,
  editRunStepNotesAction,
  reopenRunStepAction,
  skipRunStepAction,
  startRunStepAction,
} from "../actions";

export const metadata: Metadata = { title: "Playbook run" };

const ACTIONS = {
  start: startRunStepAction,
  complete: completeRunStepAction,
  assign: assignRunStepAction,
  skip: skipRunStepAction,
  block: blockRunStepAction,
  reopen: reopenRunStepAction,
  notes: editRunStepNotesAction,
  completeRun: completeRunAction,
  abandonRun: abandonRunAction,
};

export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission("runs.read");
  const { id } = await params;
  const run = await getRunOrThrow(actor, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  // Auditors and admins follow the run read-only: no controls are offered, and the DAL refuses them anyway.
  const canAct = can(actor.role, "runs.act");
  const [assignees, viewers] = await Promise.all([canAct ? listRunAssignees(actor) : [], listRunViewers(actor, run.id)]);
  const { steps, context, ...summary } = run;
  return (
    <>
      <BackLink href="/runs">All runs</BackLink>
      <PageHeader
        title={`${run.playbookTitle} v${run.versionNumber}`}
        description={
          run.incident
            ? `Playbook run on ${run.incident.key}: instructions filled in with the incident's container context when the run started.`
            : undefined
        }
      />
      <RunContextCard context={context} />
      <RunLiveView
        run={summary}
        steps={steps}
        viewers={viewers}
        meId={actor.id}
        canAct={canAct}
        assignees={assignees}
        actions={ACTIONS}
        now={new Date()}
      />
    </>
  );
}
