import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { semanticProblems } from "@/lib/cacao/semantic";
import type { CacaoPlaybook } from "@/lib/cacao/types";
import { cacaoValidator } from "@/lib/cacao/validator";
import type { Actor } from "@/lib/domain/roles";
import { clockAt } from "@/prisma/seed-data/clock";
import { PLAYBOOKS, seedPlaybooks, type SeededPlaybooks } from "@/prisma/seed-data/playbooks";
import { makeActor, resetTables, testDb } from "@/tests/support/db";

// The session comes from Auth.js cookies in the app; here the test decides who is signed in.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));

const { GET } = await import("./route");

const request = (id: string, query = "") =>
  GET(new Request(`http://localhost/api/playbooks/${id}/cacao${query}`), { params: Promise.resolve({ id }) });

let seeded: SeededPlaybooks;

beforeAll(async () => {
  await resetTables("AuditEvent", "PlaybookStep", "PlaybookVersion", "Playbook", "User");
  const manager = await makeActor("IR_MANAGER");
  // The demo seed's own code writes the playbooks, so the export is checked on the demo content.
  seeded = await testDb().$transaction((tx) => seedPlaybooks(tx, clockAt(new Date()), manager.id));
});

beforeEach(() => {
  session.actor = null;
});

describe("GET /api/playbooks/<id>/cacao", () => {
  it("answers 401 JSON without a session", async () => {
    const response = await request(seeded.shell.playbookId);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "Sign in to export a playbook." });
  });

  it.each(PLAYBOOKS.map((p) => [p.key, p.title] as const))(
    "sends seeded playbook %s as a CACAO 2.0 attachment valid against the schemas",
    async (key, title) => {
      session.actor = await makeActor("AUDITOR");
      const response = await request(seeded[key].playbookId);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
      // The latest published version: the cryptomining playbook has an earlier one.
      const number = seeded[key].versions.length;
      expect(response.headers.get("content-disposition")).toMatch(
        new RegExp(`^attachment; filename="bulkhead-[a-z0-9-]+-v${number}\\.cacao\\.json"$`),
      );
      const document = (await response.json()) as CacaoPlaybook;
      expect(document).toMatchObject({ type: "playbook", spec_version: "cacao-2.0", name: title });
      expect(cacaoValidator().problems(document)).toEqual([]);
      expect(semanticProblems(document, cacaoValidator().isEmail)).toEqual([]);
      const steps = PLAYBOOKS.find((p) => p.key === key)!.steps;
      expect(Object.values(document.workflow).filter((s) => s.type === "action")).toHaveLength(steps.length);
    },
  );

  it("exports a draft only when asked for by number", async () => {
    session.actor = await makeActor("RESPONDER");
    await testDb().playbookVersion.create({
      data: { playbookId: seeded.escape.playbookId, number: 2, status: "DRAFT", steps: { create: [] } },
    });
    const latest = (await (await request(seeded.escape.playbookId)).json()) as CacaoPlaybook;
    const draft = await request(seeded.escape.playbookId, "?version=2");
    expect(draft.status).toBe(200);
    expect(draft.headers.get("content-disposition")).toContain("-v2.cacao.json");
    const document = (await draft.json()) as CacaoPlaybook;
    expect(document.id).toBe(latest.id);
    expect(Object.values(latest.playbook_extensions!)[0]).toMatchObject({ bulkhead_version: 1, bulkhead_status: "PUBLISHED" });
    expect(Object.values(document.playbook_extensions!)[0]).toMatchObject({ bulkhead_version: 2, bulkhead_status: "DRAFT" });
  });

  it("answers 404 JSON for an unknown playbook or version, and 400 for a version that is not a number", async () => {
    session.actor = await makeActor("RESPONDER");
    const unknown = await request("cm0000000000000000000000");
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: "No playbook with that id." });
    const version = await request(seeded.shell.playbookId, "?version=9");
    expect(version.status).toBe(404);
    expect((await version.json()).error).toMatch(/has no version 9\.$/);
    const bad = await request(seeded.shell.playbookId, "?version=latest");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/version must be/);
  });
});
