import { beforeEach, describe, expect, it } from "vitest";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/dal/errors";
import { applyNamespaceImport, previewNamespaceImport } from "@/lib/dal/namespace-import";
import { clearScopeOwners, lookUpOwners, setScopeOwners } from "@/lib/dal/ownership";
import { addNamespace, addWorkload, createCluster, listPlatform, updateCluster } from "@/lib/dal/platform";
import type { Actor } from "@/lib/domain/roles";
import { seedDemo } from "@/prisma/seed";
import { makeActor, resetAllTables, resetTables, testDb } from "@/tests/support/db";

let manager: Actor;
let c: Record<"priya" | "tomas" | "helen" | "aisha" | "jonas" | "kenji", string>;

async function contact(name: string, active = true): Promise<string> {
  const email = `${name.toLowerCase().replace(" ", ".")}@example.com`;
  return (await testDb().contact.create({ data: { name, email, active }, select: { id: true } })).id;
}

async function prodEu() {
  return createCluster(manager, {
    name: "prod-eu",
    provider: "EKS",
    runtime: "CONTAINERD",
    environment: "PRODUCTION",
    criticality: "CRITICAL",
    description: null,
    primary: [c.priya],
    secondary: [c.tomas],
    security: [c.helen],
  });
}

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

beforeEach(async () => {
  await resetTables("AuditEvent", "Ownership", "Workload", "Namespace", "Cluster", "Contact", "User");
  manager = await makeActor("IR_MANAGER");
  c = {
    priya: await contact("Priya Raman"),
    tomas: await contact("Tomas Oliveira"),
    helen: await contact("Helen Okafor"),
    aisha: await contact("Aisha Bello"),
    jonas: await contact("Jonas Becker"),
    kenji: await contact("Kenji Watanabe", false),
  };
});

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

function kubectl(names: string[], labels: Record<string, Record<string, string>> = {}): string {
  return JSON.stringify({
    apiVersion: "v1",
    kind: "List",
    metadata: { resourceVersion: "" },
    items: names.map((name) => ({
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name, labels: labels[name] },
      status: { phase: "Active" },
    })),
  });
}

