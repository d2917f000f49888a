import { expect } from "vitest";
import { techniqueById } from "@/lib/domain/attack";
import { isActionItemClosed, isOverdue } from "@/lib/domain/exercises/action-items";
import { findingStatusOf } from "@/lib/domain/exercises/findings";
import { decidePurpleTeamStart, type GateTabletop } from "@/lib/domain/exercises/gating";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// What prisma/seed.integration.test.ts checks of the demo's exercise story
// (prisma/seed-data/exercise-story.ts): the order of practice, the gate as it stood when each
// purple team started, fixes published after their findings, and one overdue action item.

const DAY_MS = 86_400_000;

async function loadStory(db: PrismaClient) {
  return db.exercise.findMany({
    include: {
      findings: { include: { actionItems: true }, orderBy: { createdAt: "asc" } },
      participants: true,
      playbooks: { include: { playbookVersion: true } },
      scope: { include: { namespace: true } },
      logEntries: true,
    },
    orderBy: { conductedAt: "asc" },
  });
}
type StoryExercise = Awaited<ReturnType<typeof loadStory>>[number];

/** A tabletop as the gate saw it at `at`: findings and items recorded by then, items closed by then. */
function tabletopAt(t: StoryExercise, at: Date): GateTabletop {
  const findings = t.findings
    .filter((f) => f.createdAt <= at)
    .map((f) => ({
      id: f.id,
      title: f.title,
      severity: f.severity,
      actionItems: f.actionItems
        .filter((a) => a.createdAt <= at)
        .map((a) => ({ status: a.closedAt && a.closedAt <= at ? a.status : ("OPEN" as const) })),
    }));
  return { id: t.id, title: t.title, kind: t.kind, status: "COMPLETED", scenario: t.scenario, conductedAt: t.conductedAt, findings };
}

