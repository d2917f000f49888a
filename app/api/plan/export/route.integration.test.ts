import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/domain/roles";
import { makeActor, resetTables, testDb } from "@/tests/support/db";

// The session comes from Auth.js cookies in the app; here the test decides who is signed in.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));

const { GET } = await import("./route");

const request = (query: string) => GET(new Request(`http://localhost/api/plan/export${query}`));

beforeEach(async () => {
  await resetTables("AuditEvent", "PlanRevision", "Ownership", "Workload", "Namespace", "Cluster", "Contact", "User");
  session.actor = null;
});

describe("GET /api/plan/export", () => {
  it("answers 401 without a session", async () => {
    const response = await request("?format=md");
    expect(response.status).toBe(401);
    expect(await response.json()).toHaveProperty("error");
  });

  it("answers 400 for any format but md", async () => {
    session.actor = await makeActor("AUDITOR");
    for (const query of ["?format=pdf", ""]) {
      const response = await request(query);
      expect(response.status).toBe(400);
      expect((await response.json()).error).toContain("format=md");
    }
  });

  it("answers 404 with a message while nothing is published", async () => {
    session.actor = await makeActor("RESPONDER");
    const response = await request("?format=md");
    expect(response.status).toBe(404);
    expect((await response.json()).error).toMatch(/No plan revision has been published yet/);
  });

  it("sends the published plan as a Markdown attachment named after the revision, and audits it", async () => {
    const manager = await makeActor("IR_MANAGER");
    const publishedAt = new Date("2025-03-04T14:02:00Z");
    await testDb().planRevision.create({
      data: {
        number: 1,
        status: "PUBLISHED",
        sections: [{ key: "scope", title: "Scope", body: "Clusters prod-eu and prod-us." }],
        authorId: manager.id,
        publishedById: manager.id,
        publishedAt,
        changeNote: "First",
      },
    });
    await testDb().cluster.create({
      data: { name: "prod-eu", provider: "EKS", runtime: "CONTAINERD", environment: "PRODUCTION", criticality: "CRITICAL" },
    });
    session.actor = await makeActor("RESPONDER");

    const response = await request("?format=md");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    const body = await response.text();
    // The file is dated by the export time stamped in the document.
    const exported = /exported (\d{4})-(\d{2})-(\d{2})/.exec(body)!;
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="bulkhead-plan-rev-1-${exported.slice(1).join("")}.md"`);
    expect(body).toContain(`Plan revision 1, published 2025-03-04 14:02 UTC by ${manager.name}; exported`);
    expect(body).toContain("Clusters prod-eu and prod-us.");
    expect(body).toContain("| cluster prod-eu | none | none | none |");
    expect(await testDb().auditEvent.count({ where: { action: "plan.export", actorId: session.actor.id } })).toBe(1);
  });
});