describe("namespace import", () => {
  it("previews without writing, applies with owner pre-fill, and is idempotent", async () => {
    const cluster = await prodEu();
    await addNamespace(manager, { clusterId: cluster.id, name: "legacy" });
    const json = kubectl(["checkout", "payments", "legacy"], {
      payments: { owner: "aisha.bello", "bulkhead.io/secondary-owner": "jonas.becker" },
      checkout: { owner: "kenji.watanabe" },
      legacy: { team: "old" },
    });
    const auditsBefore = await testDb().auditEvent.count();
    const preview = await previewNamespaceImport(manager, { clusterId: cluster.id, json });
    expect(preview.plan.add.map((a) => a.name)).toEqual(["checkout", "payments"]);
    expect(preview.plan.update.map((u) => u.name)).toEqual(["legacy"]);
    expect(preview.plan.add[1]!.prefill).toMatchObject({ applies: true, primary: { id: c.aisha }, secondary: { id: c.jonas } });
    expect(preview.plan.add[0]!.prefill?.notes[0]).toMatch(/Kenji Watanabe, who is inactive/);
    expect(await testDb().namespace.count()).toBe(1);
    expect(await testDb().auditEvent.count()).toBe(auditsBefore);

    const result = await applyNamespaceImport(manager, { clusterId: cluster.id, json, digest: preview.digest });
    expect(result).toMatchObject({ added: 2, updated: 1, ownersPrefilled: 1 });
    expect(await lookUpOwners(manager, { cluster: "prod-eu", namespace: "payments" })).toMatchObject({
      inheritedFrom: null,
      primary: { id: c.aisha },
      secondary: [{ id: c.jonas }],
    });
    expect(await lookUpOwners(manager, { cluster: "prod-eu", namespace: "checkout" })).toMatchObject({ inheritedFrom: "cluster prod-eu" });
    const audit = await testDb().auditEvent.findFirstOrThrow({ where: { action: "namespace.import" } });
    expect(audit.after).toMatchObject({
      cluster: "prod-eu",
      added: [
        { name: "checkout", owners: null },
        { name: "payments", owners: { primary: "Aisha Bello", secondary: "Jonas Becker" } },
      ],
    });

    const again = await applyNamespaceImport(manager, { clusterId: cluster.id, json });
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 3 });
    expect(await testDb().auditEvent.count({ where: { action: "namespace.import" } })).toBe(1);
    expect(await testDb().namespace.count()).toBe(3);
  });

  it("reports namespaces missing from the list and never deletes them", async () => {
    const cluster = await prodEu();
    await addNamespace(manager, { clusterId: cluster.id, name: "old-app" });
    await addNamespace(manager, { clusterId: cluster.id, name: "payments-*" });
    const preview = await previewNamespaceImport(manager, { clusterId: cluster.id, json: kubectl(["new-app"]) });
    expect(preview.plan.notInList).toEqual(["old-app"]);
    await applyNamespaceImport(manager, { clusterId: cluster.id, json: kubectl(["new-app"]) });
    expect((await testDb().namespace.findMany({ orderBy: { name: "asc" } })).map((n) => n.name)).toEqual([
      "new-app",
      "old-app",
      "payments-*",
    ]);
  });

  it("refuses bad or foreign JSON with a clear message and changes nothing", async () => {
    const cluster = await prodEu();
    const before = { namespaces: await testDb().namespace.count(), audits: await testDb().auditEvent.count() };
    const bad = applyNamespaceImport(manager, { clusterId: cluster.id, json: '{"kind": "List", "items": [' });
    await expect(bad).rejects.toThrow(ValidationError);
    await expect(bad).rejects.toThrow(/not valid JSON at line 1/);
    await expect(
      applyNamespaceImport(manager, { clusterId: cluster.id, json: JSON.stringify({ apiVersion: "v1", kind: "PodList", items: [] }) }),
    ).rejects.toThrow("This is a PodList, expected the output of kubectl get namespaces -o json.");
    await expect(previewNamespaceImport(manager, { clusterId: cluster.id, json: kubectl([]) })).rejects.toThrow(/no namespaces/);
    expect({ namespaces: await testDb().namespace.count(), audits: await testDb().auditEvent.count() }).toEqual(before);
  });

  it("refuses to apply when the cluster changed since the preview", async () => {
    const cluster = await prodEu();
    const json = kubectl(["payments"]);
    const preview = await previewNamespaceImport(manager, { clusterId: cluster.id, json });
    await addNamespace(manager, { clusterId: cluster.id, name: "payments" });
    await expect(applyNamespaceImport(manager, { clusterId: cluster.id, json, digest: preview.digest })).rejects.toThrow(
      /changed since your preview/,
    );
  });
});

describe("on the demo data", () => {
  beforeEach(async () => {
    await resetAllTables();
  });

  it("resolves a namespace's primary and secondary as different people, and 404s an unknown cluster", async () => {
    await seedDemo(testDb(), { ingestToken: "bh_platform-integration-token-0123456789" });
    const responder = await makeActor("RESPONDER");
    const payments = await lookUpOwners(responder, { cluster: "prod-eu", namespace: "payments" });
    expect(payments.primary?.name).toBe("Aisha Bello");
    expect(payments.secondary.map((p) => p.name)).toEqual(["Jonas Becker"]);
    expect(payments.secondary.every((p) => p.id !== payments.primary?.id)).toBe(true);
    expect(payments.inheritedFrom).toBeNull();
    expect(await lookUpOwners(responder, { cluster: "prod-eu", namespace: "payments-refunds" })).toMatchObject({
      inheritedFrom: "namespace payments-*",
      primary: { name: "Jonas Becker" },
    });
    expect(await lookUpOwners(responder, { cluster: "prod-eu", namespace: "kube-system" })).toMatchObject({
      inheritedFrom: "cluster prod-eu",
      primary: { name: "Priya Raman" },
    });
    const pipeline = await lookUpOwners(responder, { cluster: "prod-eu", namespace: "data-pipeline" });
    expect(pipeline.secondary).toMatchObject([{ name: "Kenji Watanabe", active: false }]);
    await expect(lookUpOwners(responder, { cluster: "prod-xx", namespace: "payments" })).rejects.toThrow("Unknown cluster 'prod-xx'");
  });
});
