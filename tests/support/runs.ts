// What the playbook-run integration tests start from: a published (or draft, or retired) playbook
// of three container-aware steps, an incident with its owners and one alert carrying the
// container context, and a run of one on the other.
import { getRunOrThrow, startRun } from "@/lib/dal/runs";
import { incidentKey } from "@/lib/domain/incident-status";
import type { Actor } from "@/lib/domain/roles";
import { makeActor, resetTables, testDb } from "@/tests/support/db";
import { encodeRawEvent } from "@/lib/domain/falco/raw-event";

export const STEPS = [
  {
    phase: "DETECTION_ANALYSIS",
    title: "Preserve the pod",
    instructions: "kubectl get pod {{pod}} -n {{namespace}} -o yaml > {{incident_key}}-pod.yaml",
    responsibleRole: "DEPUTY_COMMANDER",
    expectedMinutes: 15,
  },
  {
    phase: "CONTAINMENT",
    title: "Isolate the pod",
    instructions:
      "Quarantine {{container_name}} ({{container_id}}) of `{{image}}@{{image_digest}}` on {{node}}; tell {{primary_owner}}, else {{secondary_owner}}.",
    responsibleRole: "DEVOPS_PRIMARY",
    expectedMinutes: 10,
  },
  {
    phase: "RECOVERY",
    title: "Rebuild from a trusted image",
    instructions: "Redeploy {{workload}} on {{cluster}}.",
    responsibleRole: null,
    expectedMinutes: null,
  },
] as const;

/** Empties the tables runs touch; a responder (riley) and a manager (morgan). */
export async function resetRuns(): Promise<{ responder: Actor; manager: Actor }> {
  await resetTables(
    "LiveEvent",
    "AuditEvent",
    "RunStep",
    "PlaybookRun",
    "PlaybookStep",
    "PlaybookVersion",
    "Playbook",
    "TimelineEntry",
    "IncidentOwner",
    "Alert",
    "Incident",
    "DetectionSource",
    "Contact",
    "User",
  );
  return { responder: await makeActor("RESPONDER", "riley"), manager: await makeActor("IR_MANAGER", "morgan") };
}

export async function playbook(title: string, status: "PUBLISHED" | "DRAFT" = "PUBLISHED", retired = false) {
  const row = await testDb().playbook.create({
    data: {
      title,
      incidentType: "SHELL_IN_CONTAINER",
      retiredAt: retired ? new Date() : null,
      versions: {
        create: {
          number: 1,
          status,
          publishedAt: status === "PUBLISHED" ? new Date() : null,
          steps: { create: STEPS.map((s, i) => ({ ...s, position: i + 1 })) },
        },
      },
    },
    select: { id: true, versions: { select: { id: true } } },
  });
  return { playbookId: row.id, versionId: row.versions[0]!.id };
}

export async function incident(suggestedPlaybookId?: string) {
  const db = testDb();
  const source = await db.detectionSource.create({
    data: { name: `falco-${Date.now()}-${Math.random()}`, kind: "FALCO", tokenHash: `h${Math.random()}`, tokenPrefix: "bh_" },
  });
  const [primary, secondary] = await Promise.all([
    db.contact.create({ data: { name: "Priya Patel", email: `priya-${Math.random()}@x.test` } }),
    db.contact.create({ data: { name: "Sam Okafor", email: `sam-${Math.random()}@x.test` } }),
  ]);
  const row = await db.incident.create({
    data: {
      title: "Terminal shell in container",
      type: "SHELL_IN_CONTAINER",
      severity: "SEV2",
      cluster: "prod-eu",
      namespace: "payments",
      workload: "payments-api",
      suggestedPlaybookId: suggestedPlaybookId ?? null,
      owners: {
        create: [
          { contactId: primary.id, role: "PRIMARY" },
          { contactId: secondary.id, role: "SECONDARY" },
        ],
      },
      alerts: {
        create: [
          {
            sourceId: source.id,
            dedupKey: `a${Math.random()}`,
            eventTime: new Date("2026-11-28T09:00:00Z"),
            rule: "Terminal shell in container",
            priority: "NOTICE",
            output: "shell",
            raw: encodeRawEvent({}),
            podName: "payments-api-7d9f-abcde",
            containerId: "0123456789ab",
            containerName: "api",
            imageRepository: "ghcr.io/acme/payments-api",
            imageTag: "1.4.2",
            imageDigest: "sha256:feedfeedfeedfeedfeedfeedfeedfeedfeedfeedfeedfeedfeedfeedfeedfeed",
            nodeName: "ip-10-0-1-12",
          },
        ],
      },
    },
    select: { id: true, number: true },
  });
  return { id: row.id, key: incidentKey(row.number) };
}

/** A run of the shell playbook on a fresh incident, started by the responder. */
export async function startedRun(responder: Actor) {
  const { playbookId, versionId } = await playbook("Interactive shell in a production container");
  const inc = await incident(playbookId);
  const { id } = await startRun(responder, { incidentKey: inc.key, playbookVersionId: versionId });
  const run = await getRunOrThrow(responder, id);
  return { inc, versionId, run, step: (title: string) => run.steps.find((s) => s.title === title)! };
}

export const liveEvents = (runId: string) => testDb().liveEvent.findMany({ where: { topic: `run:${runId}` }, orderBy: { id: "asc" } });
