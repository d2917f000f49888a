import { beforeEach, describe, expect, it } from "vitest";
import {
  discardDraft,
  getDraft,
  getPlanInForceAt,
  getPublishedRevision,
  getRevision,
  listRevisions,
  publishDraft,
  saveDraftSections,
  startDraft,
} from "@/lib/dal/plan-revisions";
import { getPlanExport } from "@/lib/dal/plan-export";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/dal/errors";
import { renderPlanMarkdown } from "@/lib/domain/plan-markdown";
import type { Actor } from "@/lib/domain/roles";
import { makeActor, resetTables, testDb } from "@/tests/support/db";

let dana: Actor;
let helen: Actor;

beforeEach(async () => {
  await resetTables(
    "AuditEvent",
    "PlanRevision",
    "Ownership",
    "Workload",
    "Namespace",
    "Cluster",
    "EscalationTarget",
    "EscalationTier",
    "EscalationPolicy",
    "PlanRoleMember",
    "PlanRole",
    "Contact",
    "User",
  );
  dana = await makeActor("IR_MANAGER", "dana");
  helen = await makeActor("IR_MANAGER", "helen");
});

async function publishWith(actor: Actor, scope: string, note = "Revised scope") {
  const draft = await startDraft(actor);
  const saved = await saveDraftSections(actor, { id: draft.id, version: draft.version, bodies: { scope } });
  return publishDraft(actor, { id: draft.id, version: saved.draft.version, changeNote: note });
}

