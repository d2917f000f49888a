import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { appendAuditEvent } from "@/lib/dal/audit";
import { authorize } from "@/lib/dal/authorize";
import { ConflictError, messageTime, NotFoundError, ValidationError } from "@/lib/dal/errors";
import { incidentKey } from "@/lib/domain/incident-status";
import { renderTemplate } from "@/lib/domain/playbook-template";
import type { Actor } from "@/lib/domain/roles";
import { buildRunContext } from "@/lib/domain/run-context";
import { appendLiveEvent, runTopic } from "@/lib/dal/live-events";
import { IncidentKeyInput } from "@/lib/validation/incidents";

/** Enough alerts to find the container the incident is about and fill in its image and node (a run's context, and the collection commands'). */
export const CONTEXT_ALERT_LIMIT = 200;

export const contextAlertSelect = {
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
} satisfies Prisma.AlertSelect;

const FIELD = "playbookVersionId";

function alreadyRunning(key: string, playbook: string, active: { startedAt: Date; startedBy: { name: string } } | null): ConflictError {
  const by = active ? ` by ${active.startedBy.name} at ${messageTime(active.startedAt).text}` : "";
  return new ConflictError(
    `${playbook} is already running on ${key} (started${by || " a moment ago"}): open that run instead of starting another.`,
    {
      [FIELD]: ["Already running on this incident"],
    },
    active ? messageTime(active.startedAt) : undefined,
  );
}

/** The insert; a unique violation of the one-active-run index (a start this transaction could not see) is the same conflict. */
async function createRun(tx: Prisma.TransactionClient, key: string, playbook: string, data: Prisma.PlaybookRunUncheckedCreateInput) {
  try {
    return await tx.playbookRun.create({ data, select: { id: true, startedAt: true } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw alreadyRunning(key, playbook, null);
    throw error;
  }
}

/**
 * Starts a run of a published playbook version on an incident. The run pins that version (later
 * versions do not change it) and copies its steps with the instructions rendered once, now, with
 * the incident's container context, which is stored on the run as it was used.
 */
export async function startRun(actor: Actor, input: { incidentKey: string; playbookVersionId: string }): Promise<{ id: string }> {
  await authorize(actor, "runs.act", { type: "PlaybookRun" });
  const number = IncidentKeyInput.safeParse(input.incidentKey);
  return db().$transaction(async (tx) => {
    // The incident's row lock, held to commit, orders this start with every change of the incident
    // and every other start on it: a close that commits first is seen here (READ COMMITTED reads
    // the latest committed row once the lock is granted), and one that comes later waits for this
    // run. Without it, a run could start on an incident a concurrent transaction was closing.
    if (number.success) await tx.$queryRaw`SELECT id FROM "Incident" WHERE number = ${number.data} FOR UPDATE`;
    const incident = number.success
      ? await tx.incident.findUnique({
          where: { number: number.data },
          select: {
            id: true,
            number: true,
            status: true,
            cluster: true,
            namespace: true,
            workload: true,
            owners: { select: { role: true, contact: { select: { name: true } } }, orderBy: [{ role: "asc" }, { rank: "asc" }] },
          },
        })
      : null;
    if (!incident) throw new NotFoundError(`Incident ${input.incidentKey} was not found.`);
    const key = incidentKey(incident.number);
    if (incident.status === "CLOSED") throw new ValidationError(`${key} is closed; runs are started on open incidents.`);
    const version = await tx.playbookVersion.findUnique({
      where: { id: input.playbookVersionId },
      select: {
        id: true,
        number: true,
        status: true,
        playbookId: true,
        playbook: { select: { title: true, retiredAt: true } },
        steps: { orderBy: [{ position: "asc" }, { id: "asc" }] },
      },
    });
    if (!version) throw new ValidationError("Choose a published playbook.", { [FIELD]: ["Not found"] });
    const label = `${version.playbook.title} v${version.number}`;
    if (version.playbook.retiredAt)
      throw new ValidationError(`${version.playbook.title} is retired; choose another playbook.`, { [FIELD]: ["Retired"] });
    if (version.status !== "PUBLISHED") {
      throw new ValidationError(`${label} is ${version.status.toLowerCase()}; only published versions are run.`, {
        [FIELD]: ["Not published"],
      });
    }
    if (version.steps.length === 0) throw new ValidationError(`${label} has no steps to run.`, { [FIELD]: ["No steps"] });
    // Under the incident's lock no other start can slip in between this check and the insert; the
    // partial unique index (migration 20261202140000) is the database's own guarantee behind it.
    const active = await tx.playbookRun.findFirst({
      where: { incidentId: incident.id, status: "ACTIVE", playbookVersion: { playbookId: version.playbookId } },
      select: { startedAt: true, startedBy: { select: { name: true } } },
    });
    if (active) throw alreadyRunning(key, version.playbook.title, active);

    const alerts = await tx.alert.findMany({
      where: { incidentId: incident.id },
      orderBy: [{ eventTime: "desc" }, { id: "desc" }],
      take: CONTEXT_ALERT_LIMIT,
      select: contextAlertSelect,
    });
    const owners = {
      primary: incident.owners.find((o) => o.role === "PRIMARY")?.contact.name ?? null,
      secondary: incident.owners.filter((o) => o.role === "SECONDARY").map((o) => o.contact.name),
    };
    const context = buildRunContext(
      { key, cluster: incident.cluster, namespace: incident.namespace, workload: incident.workload },
      alerts,
      owners,
    );
    const run = await createRun(tx, key, version.playbook.title, {
      playbookVersionId: version.id,
      incidentId: incident.id,
      context,
      startedById: actor.id,
      steps: {
        create: version.steps.map((s) => ({
          playbookStepId: s.id,
          position: s.position,
          phase: s.phase,
          title: s.title,
          instructions: renderTemplate(s.instructions, context),
          responsibleRole: s.responsibleRole,
          expectedMinutes: s.expectedMinutes,
          evidenceExpected: s.evidenceExpected ? renderTemplate(s.evidenceExpected, context) : null,
        })),
      },
    });
    await tx.timelineEntry.create({
      data: {
        incidentId: incident.id,
        kind: "RUN",
        at: run.startedAt,
        actorId: actor.id,
        message: `Run of ${label} started by ${actor.name}`,
        data: { runId: run.id, playbookVersionId: version.id },
      },
    });
    await appendAuditEvent(tx, {
      actor,
      action: "run.start",
      targetType: "PlaybookRun",
      targetId: run.id,
      after: {
        incident: key,
        playbookVersionId: version.id,
        playbook: version.playbook.title,
        versionNumber: version.number,
        steps: version.steps.length,
        context,
      },
    });
    // The incident's timeline and runs section changed: open incident pages refresh.
    await appendLiveEvent(tx, { topic: "incidents", kind: "incident.updated", entityId: incident.id, actorId: actor.id });
    await appendLiveEvent(tx, { topic: runTopic(run.id), kind: "run.updated", entityId: run.id, actorId: actor.id });
    return { id: run.id };
  });
}
