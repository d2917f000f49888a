import { createHash } from "node:crypto";
import { beforeAll, beforeEach } from "vitest";
import { ingestFalcoEvents } from "@/lib/dal/ingest";
import { parseFalcoBody } from "@/lib/domain/falco/parse-body";
import { seedDemo } from "@/prisma/seed";
import { demoSnapshot, resetAllTables, restoreDemo, testDb } from "@/tests/support/db";

// Shared by the ingest correlation integration tests (lib/dal/ingest/opening and correlation
// *.integration.test.ts): the demo plan (prisma/seed.ts) and a detection source with threshold
// WARNING and default cluster prod-eu. On that plan prod-eu/payments is owned by Aisha Bello
// (primary) and Jonas Becker (secondary); the payments-* pattern by Jonas and Aisha; kube-system
// has no owners of its own (cluster prod-eu: Priya Raman, Tomás Oliveira); the cluster's security
// contacts are Helen Okafor and Marco Reyes.

const TOKEN = "bh_ingest-incidents-token-00000000000001";

export type EventSpec = {
  ns?: string | null;
  pod?: string | null;
  minute?: number;
  priority?: string;
  rule?: string;
  tags?: string[];
  cluster?: string;
  hostname?: string;
};
let counter = 0;

/** A Falco event of prod-eu/payments/payments-api at 10:00 UTC plus `minute` (each a nanosecond later than the one before), unless told otherwise. */
export function event(spec: EventSpec = {}): Record<string, unknown> {
  counter += 1;
  const minute = spec.minute ?? 0;
  const at = new Date(Date.UTC(2024, 5, 1, 10, 0, 0) + minute * 60_000)
    .toISOString()
    .replace(/\.\d+Z$/, `.${String(counter).padStart(9, "0")}Z`);
  const fields: Record<string, unknown> = {
    "container.id": "5c1d0e2f3a4b",
    "k8s.ns.name": spec.ns === undefined ? "payments" : spec.ns,
    "k8s.pod.name": spec.pod === undefined ? "payments-api-7d9f8b6c5d-x2kqp" : spec.pod,
    "proc.cmdline": "sh -c id",
  };
  if (spec.cluster) fields["k8s.cluster.name"] = spec.cluster;
  return {
    hostname: spec.hostname ?? "ip-10-42-17-88",
    output: `${spec.rule ?? "Terminal shell in container"} n=${counter}`,
    priority: spec.priority ?? "Warning",
    rule: spec.rule ?? "Terminal shell in container",
    source: "syscall",
    tags: spec.tags ?? ["container", "shell", "mitre_execution", "T1059"],
    time: at,
    output_fields: fields,
  };
}

/** One of Falco's own metrics snapshots (`source: internal`): stored, never an incident. */
export function metricsEvent(priority: string, time: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    hostname: "ip-10-42-17-88",
    output: "Falco metrics snapshot",
    priority,
    rule: "Falco internal: metrics snapshot",
    source: "internal",
    time,
    output_fields: fields,
  };
}

/**
 * A flush stamps its timeline entries at its own `now` plus 0–3 ms (opened, owners, what came
 * before, what joined: lib/domain/correlation/plan.ts), and the tests read an incident's timeline
 * in that order, expecting a later flush's entries after an earlier one's. On a fast machine two
 * flushes can start within the same millisecond or two, and a later flush's entry would then sort
 * before an earlier one's owners entry. Each call therefore starts once the clock has passed
 * everything the previous one can have stamped.
 */
const FLUSH_OFFSET_MS = 3;
let lastIngestAt = 0;

/** The events posted by the suite's source. */
export async function ingest(events: unknown[], window?: number) {
  const parsed = parseFalcoBody(JSON.stringify(events));
  if (!parsed.ok) throw new Error(parsed.error);
  while (Date.now() <= lastIngestAt + FLUSH_OFFSET_MS) await new Promise((resolve) => setTimeout(resolve, 1));
  try {
    return await ingestFalcoEvents(TOKEN, parsed.entries, { correlationWindowMinutes: window });
  } finally {
    lastIngestAt = Math.max(lastIngestAt, Date.now());
  }
}

/** The incident of key INC-nnnn, with what the tests look at. */
export const incident = (key: string) =>
  testDb().incident.findUniqueOrThrow({
    where: { number: Number(key.slice(4)) },
    include: {
      owners: {
        include: { contact: { select: { name: true } } },
        orderBy: [{ role: "asc" }, { rank: "asc" }],
      },
      timeline: { orderBy: [{ at: "asc" }, { id: "asc" }] },
      suggestedPlaybook: { select: { incidentType: true } },
      planRevision: { select: { number: true } },
    },
  });
/**
 * Registers the suite's setup: the demo seeded once, with the suite's source, and restored before
 * each test. The handle's fields are filled in before the first test.
 */
export function correlationSuite() {
  const suite = {
    sourceId: "",
    demo: undefined as unknown as Awaited<ReturnType<typeof demoSnapshot>>,
    /** Incidents besides the demo's. */
    newIncidents: () => testDb().incident.count({ where: { id: { notIn: suite.demo.incidents } } }),
  };
  beforeAll(async () => {
    await resetAllTables();
    await seedDemo(testDb(), { ingestToken: "bh_ingest-incidents-demo-token-000000001" });
    suite.demo = await demoSnapshot();
    const source = await testDb().detectionSource.create({
      data: {
        name: "falco-correlation",
        kind: "FALCOSIDEKICK",
        tokenHash: createHash("sha256").update(TOKEN).digest("hex"),
        tokenPrefix: TOKEN.slice(0, 8),
        defaultCluster: "prod-eu",
        minIncidentPriority: "WARNING",
      },
    });
    suite.sourceId = source.id;
  }, 120_000);
  beforeEach(async () => {
    await restoreDemo(suite.demo);
  });
  return suite;
}
