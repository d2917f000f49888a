import { beforeEach, describe, expect, it } from "vitest";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/dal/errors";
import { applyNamespaceImport } from "@/lib/dal/namespace-import";
import { clearScopeOwners, lookUpOwners, setScopeOwners } from "@/lib/dal/ownership";
import { addNamespace, addWorkload, createCluster, listPlatform, updateCluster } from "@/lib/dal/platform";
import { makeActor, testDb } from "@/tests/support/db";
import type { Actor } from "@/lib/domain/roles";
import { kubectl, prodEu as prodEuCluster, resetPlatform, type PlatformPeople } from "@/tests/support/platform";

let manager: Actor;
let c: PlatformPeople;
const prodEu = () => prodEuCluster(manager, c);

beforeEach(async () => {
  ({ manager, c } = await resetPlatform());
});

async function version(table: "namespace" | "cluster" | "workload", id: string): Promise<number> {
  const query = { where: { id }, select: { version: true } } as const;
  const db = testDb();
  const row =
    table === "cluster"
      ? await db.cluster.findUniqueOrThrow(query)
      : table === "namespace"
        ? await db.namespace.findUniqueOrThrow(query)
        : await db.workload.findUniqueOrThrow(query);
  return row.version;
}

const ownershipCount = () => testDb().ownership.count();

