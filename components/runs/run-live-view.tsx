"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { LiveStatus } from "@/components/live/live-status";
import { useLiveEvents } from "@/components/live/use-live-events";
import { LocalTime } from "@/components/ui/local-time";
import { LongText } from "@/components/ui/long-text";
import { PLAYBOOK_PHASE_LABELS } from "@/lib/dto/labels";
import { groupByPhase, OPEN_STATUSES, runProgress } from "@/lib/domain/run-steps";
import { unhandledLiveEvent, type LiveMessage, type ResyncLiveEvent, type RunLiveEvent } from "@/lib/dto/live";
import type { RunStepDto, RunSummaryDto, RunViewerDto } from "@/lib/dto/runs";
import { RunStatusBadge } from "./badges";
import { newer, reviveStep, reviveSummary, reviveViewers } from "./live-data";
import { RunClosePanel } from "./run-close-panel";
import { RunProgressBar } from "./run-progress";
import { RunStepCard } from "./run-step-card";
import { RunViewers } from "./run-viewers";
import type { Assignee, RunActions } from "./types";
import { useNow } from "./use-now";

type Props = {
  run: RunSummaryDto;
  steps: RunStepDto[];
  viewers: RunViewerDto[];
  meId: string;
  canAct: boolean;
  assignees: Assignee[];
  actions: RunActions;
  now: Date;
};

/**
 * The run as everyone on it sees it, kept current by the run's live stream: each `step.updated`
 * or `run.updated` message replaces that record in place when it is newer (higher version) than
 * what the page has, whether the page got it from the server render or from an earlier message.
 */
export function RunLiveView({
  run: initialRun,
  steps: initialSteps,
  viewers: initialViewers,
  meId,
  canAct,
  assignees,
  actions,
  now: initialNow,
}: Props) {
  const [liveSteps, setLiveSteps] = useState<Record<string, RunStepDto>>({});
  const [liveRun, setLiveRun] = useState<RunSummaryDto | undefined>(undefined);
  const [viewers, setViewers] = useState<RunViewerDto[] | null>(null);
  const now = useNow(initialNow);
  const router = useRouter();

  const onMessage = useCallback(
    (message: LiveMessage<RunLiveEvent | ResyncLiveEvent>) => {
      switch (message.kind) {
        case "resync":
          // Too far behind to replay: read the whole run again.
          router.refresh();
          break;
        case "step.updated": {
          const step = reviveStep(message.data);
          if (step) setLiveSteps((prev) => (prev[step.id] && prev[step.id]!.version >= step.version ? prev : { ...prev, [step.id]: step }));
          break;
        }
        case "run.updated": {
          const summary = reviveSummary(message.data);
          if (summary) setLiveRun((prev) => newer(summary, prev));
          break;
        }
        case "presence": {
          const list = reviveViewers(message.data);
          if (list) setViewers(list);
          break;
        }
        default:
          unhandledLiveEvent(message);
      }
    },
    [router],
  );
  const { status: liveStatus } = useLiveEvents<RunLiveEvent>(`/api/runs/${initialRun.id}/events`, onMessage);

  const steps = initialSteps.map((s) => newer(s, liveSteps[s.id]));
  const run = newer(initialRun, liveRun);
  const progress = runProgress(steps);
  const controls = canAct && run.status === "ACTIVE";
  const openSteps = steps.filter((s) => OPEN_STATUSES.includes(s.status));

  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <RunViewers viewers={viewers ?? initialViewers} meId={meId} />
        <LiveStatus status={liveStatus} />
      </div>
      <dl className="grid gap-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <dt className="text-xs tracking-wide text-slate-500 uppercase">Status</dt>
          <dd>
            <RunStatusBadge status={run.status} />
          </dd>
        </div>
        <div>
          <dt className="text-xs tracking-wide text-slate-500 uppercase">Incident</dt>
          <dd>
            {run.incident ? (
              <Link href={`/incidents/${run.incident.key}`} className="text-sky-800 underline">
                {run.incident.key} · <LongText value={run.incident.title} max={100} />
              </Link>
            ) : (
              "—"
            )}
          </dd>
        </div>
        <div>
          <dt className="text-xs tracking-wide text-slate-500 uppercase">Playbook version</dt>
          <dd>v{run.versionNumber}, pinned when the run started</dd>
        </div>
        <div>
          <dt className="text-xs tracking-wide text-slate-500 uppercase">Started</dt>
          <dd>
            {run.startedByName}, <LocalTime value={run.startedAt} />
          </dd>
        </div>
        {run.completedAt ? (
          <div>
            <dt className="text-xs tracking-wide text-slate-500 uppercase">{run.status === "ABANDONED" ? "Abandoned" : "Completed"}</dt>
            <dd>
              <LocalTime value={run.completedAt} />
              {run.abandonReason ? `: ${run.abandonReason}` : ""}
            </dd>
          </div>
        ) : null}
      </dl>
      <div className="mt-4">
        <RunProgressBar progress={progress} />
      </div>
      {controls ? (
        <div className="mt-4">
          <RunClosePanel
            runId={run.id}
            version={run.version}
            openSteps={openSteps}
            completeAction={actions.completeRun}
            abandonAction={actions.abandonRun}
          />
        </div>
      ) : null}
      {groupByPhase(steps).map((group) => (
        <section key={group.phase} className="mt-6" aria-labelledby={`phase-${group.phase}`}>
          <h2 id={`phase-${group.phase}`} className="mb-2 text-sm font-semibold tracking-wide text-slate-500 uppercase">
            {PLAYBOOK_PHASE_LABELS[group.phase]}
          </h2>
          <ol className="space-y-3">
            {group.steps.map((step) => (
              <li key={step.id}>
                <RunStepCard
                  step={step}
                  incidentKey={run.incident?.key ?? null}
                  now={now}
                  meId={meId}
                  controls={controls}
                  assignees={assignees}
                  actions={actions}
                />
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}
