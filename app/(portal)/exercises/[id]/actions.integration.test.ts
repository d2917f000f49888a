import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/domain/roles";
import { makeActor, resetTables, testDb } from "@/tests/support/db";

// The signed-in user and Next's cache are the framework's; the test stands in for both.
const session = vi.hoisted(() => ({ actor: null as Actor | null, revalidated: [] as string[] }));
vi.mock("@/lib/auth/session", () => ({ requireActor: async () => session.actor }));
vi.mock("next/cache", () => ({ revalidatePath: (p: string) => void session.revalidated.push(p) }));

const { changeExerciseStatusAction, createFindingAction } = await import("./actions");

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

async function exercise(kind: "TABLETOP" | "PURPLE_TEAM", status: "PLANNED" | "IN_PROGRESS" | "COMPLETED") {
  return testDb().exercise.create({
    data: { kind, status, title: `${kind} exercise`, scenario: "Leaked service-account token", facilitator: "Dana" },
    select: { id: true },
  });
}

beforeEach(async () => {
  await resetTables("AuditEvent", "ActionItem", "Finding", "Exercise", "User");
  session.revalidated = [];
  session.actor = await makeActor("IR_MANAGER");
});

describe("exercise actions called directly", () => {
  it("refuse a purple team while the tabletop has an open high finding, with the gate's message, and change nothing", async () => {
    const tabletop = await exercise("TABLETOP", "COMPLETED");
    await testDb().finding.create({
      data: {
        exerciseId: tabletop.id,
        title: "Token not revocable in time",
        category: "PLAN",
        severity: "HIGH",
        recommendation: "Runbook",
      },
    });
    const purple = await exercise("PURPLE_TEAM", "PLANNED");
    const refused = await changeExerciseStatusAction(null, form({ id: purple.id, version: "0", to: "IN_PROGRESS" }));
    expect(refused).toMatchObject({ ok: false, message: expect.stringContaining("Token not revocable in time") });
    expect(refused).toMatchObject({ fieldErrors: { overrideReason: [expect.any(String)] } });
    expect((await testDb().exercise.findUniqueOrThrow({ where: { id: purple.id } })).status).toBe("PLANNED");
    expect(session.revalidated).toEqual([]);

    const overridden = await changeExerciseStatusAction(
      null,
      form({ id: purple.id, version: "0", to: "IN_PROGRESS", overrideReason: "Regulator's deadline" }),
    );
    expect(overridden).toMatchObject({ ok: true, message: "The exercise is in progress, with your override on the record." });
    expect(session.revalidated).toEqual(["/exercises"]);
  });

  it("answer a responder with the permission refusal, audited", async () => {
    session.actor = await makeActor("RESPONDER");
    const tabletop = await exercise("TABLETOP", "IN_PROGRESS");
    const result = await createFindingAction(
      null,
      form({ exerciseId: tabletop.id, title: "x", category: "OTHER", severity: "LOW", recommendation: "y" }),
    );
    expect(result).toEqual({ ok: false, message: "You do not have permission to do that." });
    expect(await testDb().finding.count()).toBe(0);
    expect(await testDb().auditEvent.count({ where: { outcome: "DENIED", actorId: session.actor.id } })).toBe(1);
  });
});
