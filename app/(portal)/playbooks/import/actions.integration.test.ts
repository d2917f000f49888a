import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor, Role } from "@/lib/domain/roles";
import { makeActor, resetTables, testDb } from "@/tests/support/db";

// The signed-in user and Next's cache are the framework's; the test stands in for both.
const session = vi.hoisted(() => ({ actor: null as Actor | null, revalidated: [] as string[] }));
vi.mock("@/lib/auth/session", () => ({ requireActor: async () => session.actor }));
vi.mock("next/cache", () => ({ revalidatePath: (p: string) => void session.revalidated.push(p) }));

const { importCacaoPlaybookAction } = await import("./actions");

const document = readFileSync(path.join(import.meta.dirname, "../../../../lib/cacao/fixtures/branching.json"), "utf8");
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

beforeEach(async () => {
  await resetTables("AuditEvent", "PlaybookStep", "PlaybookVersion", "Playbook", "User");
  session.revalidated = [];
});

describe("importCacaoPlaybookAction", () => {
  it("imports for an IR manager, says what it made, and refreshes the playbook list", async () => {
    session.actor = await makeActor("IR_MANAGER");
    const result = await importCacaoPlaybookAction(null, form({ document, incidentType: "MALWARE" }));
    expect(result).toMatchObject({
      ok: true,
      message:
        'Imported "Branching containment" as a new playbook: draft version 1 with 10 steps, filed under the incident type you chose. Review it before publishing.',
    });
    const playbook = await testDb().playbook.findFirstOrThrow({ select: { id: true, incidentType: true } });
    expect(result).toMatchObject({ playbookId: playbook.id });
    expect(playbook.incidentType).toBe("MALWARE");
    expect(session.revalidated).toEqual(["/playbooks"]);
  });

  it.each<Role>(["RESPONDER", "AUDITOR", "ADMIN"])("refuses a %s with the permission message and writes nothing", async (role) => {
    session.actor = await makeActor(role);
    const result = await importCacaoPlaybookAction(null, form({ document, incidentType: "OTHER" }));
    expect(result).toEqual({ ok: false, message: "You do not have permission to do that." });
    expect(await testDb().playbook.count()).toBe(0);
    expect(session.revalidated).toEqual([]);
  });

  it("lists the problems of an invalid document in fieldErrors.document", async () => {
    session.actor = await makeActor("IR_MANAGER");
    const doc = JSON.parse(document);
    doc.spec_version = "cacao-1.0";
    const result = await importCacaoPlaybookAction(null, form({ document: JSON.stringify(doc), incidentType: "OTHER" }));
    expect(result).toEqual({
      ok: false,
      message: "This is not a valid CACAO 2.0 playbook: 1 problem against the OASIS schemas. Nothing was imported.",
      fieldErrors: { document: ['/spec_version: must be one of "cacao-2.0" (got "cacao-1.0")'] },
    });
  });

  it("asks for a document when the form has none, and for a known incident type", async () => {
    session.actor = await makeActor("IR_MANAGER");
    expect(await importCacaoPlaybookAction(null, form({ document: "  ", incidentType: "OTHER" }))).toMatchObject({
      ok: false,
      fieldErrors: { document: ["Paste or upload a CACAO 2.0 playbook."] },
    });
    expect(await importCacaoPlaybookAction(null, form({ document, incidentType: "LUNCH" }))).toMatchObject({
      ok: false,
      fieldErrors: { incidentType: ["Choose an incident type."] },
    });
  });
});
