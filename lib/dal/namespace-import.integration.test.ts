// Importing namespaces from `kubectl get namespaces -o json`, and owner lookups on the demo data.
import { beforeEach, describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/dal/errors";
import { applyNamespaceImport, previewNamespaceImport } from "@/lib/dal/namespace-import";
import { lookUpOwners } from "@/lib/dal/ownership";
import { addNamespace } from "@/lib/dal/platform";
import { seedDemo } from "@/prisma/seed";
import { makeActor, resetAllTables, testDb } from "@/tests/support/db";
import type { Actor } from "@/lib/domain/roles";
import { kubectl, prodEu as prodEuCluster, resetPlatform, type PlatformPeople } from "@/tests/support/platform";

let manager: Actor;
let c: PlatformPeople;
const prodEu = () => prodEuCluster(manager, c);

beforeEach(async () => {
  ({ manager, c } = await resetPlatform());
});

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
