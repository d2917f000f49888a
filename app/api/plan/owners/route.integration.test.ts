import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/domain/roles";
import { makeActor, resetTables, testDb } from "@/tests/support/db";

// The session is Auth.js's business (tested elsewhere); here the handler gets whoever we say.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));

const { GET } = await import("./route");

const get = (query: string) => GET(new Request(`http://localhost/api/plan/owners${query}`));

beforeEach(async () => {
  await resetTables("AuditEvent", "Ownership", "Workload", "Namespace", "Cluster", "Contact", "User");
  const db = testDb();
  const [priya, tomas, helen] = await Promise.all(
    ["priya", "tomas", "helen"].map((n) =>
      db.contact.create({ data: { name: n, email: `${n}@example.com`, phone: "+44 20 7946 0000", team: "SRE" } }),
    ),
  );
  await db.cluster.create({
    data: {
      name: "prod-eu",
      provider: "EKS",
      runtime: "CONTAINERD",
      environment: "PRODUCTION",
      criticality: "CRITICAL",
      ownerships: {
        create: [
          { role: "PRIMARY", contactId: priya!.id },
          { role: "SECONDARY", contactId: tomas!.id },
          { role: "SECURITY", contactId: helen!.id },
        ],
      },
      namespaces: { create: [{ name: "kube-system" }] },
    },
  });
  session.actor = await makeActor("AUDITOR");
});

describe("GET /api/plan/owners", () => {
  it("resolves a namespace for any signed-in role, with people as {id, name, email, phone, team, active}", async () => {
    const res = await get("?cluster=prod-eu&namespace=kube-system");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      primary: { name: "priya", email: "priya@example.com", phone: "+44 20 7946 0000", team: "SRE", active: true },
      secondary: [{ name: "tomas" }],
      security: { name: "helen" },
      inheritedFrom: "cluster prod-eu",
    });
    expect(Object.keys(body.primary).sort()).toEqual(["active", "email", "id", "name", "phone", "team"]);
  });

  it("answers 404 with a message for an unknown cluster", async () => {
    const res = await get("?cluster=nope&namespace=x");
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: "Unknown cluster 'nope'" });
  });

  it("answers 400 without a cluster, or a workload without its namespace", async () => {
    const missing = await get("?namespace=payments");
    expect(missing.status).toBe(400);
    expect((await missing.json()).error).toMatch(/cluster parameter is required/);
    expect((await get("?cluster=prod-eu&workload=api")).status).toBe(400);
  });

  it("answers 401 to someone not signed in", async () => {
    session.actor = null;
    const res = await get("?cluster=prod-eu");
    expect(res.status).toBe(401);
    expect(await res.json()).toHaveProperty("error");
  });
});
