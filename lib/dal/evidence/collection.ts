import "server-only";
import { db } from "@/lib/db";
import { authorize } from "@/lib/dal/authorize";
import { NotFoundError } from "@/lib/dal/errors";
import { CONTEXT_ALERT_LIMIT, contextAlertSelect } from "@/lib/dal/run-start";
import type { ContainerRuntime } from "@/lib/dto/enums";
import { planCollection, type CollectionPlan, type CollectionTarget } from "@/lib/domain/evidence/collection";
import { incidentKey } from "@/lib/domain/incident-status";
import type { Actor } from "@/lib/domain/roles";
import { buildRunContext } from "@/lib/domain/run-context";
import { env } from "@/lib/env";
import { IncidentKeyInput } from "@/lib/validation/incidents";

export type CollectionPlanDto = CollectionPlan & {
  incidentKey: string;
  runtime: ContainerRuntime | null;
  target: CollectionTarget;
  /** The newest alert of the incident: how long the container has been quiet. */
  lastAlertAt: Date | null;
};

/**
 * The collection commands for an incident's container, for the runtime of its cluster (as the
 * plan's platform records it). The container context is the one a run would get (the newest
 * alert naming a container, lib/domain/run-context.ts); every value in it came from an alert, so
 * lib/domain/evidence/collection.ts validates and quotes each before it reaches a command.
 */
export async function getCollectionPlan(actor: Actor, key: string, now: Date = new Date()): Promise<CollectionPlanDto> {
  await authorize(actor, "evidence.read", { type: "Incident" });
  const number = IncidentKeyInput.safeParse(key);
  const incident = number.success
    ? await db().incident.findUnique({
        where: { number: number.data },
        select: { id: true, number: true, cluster: true, namespace: true, workload: true, firstAlertAt: true },
      })
    : null;
  if (!incident) throw new NotFoundError(`Incident ${key} was not found.`);
  const theKey = incidentKey(incident.number);
  const [alerts, cluster] = await Promise.all([
    db().alert.findMany({
      where: { incidentId: incident.id },
      orderBy: [{ eventTime: "desc" }, { id: "desc" }],
      take: CONTEXT_ALERT_LIMIT,
      select: contextAlertSelect,
    }),
    incident.cluster ? db().cluster.findUnique({ where: { name: incident.cluster }, select: { runtime: true } }) : null,
  ]);
  const context = buildRunContext(
    { key: theKey, cluster: incident.cluster, namespace: incident.namespace, workload: incident.workload },
    alerts,
    {
      primary: null,
      secondary: [],
    },
  );
  const lastAlertAt = alerts[0]?.eventTime ?? null;
  const lifetimeMs = env().BULKHEAD_CONTAINER_LIFETIME_MINUTES * 60_000;
  const target: CollectionTarget = {
    incidentKey: theKey,
    runtime: cluster?.runtime ?? null,
    cluster: context.cluster ?? null,
    namespace: context.namespace ?? null,
    pod: context.pod ?? null,
    containerName: context.container_name ?? null,
    containerId: context.container_id ?? null,
    node: context.node ?? null,
    workload: context.workload ?? null,
    image: context.image ?? null,
    imageDigest: context.image_digest ?? null,
    // The node's journal from an hour before the first alert: what led up to it, too.
    since: incident.firstAlertAt ? new Date(incident.firstAlertAt.getTime() - 3_600_000) : null,
    probablyGone: lastAlertAt !== null && now.getTime() - lastAlertAt.getTime() > lifetimeMs,
  };
  return { incidentKey: theKey, runtime: target.runtime, target, lastAlertAt, ...planCollection(target) };
}
