import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { playbookToCacao } from "@/lib/cacao/export";
import { seedPlaybooksForExport } from "@/lib/cacao/seed-playbooks";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/dal/errors";
import { getPlaybookCacao, importCacaoPlaybook } from "@/lib/dal/playbook-cacao";
import type { Role } from "@/lib/domain/roles";
import { makeActor, resetTables, testDb } from "@/tests/support/db";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "../cacao/fixtures", name), "utf8");

beforeEach(async () => {
  await resetTables("AuditEvent", "PlaybookStep", "PlaybookVersion", "Playbook", "User");
});

describe("importCacaoPlaybook", () => {
  it("creates a new playbook with a draft version 1, its steps and the whole document, and audits playbook.import", async () => {
    const manager = await makeActor("IR_MANAGER");
    const text = fixture("manual-triage.json");
    const result = await importCacaoPlaybook(manager, { document: text, incidentType: "OTHER" });
    expect(result).toMatchObject({
      title: "Triage a suspicious container image",
      incidentType: "MALICIOUS_IMAGE",
      incidentTypeFrom: "document",
      stepCount: 3,
    });

    const playbook = await testDb().playbook.findUniqueOrThrow({
      where: { id: result.playbookId },
      include: { versions: { include: { steps: { orderBy: { position: "asc" } } } } },
    });
    expect(playbook).toMatchObject({ incidentType: "MALICIOUS_IMAGE", attackTechniques: ["T1525", "T1610", "T1078.003"] });
    expect(playbook.versions).toHaveLength(1);
    const version = playbook.versions[0]!;
    expect(version).toMatchObject({ id: result.versionId, number: 1, status: "DRAFT", publishedAt: null });
    expect(version.importedCacao).toEqual(JSON.parse(text));
    expect(version.steps.map((s) => [s.position, s.phase, s.title, s.responsibleRole])).toEqual([
      [1, "DETECTION_ANALYSIS", "Record the image digest", "SECURITY_LEAD"],
      [2, "DETECTION_ANALYSIS", "Ask the image owner", null],
      [3, "CONTAINMENT", "Block the digest at admission", "SECURITY_LEAD"],
    ]);
    const audit = await testDb().auditEvent.findMany({ where: { action: "playbook.import" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: manager.id, targetType: "Playbook", targetId: result.playbookId, outcome: "SUCCESS" });
  });

  it("files a document that names no incident type under the type chosen on the form", async () => {
    const manager = await makeActor("IR_MANAGER");
    const result = await importCacaoPlaybook(manager, { document: fixture("branching.json"), incidentType: "CRYPTOMINING" });
    expect(result).toMatchObject({ incidentType: "CRYPTOMINING", incidentTypeFrom: "form", stepCount: 10 });
  });

  it("refuses an invalid document with every problem listed, and writes nothing", async () => {
    const manager = await makeActor("IR_MANAGER");
    const doc = JSON.parse(fixture("manual-triage.json"));
    doc.workflow_start = "start--00000000-0000-4000-8000-000000000000";
    delete doc.created_by;
    const error = await importCacaoPlaybook(manager, { document: JSON.stringify(doc), incidentType: "OTHER" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toMatch(/not a valid CACAO 2\.0 playbook: 1 problem/);
    expect((error as ValidationError).fieldErrors).toEqual({ document: ["/created_by: is required"] });
    const notJson = await importCacaoPlaybook(manager, { document: "{ nope", incidentType: "OTHER" }).catch((e: unknown) => e);
    expect((notJson as ValidationError).message).toBe('This is not JSON: line 1, column 3: unexpected "n".');
    expect(await testDb().playbook.count()).toBe(0);
    expect(await testDb().auditEvent.count({ where: { action: "playbook.import" } })).toBe(0);
  });

  it.each<Role>(["RESPONDER", "AUDITOR", "ADMIN"])("refuses a %s and audits the denial", async (role) => {
    const actor = await makeActor(role);
    await expect(importCacaoPlaybook(actor, { document: fixture("manual-triage.json"), incidentType: "OTHER" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await testDb().playbook.count()).toBe(0);
    expect(await testDb().auditEvent.count({ where: { action: "denied.playbooks.edit", actorId: actor.id, outcome: "DENIED" } })).toBe(1);
  });
});

describe("getPlaybookCacao", () => {
  it("exports what an import wrote, the draft only when asked for by number, and audits playbook.export", async () => {
    const manager = await makeActor("IR_MANAGER");
    const { playbookId } = await importCacaoPlaybook(manager, { document: fixture("manual-triage.json"), incidentType: "OTHER" });
    const responder = await makeActor("RESPONDER");
    await expect(getPlaybookCacao(responder, playbookId)).rejects.toThrow(/has no published version yet; export a draft by its number/);
    const exported = await getPlaybookCacao(responder, playbookId, 1);
    expect(exported.filename).toBe("bulkhead-triage-a-suspicious-container-image-v1.cacao.json");
    expect(exported.document.playbook_extensions).toMatchObject({
      [Object.keys(exported.document.playbook_extensions!)[0]!]: { bulkhead_status: "DRAFT" },
    });
    await expect(getPlaybookCacao(responder, playbookId, 2)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPlaybookCacao(responder, "nope")).rejects.toThrow("No playbook with that id.");
    expect(await testDb().auditEvent.count({ where: { action: "playbook.export", actorId: responder.id } })).toBe(1);
  });

  it("picks the latest published version over a newer draft", async () => {
    const manager = await makeActor("IR_MANAGER");
    const seed = seedPlaybooksForExport()[0]!;
    const playbook = await testDb().playbook.create({
      data: { title: seed.title, incidentType: seed.incidentType, attackTechniques: seed.attackTechniques },
    });
    for (const [number, status] of [
      [1, "PUBLISHED"],
      [2, "PUBLISHED"],
      [3, "DRAFT"],
    ] as const) {
      await testDb().playbookVersion.create({
        data: {
          playbookId: playbook.id,
          number,
          status,
          publishedAt: status === "PUBLISHED" ? new Date() : null,
          steps: { create: seed.steps.slice(0, number).map((s) => ({ ...s, id: undefined, position: s.position })) },
        },
      });
    }
    const exported = await getPlaybookCacao(manager, playbook.id);
    expect(exported.versionNumber).toBe(2);
    expect(Object.values(exported.document.workflow).filter((s) => s.type === "action")).toHaveLength(2);
    expect(exported.document.id).toBe(playbookToCacao({ ...seed, id: playbook.id }).id);
  });
});
