// The demo's live playbook run: the shell-in-payments-api incident (TRIAGED, a few hours old) is
// being worked through the "Interactive shell" playbook, with steps in every state, so a newcomer
// opens a run that is clearly under way. Rendered exactly as lib/dal/run-start.ts renders a run.
import type { Tx } from "@/lib/db";
import type { RunStepStatus } from "@/lib/generated/prisma/enums";
import { renderTemplate } from "@/lib/domain/playbook-template";
import { buildRunContext } from "@/lib/domain/run-context";
import { later, type Clock } from "./clock";
import { INCIDENTS } from "./incident-stories";
import type { People, UserKey } from "./people";
import type { SeededPlaybooks } from "./playbooks";

/** How far each step of the run has got, by position (steps past the list are TODO). */
type StepProgress = {
  status: RunStepStatus;
  by: UserKey;
  /** Minutes after the incident's first alert the step was started / finished. */
  started?: number;
  finished?: number;
  assignee?: UserKey;
  reason?: string;
  notes?: string;
};

const PROGRESS: StepProgress[] = [
  {
    status: "DONE",
    by: "responder",
    started: 30,
    finished: 38,
    notes: "EKS audit log: pods/exec by the gitlab-deployer IAM role from 198.51.100.77, which is not one of our CI runners.",
  },
  {
    status: "DONE",
    by: "responder",
    started: 39,
    finished: 44,
    notes: "Manifest and logs registered as evidence; pod labelled for quarantine.",
  },
  {
    status: "IN_PROGRESS",
    by: "responder",
    started: 46,
    assignee: "responder",
    notes: "Deny-all policy written; checking the checkout health checks still reach the other replicas before applying.",
  },
  {
    status: "SKIPPED",
    by: "manager",
    finished: 50,
    reason:
      "Aisha keeps the pod serving behind the quarantine policy: it carries a third of checkout at peak, and its service account could not list Secrets (403).",
  },
  {
    status: "BLOCKED",
    by: "manager",
    started: 55,
    assignee: "manager",
    reason:
      "Waiting for Jonas to rotate the gitlab-deployer access key: revoking the role before the new key is in the pipeline stops every payments deploy.",
  },
];

const INCIDENT_TITLE = "Terminal shell in payments-api container";

export async function seedActiveRun(
  tx: Tx,
  clock: Clock,
  refs: { people: People; playbooks: SeededPlaybooks },
): Promise<{ runId: string }> {
  const story = INCIDENTS.find((i) => i.title === INCIDENT_TITLE);
  if (!story) throw new Error(`The demo has no incident "${INCIDENT_TITLE}" to run a playbook on.`);
  const t0 = clock.ago(story.firstAlertAgo);
  const at = (minutes: number | undefined) => (minutes === undefined ? null : later(t0, { minutes }));
  const user = (key: UserKey) => refs.people.users[key];

  const incident = await tx.incident.findFirstOrThrow({
    where: { title: INCIDENT_TITLE },
    select: {
      id: true,
      number: true,
      cluster: true,
      namespace: true,
      workload: true,
      owners: { select: { role: true, contact: { select: { name: true } } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      alerts: {
        orderBy: [{ eventTime: "desc" }, { id: "desc" }],
        select: {
          eventTime: true,
          cluster: true,
          namespace: true,
          workload: true,
          podName: true,
          containerId: true,
          containerName: true,
          imageRepository: true,
          imageTag: true,
          imageDigest: true,
          nodeName: true,
          hostname: true,
        },
      },
    },
  });
  const version = await tx.playbookVersion.findUniqueOrThrow({
    where: { id: refs.playbooks[story.playbook].versionId },
    select: { id: true, number: true, playbook: { select: { title: true } }, steps: { orderBy: [{ position: "asc" }, { id: "asc" }] } },
  });
  const key = `INC-${String(incident.number).padStart(4, "0")}`;
  const context = buildRunContext(
    { key, cluster: incident.cluster, namespace: incident.namespace, workload: incident.workload },
    incident.alerts,
    {
      primary: incident.owners.find((o) => o.role === "PRIMARY")?.contact.name ?? null,
      secondary: incident.owners.filter((o) => o.role === "SECONDARY").map((o) => o.contact.name),
    },
  );
  const startedAt = later(t0, { minutes: 30 });

  const run = await tx.playbookRun.create({
    data: {
      playbookVersionId: version.id,
      incidentId: incident.id,
      context,
      startedById: user("responder").id,
      startedAt,
      createdAt: startedAt,
      steps: {
        create: version.steps.map((s, i) => {
          const p = PROGRESS[i];
          return {
            playbookStepId: s.id,
            position: s.position,
            phase: s.phase,
            title: s.title,
            instructions: renderTemplate(s.instructions, context),
            responsibleRole: s.responsibleRole,
            expectedMinutes: s.expectedMinutes,
            status: p?.status ?? "TODO",
            assigneeId: p?.assignee ? user(p.assignee).id : null,
            reason: p?.reason ?? null,
            notes: p?.notes ?? null,
            startedAt: at(p?.started),
            finishedAt: at(p?.finished),
            updatedById: p ? user(p.by).id : null,
            // Each change of a step moves its version, as updateRunStep does.
            version: p ? (p.started !== undefined ? 1 : 0) + (p.finished !== undefined || p.status === "BLOCKED" ? 1 : 0) : 0,
            createdAt: startedAt,
          };
        }),
      },
    },
    select: { id: true },
  });
  await tx.timelineEntry.create({
    data: {
      incidentId: incident.id,
      kind: "RUN",
      at: startedAt,
      actorId: user("responder").id,
      message: `Run of ${version.playbook.title} v${version.number} started by ${user("responder").name}`,
      data: { runId: run.id, playbookVersionId: version.id },
    },
  });
  return { runId: run.id };
}
