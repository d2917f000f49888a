// The demo seed: what a new user sees first. Runs only against a database without users, in one
// transaction, so it either writes the whole demo or nothing.
//
// As a command (lib/db.ts and lib/dal/audit.ts import "server-only", which only resolves under the
// react-server condition):
//   node --conditions=react-server --import tsx prisma/seed.ts
// seeds $DATABASE_URL, with $BULKHEAD_DEMO_INGEST_TOKEN as the Falco ingest token when set.
import { newSourceToken, sourceTokenHash } from "@/lib/domain/source-token";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { hashPassword } from "@/lib/auth/password";
import { appendAuditEvent } from "@/lib/dal/audit";
import { createPrismaClient } from "@/lib/db";
import type { PrismaClient, Role } from "@/lib/generated/prisma/client";
import { seedAssets } from "./seed-data/assets";
import { clockAt } from "./seed-data/clock";
import { seedExercises } from "./seed-data/exercises";
import { seedIncidents } from "./seed-data/incidents";
import { DEMO_PASSWORD, DEMO_USERS, seedPeople, type UserKey } from "./seed-data/people";
import { seedPlanRevisions } from "./seed-data/plan";
import { seedPlaybooks } from "./seed-data/playbooks";
import { seedActiveRun } from "./seed-data/runs";

export type SeedDemoResult =
  { seeded: false; reason: string } | { seeded: true; ingestToken: string; users: { email: string; role: Role }[] };

export const DEMO_SOURCE_NAME = "falcosidekick-prod-eu";

/** Any fixed number, distinct from the audit chain's: two instances starting at once seed once. */
const SEED_LOCK = 7_310_500;

function alreadySeeded(users: number): { seeded: false; reason: string } {
  return {
    seeded: false,
    reason: `The database already has ${users} user${users === 1 ? "" : "s"}; the demo seed only runs on a database without users.`,
  };
}

export async function seedDemo(prisma: PrismaClient, options: { ingestToken?: string }): Promise<SeedDemoResult> {
  // Cheap early exit before hashing passwords; the check that counts is the one under the lock.
  const users = await prisma.user.count();
  if (users > 0) return alreadySeeded(users);

  const ingestToken = options.ingestToken || newSourceToken();
  const passwordHashes = {} as Record<UserKey, string>;
  for (const u of DEMO_USERS) passwordHashes[u.key] = await hashPassword(DEMO_PASSWORD);
  const clock = clockAt(new Date());

  return prisma.$transaction(
    async (tx): Promise<SeedDemoResult> => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK})`;
      const existing = await tx.user.count();
      if (existing > 0) return alreadySeeded(existing);

      const people = await seedPeople(tx, clock, passwordHashes);
      const managerId = people.users.manager.id;
      const plan = await seedPlanRevisions(tx, clock, managerId);
      const assets = await seedAssets(tx, people.contacts);
      const playbooks = await seedPlaybooks(tx, clock, managerId);

      const source = await tx.detectionSource.create({
        data: {
          name: DEMO_SOURCE_NAME,
          kind: "FALCOSIDEKICK",
          tokenHash: sourceTokenHash(ingestToken),
          tokenPrefix: ingestToken.slice(0, 8),
          defaultCluster: "prod-eu",
          minIncidentPriority: "WARNING",
          createdById: people.users.admin.id,
          createdAt: clock.ago({ days: 120 }),
        },
        select: { id: true, name: true, tokenPrefix: true },
      });
      const incidents = await seedIncidents(tx, clock, {
        people,
        assets,
        playbooks,
        // The incidents are recent: the revision in force for them is the latest.
        planRevisionId: plan.inForce.id,
        sourceId: source.id,
      });
      const run = await seedActiveRun(tx, clock, { people, playbooks });
      await tx.detectionSource.update({
        where: { id: source.id },
        data: { alertCount: incidents.alertCount, lastSeenAt: incidents.lastAlertReceivedAt },
      });
      const exercises = await seedExercises(tx, clock, { people, assets, playbooks, planRevisions: plan.revisions });

      await appendAuditEvent(tx, {
        actorEmail: "seed",
        action: "demo.seeded",
        targetType: "Database",
        after: {
          users: DEMO_USERS.map((u) => ({ email: u.email, role: u.role })),
          contacts: Object.keys(people.contacts).length,
          clusters: Object.keys(assets.clusters),
          namespaces: Object.keys(assets.namespaces).length,
          planRevisions: plan.revisions.map((r) => ({ id: r.id, number: r.number })),
          playbooks: Object.values(playbooks).map((p) => p.playbookId),
          detectionSource: { id: source.id, name: source.name, tokenPrefix: source.tokenPrefix },
          incidents: incidents.keys,
          alerts: incidents.alertCount,
          activeRun: run.runId,
          // In the order they happened, keyed by their part in the story (prisma/seed-data/exercise-story.ts).
          exercises,
        },
        // Not a request: keep the audit row from looking for request headers.
        origin: { ip: null, userAgent: "bulkhead seed", requestId: null },
      });

      return { seeded: true, ingestToken, users: DEMO_USERS.map((u) => ({ email: u.email, role: u.role })) };
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set: point it at a migrated PostgreSQL database.");
    process.exitCode = 1;
    return;
  }
  const prisma = createPrismaClient(url, 2);
  try {
    const result = await seedDemo(prisma, { ingestToken: process.env.BULKHEAD_DEMO_INGEST_TOKEN || undefined });
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await prisma.$disconnect();
  }
}

const invokedPath = process.argv[1] ? path.resolve(process.argv[1]) : null;
if (invokedPath && import.meta.url === pathToFileURL(invokedPath).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