export async function expectExerciseStory(db: PrismaClient, { managerId }: { managerId: string }): Promise<void> {
  const now = new Date();
  const ageDays = (d: Date | null) => (now.getTime() - d!.getTime()) / DAY_MS;
  const exercises = await loadStory(db);
  expect(exercises.map((e) => `${e.kind} ${e.status}`)).toEqual([
    "TABLETOP COMPLETED",
    "PURPLE_TEAM COMPLETED",
    "TABLETOP COMPLETED",
    "PURPLE_TEAM COMPLETED",
  ]);
  const [tabletop1, detection, tabletop2, purple] = exercises as [StoryExercise, StoryExercise, StoryExercise, StoryExercise];
  expect(new Set(exercises.map((e) => e.scenario))).toEqual(new Set(["Cryptominer in a production namespace"]));
  expect(ageDays(tabletop1.conductedAt)).toBeGreaterThan(450);
  expect(ageDays(tabletop1.conductedAt)).toBeLessThan(500);
  expect(ageDays(tabletop2.conductedAt)).toBeGreaterThan(210);
  expect(ageDays(tabletop2.conductedAt)).toBeLessThan(275);
  expect(ageDays(purple.conductedAt)).toBeGreaterThan(45);
  expect(ageDays(purple.conductedAt)).toBeLessThan(75);

  // The re-run, the prerequisite, and the one override.
  expect(tabletop2.repeatsId).toBe(tabletop1.id);
  expect(purple).toMatchObject({ prerequisiteId: tabletop2.id, redTeamOrganisation: "Redline Security", overrideReason: null });
  expect(exercises.filter((e) => e.overrideReason).map((e) => e.id)).toEqual([detection.id]);
  expect(detection).toMatchObject({ prerequisiteId: tabletop1.id, overrideById: managerId, overrideAt: detection.conductedAt });
  for (const e of [detection, purple]) {
    const at = e.overrideAt ?? e.conductedAt!;
    const tabletops = exercises.filter((t) => t.kind === "TABLETOP" && t.conductedAt! < at).map((t) => tabletopAt(t, at));
    const gate = decidePurpleTeamStart({ kind: e.kind, scenario: e.scenario, tabletops });
    if (e.overrideReason) {
      // Refused without the override, on the first tabletop's open high findings that the reason names.
      expect(gate.ok, e.title).toBe(false);
      const blocking = gate.ok ? [] : gate.blocking;
      expect(new Set(blocking.map((b) => b.exerciseId))).toEqual(new Set([tabletop1.id]));
      expect(blocking.length).toBeGreaterThan(0);
      const overridden = decidePurpleTeamStart({ kind: e.kind, scenario: e.scenario, tabletops, overrideReason: e.overrideReason });
      expect(overridden).toMatchObject({ ok: true, prerequisiteId: e.prerequisiteId });
    } else {
      expect(gate, e.title).toMatchObject({ ok: true, prerequisiteId: e.prerequisiteId, override: null });
    }
  }

  // What each exercise recorded: the plan and playbook version in force when it was planned.
  const revisions = await db.planRevision.findMany({ where: { status: "PUBLISHED" }, orderBy: { number: "asc" } });
  const cryptomining = await db.playbook.findFirstOrThrow({
    where: { incidentType: "CRYPTOMINING" },
    include: { versions: { include: { steps: true }, orderBy: { number: "asc" } } },
  });
  const [v1, v2] = cryptomining.versions;
  expect(tabletop1.planRevisionId).toBeNull();
  for (const e of exercises) {
    expect(e.planRevisionId, e.title).toBe(revisions.filter((r) => r.publishedAt! <= e.createdAt).at(-1)?.id ?? null);
    expect(e.playbooks.map((p) => p.playbookVersion.id)).toEqual([
      cryptomining.versions.filter((v) => v.publishedAt! <= e.createdAt).at(-1)?.id,
    ]);
    expect(e.participants.length, e.title).toBeGreaterThan(2);
    expect(
      e.participants.some((p) => p.planRole),
      e.title,
    ).toBe(true);
    for (const p of e.participants) expect(p.attendance === "ATTENDED" || p.attendance === "ABSENT").toBe(true);
    expect(e.scope.length, e.title).toBeGreaterThan(0);
    for (const s of e.scope) if (s.namespace) expect(s.namespace.clusterId).toBe(s.clusterId);
    for (const id of e.attackTechniques) expect(techniqueById(id), `${e.title}: ${id}`).toBeDefined();
    for (const entry of e.logEntries) expect(entry.at.getTime()).toBeGreaterThanOrEqual(e.conductedAt!.getTime());
  }
  expect(tabletop1.playbooks[0]!.playbookVersionId).toBe(v1!.id);
  expect(purple.playbooks[0]!.playbookVersionId).toBe(v2!.id);
  expect(tabletop1.logEntries.length).toBeGreaterThan(2);

  // Findings follow their items; closing links are real, published, and published after the finding.
  const fixPublishedAt = new Map<string, Date>([
    ...revisions.map((r) => [r.id, r.publishedAt!] as const),
    ...cryptomining.versions.map((v) => [v.id, v.publishedAt!] as const),
  ]);
  const findings = exercises.flatMap((e) => e.findings);
  for (const f of findings) {
    expect(f.status, f.title).toBe(findingStatusOf(f.actionItems));
    if (f.attackTechnique) expect(techniqueById(f.attackTechnique), f.title).toBeDefined();
    for (const a of f.actionItems) {
      expect(a.closedAt !== null, a.title).toBe(isActionItemClosed(a.status));
      if (a.closedAt) expect(a.closedAt.getTime(), a.title).toBeGreaterThan(f.createdAt.getTime());
      if (a.status === "WONT_FIX") expect(a.wontFixReason, a.title).toBeTruthy();
      const fix = a.closedByPlanRevisionId ?? a.closedByPlaybookVersionId;
      if (!fix) continue;
      expect(a.status).toBe("DONE");
      const publishedAt = fixPublishedAt.get(fix);
      expect(publishedAt!.getTime(), a.title).toBeGreaterThan(f.createdAt.getTime());
      expect(a.closedAt!.getTime(), a.title).toBeGreaterThanOrEqual(publishedAt!.getTime());
    }
  }
  const containment = tabletop1.findings.find((f) => f.category === "PLAN" && f.severity === "HIGH");
  expect(containment).toMatchObject({ status: "RESOLVED", planSectionKey: "containment" });
  expect(containment!.actionItems.map((a) => [a.status, a.closedByPlanRevisionId])).toEqual([["DONE", revisions[0]!.id]]);
  const playbookFinding = tabletop1.findings.find((f) => f.category === "PLAYBOOK");
  expect(playbookFinding).toMatchObject({ status: "RESOLVED", severity: "HIGH", playbookId: cryptomining.id });
  expect(v1!.steps.map((s) => s.id)).toContain(playbookFinding!.playbookStepId);
  expect(playbookFinding!.actionItems.map((a) => [a.status, a.closedByPlaybookVersionId])).toEqual([["DONE", v2!.id]]);
  expect(tabletop1.findings.some((f) => f.status === "ACCEPTED")).toBe(true);
  expect(tabletop2.findings.some((f) => f.actionItems.some((a) => a.closedByPlanRevisionId === revisions[1]!.id))).toBe(true);

  // The re-run: one earlier finding recurred, the others did not.
  const recurrences = findings.filter((f) => f.recurrenceOfId);
  expect(recurrences.map((f) => f.exerciseId)).toEqual([tabletop2.id]);
  expect(tabletop1.findings.map((f) => f.id)).toContain(recurrences[0]!.recurrenceOfId);

  // Exactly one overdue action item; the other open ones are due later.
  const items = findings.flatMap((f) => f.actionItems);
  const open = items.filter((a) => !isActionItemClosed(a.status));
  expect(items.filter((a) => isOverdue(a, now))).toHaveLength(1);
  expect(open.length).toBeGreaterThan(1);
  for (const a of open) expect(a.dueAt, a.title).not.toBeNull();

  // What readiness measures: a completed tabletop, and the cryptomining playbook exercised, within 12 months.
  const recent = exercises.filter((e) => e.status === "COMPLETED" && ageDays(e.conductedAt) <= 365);
  expect(recent.some((e) => e.kind === "TABLETOP")).toBe(true);
  expect(recent.some((e) => e.playbooks.some((p) => p.playbookVersion.playbookId === cryptomining.id))).toBe(true);

  const seeded = await db.auditEvent.findFirstOrThrow({ where: { action: "demo.seeded" } });
  const listed = (seeded.after as { exercises: Record<string, string> }).exercises;
  expect(Object.values(listed).sort()).toEqual(exercises.map((e) => e.id).sort());
}
