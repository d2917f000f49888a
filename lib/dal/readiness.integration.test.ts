import { beforeEach, describe, expect, it, vi } from "vitest";
import { createPrismaClient } from "@/lib/db";
import { getPlanReadiness } from "@/lib/dal/readiness";
import type { Actor } from "@/lib/domain/roles";
import { seedDemo } from "@/prisma/seed";
import { makeActor, resetAllTables, testDatabaseUrl, testDb } from "@/tests/support/db";

// The route handler's session lookup needs a request; the tests say who is signed in instead.
const signedIn = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => signedIn.actor }));
const { GET } = await import("@/app/api/plan/readiness/route");

const DATA_PIPELINE = "/plan/platform#prod-eu/data-pipeline";

let manager: Actor;

beforeEach(async () => {
  await resetAllTables();
  const prisma = createPrismaClient(testDatabaseUrl(), 2);
  try {
    const result = await seedDemo(prisma, {});
    if (!result.seeded) throw new Error(result.reason);
  } finally {
    await prisma.$disconnect();
  }
  const row = await testDb().user.findUniqueOrThrow({
    where: { email: "manager@bulkhead.local" },
    select: { id: true, email: true, name: true, role: true },
  });
  manager = row;
});

describe("plan readiness of the demo", () => {
  it("scores the demo and names its deliberate gap: data-pipeline's only secondary owner is inactive", async () => {
    const readiness = await getPlanReadiness(manager);
    expect(readiness.score).toBeGreaterThanOrEqual(0);
    expect(readiness.score).toBeLessThanOrEqual(100);
    expect(readiness.score).toBeLessThan(100);
    expect(readiness.gaps).toContainEqual({
      check: "owner-currency",
      kind: "inactive-owner",
      message: "prod-eu/data-pipeline: secondary owner Kenji Watanabe is inactive",
      href: DATA_PIPELINE,
    });
    // Ravi Menon's details are 118 days old in the demo; six core incident types have playbooks (malware has none).
    expect(readiness.gaps.some((g) => g.kind === "stale-owner-review" && g.message.startsWith("Ravi Menon"))).toBe(true);
    expect(readiness.checks.find((c) => c.kind === "playbook-coverage")).toMatchObject({ passed: 6, total: 7 });
    // 3 clusters, 12 namespace rows and 10 workloads, each with a distinct primary and secondary.
    expect(readiness.checks.find((c) => c.kind === "owner-coverage")).toMatchObject({ passed: 25, total: 25 });
    for (const kind of ["plan-roles", "escalation", "plan-revision", "tabletop-recency"]) {
      expect(
        readiness.checks.find((c) => c.kind === kind),
        kind,
      ).toMatchObject({ fraction: 1 });
    }
  });

  it("measures practice from the exercise record: the cryptominer playbook exercised, one action item overdue", async () => {
    const readiness = await getPlanReadiness(manager);
    const db = testDb();
    const exercised = readiness.checks.find((c) => c.kind === "playbooks-exercised")!;
    expect(exercised.total).toBe(6);
    expect(exercised.passed).toBeGreaterThanOrEqual(1);
    expect(readiness.gaps.some((g) => g.kind === "playbook-not-exercised" && g.message.includes("Cryptominer"))).toBe(false);

    const overdue = await db.actionItem.findMany({
      where: { status: { in: ["OPEN", "IN_PROGRESS"] }, dueAt: { lt: new Date() } },
      select: { id: true, title: true, finding: { select: { exerciseId: true } } },
    });
    expect(overdue).toHaveLength(1);
    const open = await db.actionItem.count({ where: { status: { in: ["OPEN", "IN_PROGRESS"] } } });
    expect(readiness.checks.find((c) => c.kind === "action-items")).toMatchObject({ passed: open - 1, total: open });
    expect(readiness.gaps.filter((g) => g.check === "action-items")).toEqual([
      {
        check: "action-items",
        kind: "overdue-action-item",
        message: expect.stringMatching(new RegExp(`^Action item “${overdue[0]!.title}” is overdue by \\d+ days?$`)),
        href: `/exercises/${overdue[0]!.finding.exerciseId}#action-item-${overdue[0]!.id}`,
      },
    ]);
  });

  it("counts only exercises completed in the last 12 months, and only completed tabletops", async () => {
    const db = testDb();
    const later = new Date(Date.now() + 400 * 86_400_000);
    const readiness = await getPlanReadiness(manager, later);
    expect(readiness.checks.find((c) => c.kind === "playbooks-exercised")).toMatchObject({ passed: 0 });
    expect(readiness.gaps.find((g) => g.kind === "no-recent-tabletop")?.message).toMatch(/^No tabletop exercise in the last 12 months/);

    await db.exercise.updateMany({ where: { kind: "TABLETOP" }, data: { status: "CANCELLED", cancelReason: "test" } });
    const none = await getPlanReadiness(manager);
    expect(none.gaps.find((g) => g.kind === "no-recent-tabletop")).toMatchObject({
      message: "No tabletop exercise has been conducted",
      href: "/exercises/new",
    });
  });

  it("raises the score and drops the gap once an active, reviewed contact replaces the inactive owner", async () => {
    const before = await getPlanReadiness(manager);
    const db = testDb();
    const kenji = await db.contact.findUniqueOrThrow({ where: { email: "kenji.watanabe@example.com" }, select: { id: true } });
    const successor = await db.contact.create({
      data: { name: "Lena Park", email: "lena.park@example.com", team: "Data Platform", lastReviewedAt: new Date() },
      select: { id: true },
    });
    const { count } = await db.ownership.updateMany({
      where: { contactId: kenji.id, role: "SECONDARY" },
      data: { contactId: successor.id },
    });
    expect(count).toBe(1);

    const after = await getPlanReadiness(manager);
    expect(after.score).toBeGreaterThan(before.score);
    expect(after.gaps.some((g) => g.href === DATA_PIPELINE)).toBe(false);
    expect(after.gaps.some((g) => g.message.includes("Kenji Watanabe"))).toBe(false);
    const currency = (r: typeof before) => r.checks.find((c) => c.kind === "owner-currency")!.passed!;
    // The namespace and its two workloads, which inherit its owners, now pass.
    expect(currency(after) - currency(before)).toBe(3);
  });

  it("refuses no one: every role reads readiness and nothing is denied", async () => {
    for (const role of ["ADMIN", "IR_MANAGER", "RESPONDER", "AUDITOR"] as const) {
      const actor = await makeActor(role);
      await expect(getPlanReadiness(actor), role).resolves.toMatchObject({ score: expect.any(Number) });
    }
    expect(await testDb().auditEvent.count({ where: { outcome: "DENIED" } })).toBe(0);
  });
});

describe("GET /api/plan/readiness", () => {
  it("answers 401 JSON to someone not signed in", async () => {
    signedIn.actor = null;
    const response = await GET(new Request("http://bulkhead.test/api/plan/readiness"));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: expect.stringContaining("Sign in") });
  });

  it.each(["RESPONDER", "AUDITOR"] as const)("answers %s with the score, the checks and the gaps", async (role) => {
    signedIn.actor = await makeActor(role);
    const response = await GET(new Request("http://bulkhead.test/api/plan/readiness"));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as {
      score: number;
      measuredAt: string;
      checks: unknown[];
      gaps: { kind: string; href: string }[];
    };
    expect(body.score).toBeGreaterThanOrEqual(0);
    expect(body.score).toBeLessThanOrEqual(100);
    expect(new Date(body.measuredAt).getTime()).not.toBeNaN();
    expect(body.checks).toHaveLength(9);
    expect(body.gaps).toContainEqual(expect.objectContaining({ kind: "inactive-owner", href: DATA_PIPELINE }));
  });
});
