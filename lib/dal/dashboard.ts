import "server-only";
import { db } from "@/lib/db";
import { authorize } from "@/lib/dal/authorize";
import { INCIDENT_LIFECYCLE } from "@/lib/domain/incident-status";
import type { Actor } from "@/lib/domain/roles";
import type { DashboardSummaryDto } from "@/lib/dto/dashboard";

/**
 * Every state but CLOSED, listed: `status IN (…)` reads the few open rows from the (status,
 * severity) index, where `status <> 'CLOSED'` made PostgreSQL scan every incident ever closed.
 */
const OPEN_STATUSES = INCIDENT_LIFECYCLE.filter((s) => s !== "CLOSED");

export async function getDashboardSummary(actor: Actor): Promise<DashboardSummaryDto> {
  await authorize(actor, "incidents.read");
  const client = db();
  const [bySeverity, activeRuns, publishedPlaybooks, clusters, contacts, lastExercise, planRevision] = await Promise.all([
    client.incident.groupBy({ by: ["severity"], where: { status: { in: OPEN_STATUSES } }, _count: { _all: true } }),
    client.playbookRun.count({ where: { status: "ACTIVE" } }),
    client.playbook.count({ where: { retiredAt: null, versions: { some: { status: "PUBLISHED" } } } }),
    client.cluster.count(),
    client.contact.count({ where: { active: true } }),
    client.exercise.findFirst({
      where: { status: "COMPLETED" },
      orderBy: { conductedAt: "desc" },
      select: { title: true, kind: true, conductedAt: true },
    }),
    client.planRevision.findFirst({
      where: { status: "PUBLISHED" },
      orderBy: { number: "desc" },
      select: { number: true, publishedAt: true },
    }),
  ]);
  const openBySeverity: DashboardSummaryDto["openBySeverity"] = { SEV1: 0, SEV2: 0, SEV3: 0, SEV4: 0 };
  for (const row of bySeverity) openBySeverity[row.severity] = row._count._all;
  return {
    openIncidents: Object.values(openBySeverity).reduce((a, b) => a + b, 0),
    openBySeverity,
    activeRuns,
    publishedPlaybooks,
    clusters,
    contacts,
    lastExercise,
    planRevision,
  };
}