describe("ownership rules, enforced on the server", () => {
  const ruleCases: [string, () => { primary: string[]; secondary: string[]; security: string[] }, RegExp][] = [
    ["no primary", () => ({ primary: [], secondary: [c.jonas], security: [] }), /needs exactly one primary owner/],
    ["two primaries", () => ({ primary: [c.aisha, c.priya], secondary: [c.jonas], security: [] }), /exactly one primary owner, not 2/],
    ["no secondary", () => ({ primary: [c.aisha], secondary: [], security: [] }), /at least one secondary owner/],
    [
      "primary == secondary",
      () => ({ primary: [c.aisha], secondary: [c.aisha], security: [] }),
      /Aisha Bello cannot be both the primary and a secondary/,
    ],
    ["an inactive person", () => ({ primary: [c.aisha], secondary: [c.kenji], security: [] }), /Kenji Watanabe is inactive/],
    ["duplicate secondaries", () => ({ primary: [c.aisha], secondary: [c.jonas, c.jonas], security: [] }), /Jonas Becker is listed twice/],
    ["an unknown contact", () => ({ primary: [c.aisha], secondary: [c.jonas], security: ["nobody"] }), /not a contact in the plan/],
  ];

  for (const [name, owners, message] of ruleCases) {
    it(`refuses a namespace owner set with ${name}, changing nothing`, async () => {
      const cluster = await prodEu();
      const ns = await addNamespace(manager, { clusterId: cluster.id, name: "payments" });
      const before = await ownershipCount();
      const attempt = setScopeOwners(manager, { scopeType: "namespace", scopeId: ns.id, version: 0, ...owners() });
      await expect(attempt).rejects.toThrow(ValidationError);
      await expect(attempt).rejects.toThrow(message);
      expect(await ownershipCount()).toBe(before);
      expect(await version("namespace", ns.id)).toBe(0);
      expect(await testDb().auditEvent.count({ where: { action: "ownership.set" } })).toBe(0);
    });
  }

  it("refuses to create a cluster without a full owner set, with per-field messages", async () => {
    const attempt = createCluster(manager, {
      name: "bare",
      provider: "GKE",
      runtime: "CRI_O",
      environment: "STAGING",
      criticality: "LOW",
      description: null,
      primary: [],
      secondary: [],
      security: [],
    });
    await expect(attempt).rejects.toMatchObject({
      fieldErrors: {
        primary: ["A cluster needs a primary owner: choose exactly one."],
        secondary: ["A cluster needs at least one secondary owner."],
        security: ["A cluster needs at least one security contact."],
      },
    });
    expect(await testDb().cluster.count()).toBe(0);
  });

  it("sets a namespace's owners, bumps its version and audits before/after as emails", async () => {
    const cluster = await prodEu();
    const ns = await addNamespace(manager, { clusterId: cluster.id, name: "payments" });
    await setScopeOwners(manager, {
      scopeType: "namespace",
      scopeId: ns.id,
      version: 0,
      primary: [c.aisha],
      secondary: [c.jonas, c.priya],
      security: [],
    });
    expect(await version("namespace", ns.id)).toBe(1);
    const resolved = await lookUpOwners(manager, { cluster: "prod-eu", namespace: "payments" });
    expect(resolved.primary?.email).toBe("aisha.bello@example.com");
    expect(resolved.secondary.map((p) => p.email)).toEqual(["jonas.becker@example.com", "priya.raman@example.com"]);
    expect(resolved.inheritedFrom).toBeNull();
    expect(resolved.security?.email).toBe("helen.okafor@example.com");
    const audit = await testDb().auditEvent.findFirstOrThrow({ where: { action: "ownership.set" } });
    expect(audit).toMatchObject({ actorId: manager.id, targetType: "Namespace", targetId: ns.id });
    expect(audit.before).toEqual({ scope: "namespace prod-eu/payments", primary: null, secondary: [], security: [] });
    expect(audit.after).toEqual({
      scope: "namespace prod-eu/payments",
      primary: "aisha.bello@example.com",
      secondary: ["jonas.becker@example.com", "priya.raman@example.com"],
      security: [],
    });
  });

  it("lets clearing a namespace make it inherit from the cluster", async () => {
    const cluster = await prodEu();
    const ns = await addNamespace(manager, { clusterId: cluster.id, name: "payments" });
    await setScopeOwners(manager, {
      scopeType: "namespace",
      scopeId: ns.id,
      version: 0,
      primary: [c.aisha],
      secondary: [c.jonas],
      security: [],
    });
    await clearScopeOwners(manager, { scopeType: "namespace", scopeId: ns.id, version: 1 });
    const resolved = await lookUpOwners(manager, { cluster: "prod-eu", namespace: "payments" });
    expect(resolved).toMatchObject({ inheritedFrom: "cluster prod-eu", primary: { id: c.priya }, secondary: [{ id: c.tomas }] });
    const [platform] = await listPlatform(manager);
    const row = platform!.rows.find((r) => r.key === "prod-eu/payments")!;
    expect(row.effective.primary).toMatchObject({ value: { id: c.priya }, inheritedFrom: "cluster prod-eu" });
    expect(await testDb().auditEvent.count({ where: { action: "ownership.clear", targetId: ns.id } })).toBe(1);
  });

  it("never lets a cluster be cleared or left without a full set", async () => {
    const cluster = await prodEu();
    await expect(clearScopeOwners(manager, { scopeType: "cluster", scopeId: cluster.id, version: 0 })).rejects.toThrow(/cannot be cleared/);
    await expect(
      setScopeOwners(manager, { scopeType: "cluster", scopeId: cluster.id, version: 0, primary: [], secondary: [], security: [] }),
    ).rejects.toThrow(ValidationError);
    expect(await testDb().ownership.count({ where: { clusterId: cluster.id } })).toBe(3);
  });

  it("refuses a stale edit and names who changed the scope", async () => {
    const cluster = await prodEu();
    await setScopeOwners(manager, {
      scopeType: "cluster",
      scopeId: cluster.id,
      version: 0,
      primary: [c.tomas],
      secondary: [c.priya],
      security: [c.helen],
    });
    const stale = setScopeOwners(manager, {
      scopeType: "cluster",
      scopeId: cluster.id,
      version: 0,
      primary: [c.aisha],
      secondary: [c.jonas],
      security: [c.helen],
    });
    await expect(stale).rejects.toThrow(ConflictError);
    await expect(stale).rejects.toThrow(manager.email);
    await expect(
      updateCluster(manager, {
        id: cluster.id,
        version: 0,
        provider: "EKS",
        runtime: "DOCKER",
        environment: "PRODUCTION",
        criticality: "HIGH",
        description: null,
      }),
    ).rejects.toThrow(ConflictError);
  });

  it("lets exactly one of two simultaneous owner edits win", async () => {
    const cluster = await prodEu();
    const ns = await addNamespace(manager, { clusterId: cluster.id, name: "payments" });
    const results = await Promise.allSettled([
      setScopeOwners(manager, {
        scopeType: "namespace",
        scopeId: ns.id,
        version: 0,
        primary: [c.aisha],
        secondary: [c.jonas],
        security: [],
      }),
      setScopeOwners(manager, {
        scopeType: "namespace",
        scopeId: ns.id,
        version: 0,
        primary: [c.jonas],
        secondary: [c.aisha],
        security: [],
      }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect(await testDb().ownership.count({ where: { namespaceId: ns.id } })).toBe(2);
  });

  it("audits every structural change and refuses duplicates", async () => {
    const cluster = await prodEu();
    const ns = await addNamespace(manager, { clusterId: cluster.id, name: "payments" });
    await addWorkload(manager, { namespaceId: ns.id, name: "payments-api", kind: "DEPLOYMENT" });
    await updateCluster(manager, {
      id: cluster.id,
      version: 0,
      provider: "EKS",
      runtime: "CRI_O",
      environment: "PRODUCTION",
      criticality: "HIGH",
      description: "EU",
    });
    await expect(addNamespace(manager, { clusterId: cluster.id, name: "payments" })).rejects.toThrow(/already has payments/);
    await expect(addWorkload(manager, { namespaceId: ns.id, name: "payments-api", kind: "JOB" })).rejects.toThrow(ValidationError);
    await expect(prodEu()).rejects.toThrow(/already exists/);
    const actions = (await testDb().auditEvent.findMany({ orderBy: { seq: "asc" }, select: { action: true } })).map((a) => a.action);
    expect(actions).toEqual(["cluster.create", "namespace.create", "workload.create", "cluster.update"]);
    const created = await testDb().auditEvent.findFirstOrThrow({ where: { action: "cluster.create" } });
    expect(created.after).toMatchObject({
      name: "prod-eu",
      owners: { primary: "priya.raman@example.com", secondary: ["tomas.oliveira@example.com"], security: ["helen.okafor@example.com"] },
    });
  });

  it("lets a workload have its own owners, or inherit its namespace's", async () => {
    const cluster = await prodEu();
    const ns = await addNamespace(manager, { clusterId: cluster.id, name: "payments" });
    await setScopeOwners(manager, {
      scopeType: "namespace",
      scopeId: ns.id,
      version: 0,
      primary: [c.aisha],
      secondary: [c.jonas],
      security: [],
    });
    const w = await addWorkload(manager, { namespaceId: ns.id, name: "payments-api", kind: "DEPLOYMENT" });
    expect(await lookUpOwners(manager, { cluster: "prod-eu", namespace: "payments", workload: "payments-api" })).toMatchObject({
      inheritedFrom: "namespace payments",
      primary: { id: c.aisha },
    });
    await setScopeOwners(manager, {
      scopeType: "workload",
      scopeId: w.id,
      version: 0,
      primary: [c.jonas],
      secondary: [c.aisha],
      security: [],
    });
    expect(await lookUpOwners(manager, { cluster: "prod-eu", namespace: "payments", workload: "payments-api" })).toMatchObject({
      inheritedFrom: null,
      primary: { id: c.jonas },
    });
  });

  it("resolves patterns and says 404 for an unknown cluster", async () => {
    const cluster = await prodEu();
    const pattern = await addNamespace(manager, { clusterId: cluster.id, name: "payments-*" });
    expect(pattern.isPattern).toBe(true);
    await setScopeOwners(manager, {
      scopeType: "namespace",
      scopeId: pattern.id,
      version: 0,
      primary: [c.jonas],
      secondary: [c.aisha],
      security: [],
    });
    expect(await lookUpOwners(manager, { cluster: "prod-eu", namespace: "payments-web" })).toMatchObject({
      inheritedFrom: "namespace payments-*",
      primary: { id: c.jonas },
    });
    const unknown = lookUpOwners(manager, { cluster: "nope" });
    await expect(unknown).rejects.toThrow(NotFoundError);
    await expect(unknown).rejects.toThrow("Unknown cluster 'nope'");
  });

  it("refuses responders and auditors every change, audits the refusal, and still lets them resolve owners", async () => {
    const cluster = await prodEu();
    const ns = await addNamespace(manager, { clusterId: cluster.id, name: "payments" });
    for (const role of ["RESPONDER", "AUDITOR"] as const) {
      const actor = await makeActor(role);
      await expect(
        setScopeOwners(actor, {
          scopeType: "namespace",
          scopeId: ns.id,
          version: 0,
          primary: [c.aisha],
          secondary: [c.jonas],
          security: [],
        }),
      ).rejects.toThrow(ForbiddenError);
      await expect(clearScopeOwners(actor, { scopeType: "namespace", scopeId: ns.id, version: 0 })).rejects.toThrow(ForbiddenError);
      await expect(addNamespace(actor, { clusterId: cluster.id, name: "sneaky" })).rejects.toThrow(ForbiddenError);
      await expect(applyNamespaceImport(actor, { clusterId: cluster.id, json: kubectl(["sneaky"]) })).rejects.toThrow(ForbiddenError);
      await expect(lookUpOwners(actor, { cluster: "prod-eu", namespace: "payments" })).resolves.toMatchObject({
        primary: { id: c.priya },
      });
    }
    expect(await testDb().auditEvent.count({ where: { outcome: "DENIED", action: "denied.plan.edit" } })).toBe(8);
    expect(await testDb().namespace.count()).toBe(1);
    expect(await testDb().ownership.count({ where: { namespaceId: ns.id } })).toBe(0);
  });
});
