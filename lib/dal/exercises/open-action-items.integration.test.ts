import { beforeEach, describe, expect, it } from "vitest";
import { listOpenActionItemsConcerning } from "@/lib/dal/exercises/open-action-items";
import type { Actor } from "@/lib/domain/roles";
import type { ActionItemStatus } from "@/lib/dto/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { makeActor, resetTables, testDb } from "@/tests/support/db";

// The loop back into the work: the incident, playbook and plan pages list the open action items
// whose finding concerns them, overdue first.

const DAY = 86_400_000;
let auditor: Actor;
let ids: { playbook: string; otherPlaybook: string; cluster: string; exercise: string; incident: string };

type Concern = Partial<
  Pick<
    Prisma.FindingUncheckedCreateInput,
    "category" | "planSectionKey" | "playbookId" | "playbookStepId" | "clusterId" | "attackTechnique"
  >
>;

async function finding(concern: Concern, items: { title: string; status?: ActionItemStatus; dueInDays?: number | null }[]) {
  const db = testDb();
  return db.finding.create({
    data: {
      exerciseId: ids.exercise,
      title: `Finding ${JSON.stringify(concern)}`,
      category: "OTHER",
      severity: "HIGH",
      recommendation: "Fix it",
      ...concern,
      actionItems: {
        create: items.map((i) => ({
          title: i.title,
          status: i.status ?? "OPEN",
          wontFixReason: i.status === "WONT_FIX" ? "accepted" : null,
          dueAt: i.dueInDays == null ? null : new Date(Date.now() + i.dueInDays * DAY),
        })),
      },
    },
  });
}

beforeEach(async () => {
  await resetTables(
    "AuditEvent",
    "ActionItem",
    "Finding",
    "ExercisePlaybook",
    "Exercise",
    "Incident",
    "PlaybookStep",
    "PlaybookVersion",
    "Playbook",
    "Namespace",
    "Cluster",
    "User",
  );
  auditor = await makeActor("AUDITOR", "auditor");
  const db = testDb();
  const playbook = await db.playbook.create({ data: { title: "Cryptomining", incidentType: "CRYPTOMINING" } });
  const otherPlaybook = await db.playbook.create({ data: { title: "Shell", incidentType: "SHELL_IN_CONTAINER" } });
  const cluster = await db.cluster.create({
    data: { name: "prod-eu", provider: "EKS", runtime: "CONTAINERD", environment: "PRODUCTION", criticality: "HIGH" },
  });
  const exercise = await db.exercise.create({
    data: { kind: "TABLETOP", title: "Tabletop: miner", scenario: "Miner", facilitator: "Dana", status: "COMPLETED" },
  });
  const incident = await db.incident.create({
    data: {
      title: "Miner in data-pipeline",
      type: "CRYPTOMINING",
      severity: "SEV2",
      cluster: "prod-eu",
      clusterId: cluster.id,
      suggestedPlaybookId: playbook.id,
      attackTechniques: ["T1496.001"],
    },
  });
  ids = { playbook: playbook.id, otherPlaybook: otherPlaybook.id, cluster: cluster.id, exercise: exercise.id, incident: incident.id };
});

describe("open action items where they apply", () => {
  it("lists a playbook's open items, overdue first, and leaves closed items and other playbooks out", async () => {
    const version = await testDb().playbookVersion.create({
      data: { playbookId: ids.playbook, number: 1, status: "PUBLISHED", publishedAt: new Date() },
    });
    const step = await testDb().playbookStep.create({
      data: { versionId: version.id, position: 0, phase: "CONTAINMENT", title: "Isolate", instructions: "x" },
    });
    await finding({ playbookId: ids.playbook }, [
      { title: "Due later", dueInDays: 10 },
      { title: "Overdue", dueInDays: -2, status: "IN_PROGRESS" },
      { title: "Done already", status: "DONE" },
      { title: "Won't fix", status: "WONT_FIX" },
    ]);
    await finding({ playbookStepId: step.id }, [{ title: "About a step", dueInDays: null }]);
    await finding({ playbookId: ids.otherPlaybook }, [{ title: "Another playbook's", dueInDays: 1 }]);

    const result = await listOpenActionItemsConcerning(auditor, { kind: "playbook", playbookId: ids.playbook });
    expect(result.total).toBe(3);
    expect(result.items.map((i) => [i.title, i.overdue])).toEqual([
      ["Overdue", true],
      ["Due later", false],
      ["About a step", false],
    ]);
    expect(result.items[0]).toMatchObject({ status: "IN_PROGRESS", exercise: { id: ids.exercise, title: "Tabletop: miner" } });
  });

  it("lists the plan's items: findings in the plan category or naming a plan section", async () => {
    await finding({ category: "PLAN" }, [{ title: "Containment authority" }]);
    await finding({ planSectionKey: "communication" }, [{ title: "Holding statement" }]);
    await finding({ category: "TOOLING" }, [{ title: "Checkpointing" }]);
    const result = await listOpenActionItemsConcerning(auditor, { kind: "plan" });
    expect(result.items.map((i) => i.title).sort()).toEqual(["Containment authority", "Holding statement"]);
  });

  it("lists an incident's items by its cluster, its techniques (and their parent) and its suggested playbook", async () => {
    await finding({ clusterId: ids.cluster }, [{ title: "By cluster" }]);
    await finding({ attackTechnique: "T1496" }, [{ title: "By parent technique" }]);
    await finding({ attackTechnique: "T1496.001" }, [{ title: "By technique" }]);
    await finding({ attackTechnique: "T1611" }, [{ title: "Another technique" }]);
    await finding({ playbookId: ids.playbook }, [{ title: "By playbook" }]);
    await finding({ playbookId: ids.otherPlaybook }, [{ title: "Another playbook" }]);
    const result = await listOpenActionItemsConcerning(auditor, { kind: "incident", incidentId: ids.incident });
    expect(result.items.map((i) => i.title).sort()).toEqual(["By cluster", "By parent technique", "By playbook", "By technique"]);
  });

  it("returns nothing for an incident that names no cluster, technique or playbook, and for an unknown one", async () => {
    await finding({ category: "PLAN" }, [{ title: "Containment authority" }]);
    const bare = await testDb().incident.create({ data: { title: "Bare", type: "OTHER", severity: "SEV4" } });
    expect(await listOpenActionItemsConcerning(auditor, { kind: "incident", incidentId: bare.id })).toEqual({ items: [], total: 0 });
    expect(await listOpenActionItemsConcerning(auditor, { kind: "incident", incidentId: "nope" })).toEqual({ items: [], total: 0 });
  });

  it("shows the first 20 and counts the rest", async () => {
    await finding(
      { category: "PLAN" },
      Array.from({ length: 23 }, (_, i) => ({ title: `Item ${i}`, dueInDays: i })),
    );
    const result = await listOpenActionItemsConcerning(auditor, { kind: "plan" });
    expect(result.total).toBe(23);
    expect(result.items).toHaveLength(20);
    expect(result.items[0]!.title).toBe("Item 0");
  });
});
