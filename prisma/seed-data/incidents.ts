import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Assets } from "./assets";
import { correlationKeyOf } from "@/lib/domain/correlation/key";
import { incidentKey } from "@/lib/domain/incident-status";
import { later, sha256Hex, type Clock } from "./clock";
import { falcoAlert } from "./falco-event";
import type { IncidentSeed } from "./incident-format";
import { INCIDENTS } from "./incident-stories";
import type { People } from "./people";
import type { SeededPlaybooks } from "./playbooks";

export type IncidentRefs = {
  people: People;
  assets: Assets;
  playbooks: SeededPlaybooks;
  planRevisionId: string;
  sourceId: string;
};

export type SeededIncidents = { keys: string[]; alertCount: number; lastAlertReceivedAt: Date | null };

export async function seedIncidents(tx: Tx, clock: Clock, refs: IncidentRefs): Promise<SeededIncidents> {
  const keys: string[] = [];
  let alertCount = 0;
  let lastAlertReceivedAt: Date | null = null;
  for (const seed of INCIDENTS) {
    const { key, alerts } = await seedIncident(tx, clock, seed, refs);
    keys.push(key);
    alertCount += alerts.length;
    for (const a of alerts) {
      if (!lastAlertReceivedAt || a.receivedAt > lastAlertReceivedAt) lastAlertReceivedAt = a.receivedAt;
    }
  }
  return { keys, alertCount, lastAlertReceivedAt };
}

async function seedIncident(tx: Tx, clock: Clock, seed: IncidentSeed, refs: IncidentRefs) {
  const { people, assets } = refs;
  const t0 = clock.ago(seed.firstAlertAgo);
  const { ctx, events } = seed.scenario(t0);
  const at = (span: IncidentSeed["times"]["triaged"]) => (span ? later(t0, span) : null);
  const alertRows = events.map((e) => falcoAlert(e, ctx, refs.sourceId));
  const eventTimes = alertRows.map((a) => new Date(a.eventTime).getTime());
  const firstAlertAt = new Date(Math.min(...eventTimes));
  const detectedAt = new Date(Math.min(...alertRows.map((a) => new Date(a.receivedAt ?? a.eventTime).getTime())));

  const incident = await tx.incident.create({
    data: {
      title: seed.title,
      type: seed.type,
      severity: seed.severity,
      status: seed.status,
      summary: seed.summary,
      correlationKey: correlationKeyOf(ctx),
      cluster: ctx.cluster,
      namespace: ctx.namespace,
      workload: ctx.workload,
      clusterId: assets.clusters[ctx.cluster as keyof Assets["clusters"]],
      namespaceId: assets.namespaces[`${ctx.cluster}/${ctx.namespace}`] ?? null,
      commanderId: people.users[seed.commander].id,
      suggestedPlaybookId: refs.playbooks[seed.playbook].playbookId,
      planRevisionId: refs.planRevisionId,
      attackTechniques: seed.attackTechniques,
      attackTactics: seed.attackTactics,
      alertCount: events.length,
      firstAlertAt,
      lastAlertAt: new Date(Math.max(...eventTimes)),
      detectedAt,
      triagedAt: at(seed.times.triaged),
      containedAt: at(seed.times.contained),
      eradicatedAt: at(seed.times.eradicated),
      recoveredAt: at(seed.times.recovered),
      resolvedAt: at(seed.times.resolved),
      version: seed.timeline.filter((t) => t.kind === "STATUS_CHANGE").length,
      createdAt: detectedAt,
    },
    select: { id: true, number: true },
  });
  const key = incidentKey(incident.number);

  const alerts = await tx.alert.createManyAndReturn({
    data: alertRows.map((a) => ({ ...a, incidentId: incident.id })),
    select: { id: true, rule: true, priority: true, receivedAt: true, processCmdline: true },
  });

  await tx.incidentOwner.createMany({
    data: seed.owners.map((o, rank) => ({
      incidentId: incident.id,
      rank,
      contactId: people.contacts[o.contact],
      role: o.role,
      inheritedFrom: o.inheritedFrom,
      createdAt: detectedAt,
    })),
  });

  const timeline: Prisma.TimelineEntryCreateManyInput[] = alerts.map((a, i) => ({
    incidentId: incident.id,
    kind: "ALERT",
    at: a.receivedAt,
    message:
      i === 0
        ? `Opened from Falco alert "${a.rule}" (${a.priority}) on ${ctx.pod} in ${ctx.cluster}/${ctx.namespace}.`
        : `Alert joined: "${a.rule}" (${a.priority}) on ${ctx.pod}: ${a.processCmdline ?? "no command line"}.`,
    data: { alertId: a.id, rule: a.rule, priority: a.priority },
  }));
  timeline.push({
    incidentId: incident.id,
    kind: "OWNERS",
    at: later(detectedAt, { seconds: 1 }),
    message: seed.ownersMessage,
    data: seed.owners.map((o) => ({ contactId: people.contacts[o.contact], role: o.role, inheritedFrom: o.inheritedFrom })),
  });
  for (const entry of seed.timeline) {
    timeline.push({
      incidentId: incident.id,
      kind: entry.kind,
      at: later(t0, entry.after),
      message: entry.message,
      actorId: entry.actor ? people.users[entry.actor].id : null,
      data: entry.statusChange ?? undefined,
    });
  }
  await tx.timelineEntry.createMany({ data: timeline });

  for (const [i, ev] of seed.evidence.entries()) {
    const collectedAt = later(t0, ev.after);
    const sha256 = sha256Hex(`bulkhead-demo-evidence:${key}/${ev.file}`);
    const collectorId = people.users[ev.collectedBy].id;
    const custody: Prisma.CustodyEventUncheckedCreateWithoutEvidenceInput[] = [
      { action: "COLLECTED", actorId: collectorId, at: collectedAt, sha256, note: "Hashed with sha256sum at collection." },
      {
        action: "TRANSFERRED",
        actorId: collectorId,
        at: later(collectedAt, { minutes: 4 }),
        note: "Uploaded to the evidence bucket (object lock, compliance mode).",
      },
    ];
    if (ev.verifiedBy) {
      custody.push({
        action: "VERIFIED",
        actorId: people.users[ev.verifiedBy].id,
        at: later(collectedAt, { hours: 2 }),
        sha256,
        note: "Re-hashed the bucket copy: matches the hash at collection.",
      });
    }
    await tx.evidence.create({
      data: {
        incidentId: incident.id,
        number: i + 1,
        kind: ev.kind,
        description: ev.description,
        containerId: ctx.containerId,
        podName: ctx.pod,
        storageLocation: `s3://example-ir-evidence-eu/${key}/${ev.file}`,
        sha256,
        sizeBytes: BigInt(ev.sizeBytes),
        collectedById: collectorId,
        createdById: collectorId,
        collectedAt,
        createdAt: collectedAt,
        custodyEvents: { create: custody },
      },
    });
  }
  return { key, alerts };
}