describe("plan drafts", () => {
  it("starts a draft from the latest published revision and saves it with a new version", async () => {
    const first = await publishWith(dana, "Clusters prod-eu and prod-us.");
    const draft = await startDraft(helen);
    expect(draft).toMatchObject({ status: "DRAFT", number: null, version: 0, author: { name: helen.name } });
    expect(draft.sections.map((s) => s.key)).toEqual(["scope", "severity", "communication", "evidence", "containment"]);
    expect(draft.sections[0]!.body).toBe(first.sections[0]!.body);

    const { draft: saved, changed } = await saveDraftSections(helen, {
      id: draft.id,
      version: 0,
      bodies: { containment: "Only the incident commander may delete a pod.\r\nAny responder may cordon a node." },
    });
    expect(changed).toEqual(["containment"]);
    expect(saved.version).toBe(1);
    expect(saved.sections[4]!.body).toBe("Only the incident commander may delete a pod.\nAny responder may cordon a node.");
    expect((await getDraft(dana))?.lastSaved?.by).toBe(helen.name);
    const audit = await testDb().auditEvent.findFirstOrThrow({ where: { action: "plan_revision.save_draft", targetId: draft.id } });
    expect(audit).toMatchObject({ actorId: helen.id, targetType: "PlanRevision", targetId: draft.id });
    expect(JSON.stringify(audit.after)).toContain("cordon a node");
  });

  it("keeps one draft at a time, even when two managers start one at once", async () => {
    const results = await Promise.allSettled([startDraft(dana), startDraft(helen)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
    expect(rejected.reason).toBeInstanceOf(ConflictError);
    await expect(startDraft(dana)).rejects.toThrow(/one draft at a time/);
    expect(await testDb().planRevision.count({ where: { status: "DRAFT" } })).toBe(1);
  });

  it("lets exactly one of two managers saving the same draft version win; the other gets a conflict naming the winner", async () => {
    const draft = await startDraft(dana);
    const results = await Promise.allSettled([
      saveDraftSections(dana, { id: draft.id, version: 0, bodies: { scope: "Dana's scope" } }),
      saveDraftSections(helen, { id: draft.id, version: 0, bodies: { scope: "Helen's scope" } }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toBeInstanceOf(ConflictError);
    const stored = await testDb().planRevision.findUniqueOrThrow({ where: { id: draft.id } });
    expect(stored.version).toBe(1);
    const winner = (stored.sections as { key: string; body: string }[])[0]!.body === "Dana's scope" ? dana : helen;
    expect(String(lost[0]!.reason.message)).toContain(`${winner.name} saved this draft at`);
    expect(String(lost[0]!.reason.message)).toContain("your text is kept below");

    // A later save with the stale version is refused the same way, not applied.
    await expect(saveDraftSections(dana, { id: draft.id, version: 0, bodies: { scope: "late" } })).rejects.toThrow(ConflictError);
    expect(await testDb().auditEvent.count({ where: { action: "plan_revision.save_draft" } })).toBe(1);
  });

  it("refuses a section longer than the limit, naming the field", async () => {
    const draft = await startDraft(dana);
    const error = await saveDraftSections(dana, { id: draft.id, version: 0, bodies: { evidence: "x".repeat(20_001) } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors?.evidence).toBeDefined();
  });

  it("discards a draft; a save from someone still editing it says who discarded it", async () => {
    const draft = await startDraft(dana);
    await discardDraft(helen, { id: draft.id, version: 0 });
    expect(await getDraft(dana)).toBeNull();
    await expect(saveDraftSections(dana, { id: draft.id, version: 0, bodies: { scope: "x" } })).rejects.toThrow(
      `${helen.name} discarded this draft`,
    );
    expect(await testDb().auditEvent.count({ where: { action: "plan_revision.discard_draft", targetId: draft.id } })).toBe(1);
    // Kept, not deleted, so the record of who discarded it lives on the row itself.
    expect(await testDb().planRevision.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
      status: "DISCARDED",
      updatedById: helen.id,
    });
  });
});

describe("publishing", () => {
  it("needs a change note, numbers revisions 1, 2… and records the approver and time", async () => {
    const draft = await startDraft(dana);
    await expect(publishDraft(dana, { id: draft.id, version: 0, changeNote: "   " })).rejects.toThrow(ValidationError);
    const r1 = await publishDraft(helen, { id: draft.id, version: 0, changeNote: "First revision" });
    expect(r1).toMatchObject({
      number: 1,
      status: "PUBLISHED",
      changeNote: "First revision",
      publishedBy: { name: helen.name },
      author: { name: dana.name },
    });
    expect(r1.publishedAt).toBeInstanceOf(Date);
    const r2 = await publishWith(dana, "Second scope");
    expect(r2.number).toBe(2);
    expect(r2.publishedAt!.getTime()).toBeGreaterThan(r1.publishedAt!.getTime());
    expect((await getPublishedRevision(dana))?.number).toBe(2);
    expect((await listRevisions(dana)).map((r) => [r.number, r.changeNote, r.publishedBy?.name])).toEqual([
      [2, "Revised scope", dana.name],
      [1, "First revision", helen.name],
    ]);
    expect((await getRevision(dana, 1)).sections[0]!.body).toBe("");
    await expect(getRevision(dana, 9)).rejects.toThrow(NotFoundError);
  });

  it("makes a published revision immutable: saving, discarding or publishing it again is refused", async () => {
    const published = await publishWith(dana, "Immutable scope");
    const before = await testDb().planRevision.findUniqueOrThrow({ where: { id: published.id } });
    for (const version of [0, 1, published.version]) {
      await expect(saveDraftSections(dana, { id: published.id, version, bodies: { scope: "rewritten history" } })).rejects.toThrow(
        /published .* can no longer be changed/,
      );
    }
    await expect(discardDraft(dana, { id: published.id, version: published.version })).rejects.toThrow(ValidationError);
    await expect(publishDraft(helen, { id: published.id, version: published.version, changeNote: "again" })).rejects.toThrow(
      ValidationError,
    );
    expect(await testDb().planRevision.findUniqueOrThrow({ where: { id: published.id } })).toEqual(before);
  });

  it("answers which revision was in force at a time across two publications", async () => {
    const r1 = await publishWith(dana, "one");
    const r2 = await publishWith(dana, "two");
    const at = (ms: number) => new Date(ms);
    expect(await getPlanInForceAt(dana, at(r1.publishedAt!.getTime() - 1))).toBeNull();
    expect((await getPlanInForceAt(dana, r1.publishedAt!))?.number).toBe(1);
    expect((await getPlanInForceAt(dana, at(r2.publishedAt!.getTime() - 1)))?.number).toBe(1);
    expect((await getPlanInForceAt(dana, r2.publishedAt!))?.number).toBe(2);
    // A draft started later does not change what was in force.
    await startDraft(dana);
    expect((await getPlanInForceAt(dana, at(Date.now() + 60_000)))?.number).toBe(2);
  });
});

describe("who may change the plan", () => {
  it("refuses responders and auditors every change, audits each refusal, and still lets them read", async () => {
    const draft = await startDraft(dana);
    for (const role of ["RESPONDER", "AUDITOR", "ADMIN"] as const) {
      const actor = await makeActor(role);
      await expect(startDraft(actor)).rejects.toThrow(ForbiddenError);
      await expect(saveDraftSections(actor, { id: draft.id, version: 0, bodies: { scope: "x" } })).rejects.toThrow(ForbiddenError);
      await expect(publishDraft(actor, { id: draft.id, version: 0, changeNote: "x" })).rejects.toThrow(ForbiddenError);
      await expect(discardDraft(actor, { id: draft.id, version: 0 })).rejects.toThrow(ForbiddenError);
      expect((await getDraft(actor))?.id).toBe(draft.id);
    }
    expect(await testDb().auditEvent.count({ where: { outcome: "DENIED", action: "denied.plan.edit" } })).toBe(12);
    expect(await testDb().planRevision.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ version: 0, status: "DRAFT" });
  });
});

describe("the offline copy", () => {
  async function demoLikePlatform() {
    const prisma = testDb();
    const contact = (name: string, active = true) =>
      prisma.contact.create({
        data: { name, email: `${name.split(" ")[0]!.toLowerCase()}@example.com`, phone: "+44 20 7946 0000", team: "Platform SRE", active },
      });
    const [priya, tomas, helen_, sofia, kenji] = await Promise.all([
      contact("Priya Raman"),
      contact("Tomás Oliveira"),
      contact("Helen Okafor"),
      contact("Sofia Lindqvist"),
      contact("Kenji Watanabe", false),
    ]);
    const cluster = await prisma.cluster.create({
      data: {
        name: "prod-eu",
        provider: "EKS",
        runtime: "CONTAINERD",
        environment: "PRODUCTION",
        criticality: "CRITICAL",
        ownerships: {
          create: [
            { role: "PRIMARY", contactId: priya.id },
            { role: "SECONDARY", contactId: tomas.id },
            { role: "SECURITY", contactId: helen_.id },
          ],
        },
      },
    });
    await prisma.namespace.create({
      data: {
        clusterId: cluster.id,
        name: "data-pipeline",
        ownerships: {
          create: [
            { role: "PRIMARY", contactId: sofia.id },
            { role: "SECONDARY", contactId: kenji.id },
          ],
        },
        workloads: { create: [{ name: "airflow-worker", kind: "STATEFULSET" }] },
      },
    });
    await prisma.namespace.create({ data: { clusterId: cluster.id, name: "kube-system" } });
    const commander = await prisma.planRole.create({
      data: { kind: "INCIDENT_COMMANDER", name: "Incident commander", members: { create: [{ contactId: priya.id, rank: 0 }] } },
    });
    await prisma.escalationPolicy.create({
      data: {
        severity: "SEV1",
        name: "SEV1 — active compromise of production",
        tiers: { create: [{ position: 1, waitMinutes: 0, targets: { create: [{ planRoleId: commander.id }, { contactId: helen_.id }] } }] },
      },
    });
  }

  it("is refused with a clear message while nothing is published", async () => {
    await expect(getPlanExport(dana, "md")).rejects.toThrow(/No plan revision has been published yet/);
  });

  it("holds the published text, contacts, ownership matrix with inheritance, roles and escalation, and is audited", async () => {
    await demoLikePlatform();
    const published = await publishWith(dana, "Clusters prod-eu and prod-us.", "First revision");
    const reader = await makeActor("RESPONDER", "marco");
    const doc = await getPlanExport(reader, "md", new Date("2030-01-02T03:04:00Z"));
    const md = renderPlanMarkdown(doc);

    expect(md).toContain(`Plan revision 1, published`);
    expect(md).toContain(`by ${dana.name}; exported 2030-01-02 03:04 UTC by ${reader.name}`);
    expect(md).toContain("Clusters prod-eu and prod-us.");
    expect(md).toContain("| Scope | Primary owner | Secondary owners | Security |");
    expect(md).toContain("| cluster prod-eu | Priya Raman | Tomás Oliveira | Helen Okafor |");
    expect(md).toContain(
      "| namespace prod-eu/kube-system | Priya Raman (inherited from cluster prod-eu) | Tomás Oliveira (inherited from cluster prod-eu) |",
    );
    expect(md).toContain(
      "| namespace prod-eu/data-pipeline | Sofia Lindqvist | Kenji Watanabe (inactive) | Helen Okafor (inherited from cluster prod-eu) |",
    );
    expect(md).toContain("| workload prod-eu/data-pipeline/airflow-worker | Sofia Lindqvist (inherited from namespace data-pipeline) |");
    expect(md).toContain("| Priya Raman | Platform SRE |");
    expect(md).not.toContain("| Kenji Watanabe | Platform SRE |");
    expect(md).toContain("| 1 | immediately | Incident commander (Priya Raman); Helen Okafor, +44 20 7946 0000 |");

    const audit = await testDb().auditEvent.findFirstOrThrow({ where: { action: "plan.export" } });
    expect(audit).toMatchObject({
      actorId: reader.id,
      targetType: "PlanRevision",
      targetId: published.id,
      after: { format: "md", revision: 1 },
    });
  });
});
