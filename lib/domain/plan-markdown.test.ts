import { describe, expect, it } from "vitest";
import type { ClusterScopes } from "@/lib/domain/owner-resolution";
import { ownershipMatrix, ownersText, planExportFilename, renderPlanMarkdown, scopeText, type PlanExport } from "./plan-markdown";
import { readPlanSections } from "./plan-text";

const person = (id: string, name: string, active = true) => ({ id, name, active });
const priya = person("p", "Priya Raman");
const tomas = person("t", "Tomás Oliveira");
const helen = person("h", "Helen Okafor");
const sofia = person("s", "Sofia Lindqvist");
const kenji = person("k", "Kenji Watanabe", false);
const aisha = person("a", "Aisha Bello");
const jonas = person("j", "Jonas Becker");

const none = { primary: null, secondary: [], security: [] };

const prodEu: ClusterScopes = {
  name: "prod-eu",
  owners: { primary: priya, secondary: [tomas], security: [helen] },
  namespaces: [
    {
      name: "data-pipeline",
      isPattern: false,
      owners: { primary: sofia, secondary: [kenji], security: [] },
      workloads: [{ name: "airflow-worker", owners: none }],
    },
    { name: "kube-system", isPattern: false, owners: none, workloads: [] },
    { name: "payments-*", isPattern: true, owners: { primary: jonas, secondary: [aisha], security: [] }, workloads: [] },
  ],
};

describe("ownershipMatrix", () => {
  const rows = ownershipMatrix([prodEu]);
  const find = (namespace: string | null, workload: string | null = null) =>
    rows.find((r) => r.namespace === namespace && r.workload === workload)!;

  it("has a row for every cluster, namespace and workload", () => {
    expect(rows.map(scopeText)).toEqual([
      "cluster prod-eu",
      "namespace prod-eu/data-pipeline",
      "workload prod-eu/data-pipeline/airflow-worker",
      "namespace prod-eu/kube-system",
      "namespace prod-eu/payments-* (pattern)",
    ]);
  });

  it("marks owners a scope inherits and keeps its own unmarked", () => {
    expect(find(null).primary).toEqual({ name: "Priya Raman", active: true, inheritedFrom: null });
    expect(find("kube-system").primary).toEqual({ name: "Priya Raman", active: true, inheritedFrom: "cluster prod-eu" });
    expect(find("kube-system").secondary).toEqual([{ name: "Tomás Oliveira", active: true, inheritedFrom: "cluster prod-eu" }]);
    expect(find("data-pipeline").primary?.inheritedFrom).toBeNull();
    expect(find("data-pipeline").security).toEqual([{ name: "Helen Okafor", active: true, inheritedFrom: "cluster prod-eu" }]);
    expect(find("data-pipeline", "airflow-worker").primary).toEqual({
      name: "Sofia Lindqvist",
      active: true,
      inheritedFrom: "namespace data-pipeline",
    });
  });

  it("groups owners inherited from the same scope", () => {
    const from = (name: string, inheritedFrom: string | null, active = true) => ({ name, active, inheritedFrom });
    expect(ownersText([from("Helen", "cluster prod-eu"), from("Marco", "cluster prod-eu")])).toBe(
      "Helen, Marco (inherited from cluster prod-eu)",
    );
    expect(ownersText([from("Sofia", null), from("Kenji", null, false)])).toBe("Sofia, Kenji (inactive)");
    expect(ownersText([from("Kenji", "namespace data-pipeline", false)])).toBe("Kenji (inactive; inherited from namespace data-pipeline)");
    expect(ownersText([])).toBe("none");
  });

  it("keeps inactive owners visible", () => {
    expect(find("data-pipeline").secondary).toEqual([{ name: "Kenji Watanabe", active: false, inheritedFrom: null }]);
  });
});

const doc: PlanExport = {
  revision: {
    number: 3,
    publishedAt: new Date("2025-03-04T14:02:00Z"),
    publishedBy: "Dana Whitfield",
    changeNote: "Tightened pod deletion",
    sections: readPlanSections([
      { key: "scope", body: "Clusters prod-eu and prod-us.\n# Heading in a body" },
      { key: "containment", body: "| Action | Who |\n| --- | --- |\n| Delete a pod | Incident commander |" },
    ]),
  },
  exportedAt: new Date("2025-03-05T09:30:00Z"),
  exportedBy: "Marco Reyes",
  contacts: [{ name: "Priya Raman", email: "priya@example.com", phone: "+44 20 7946 0233", team: "Platform | SRE", title: null }],
  clusters: [{ name: "prod-eu", provider: "EKS", runtime: "CONTAINERD", environment: "PRODUCTION", criticality: "CRITICAL" }],
  ownership: ownershipMatrix([prodEu]),
  roles: [
    {
      name: "Incident commander",
      description: "Owns the incident",
      members: [
        { name: "Dana Whitfield", phone: "+44 1", active: true },
        { name: "Helen Okafor", phone: null, active: true },
      ],
    },
  ],
  escalation: [
    {
      severity: "SEV1",
      name: "SEV1 — active compromise",
      description: "Page now",
      tiers: [
        { position: 1, waitMinutes: 0, engage: ["Incident commander (Dana Whitfield)"] },
        { position: 2, waitMinutes: 15, engage: ["Executive sponsor"] },
      ],
    },
    { severity: "SEV4", name: "Informational", description: null, tiers: [] },
  ],
};

describe("renderPlanMarkdown", () => {
  const md = renderPlanMarkdown(doc);

  it("is stamped at the top with the revision, its publication and the export", () => {
    expect(md.split("\n").slice(0, 3).join("\n")).toContain(
      "Plan revision 3, published 2025-03-04 14:02 UTC by Dana Whitfield; exported 2025-03-05 09:30 UTC by Marco Reyes",
    );
  });

  it("holds every section under its own heading, with headings in bodies demoted", () => {
    expect(md).toContain("## 1. Scope\n\nClusters prod-eu and prod-us.\n### Heading in a body");
    expect(md).toContain("## 5. Containment authority\n\n| Action | Who |");
    expect(md).toContain("## 2. Severity definitions\n\n_(empty)_");
  });

  it("holds the ownership matrix as a table, with inheritance and inactive owners marked", () => {
    expect(md).toContain("| Scope | Primary owner | Secondary owners | Security |");
    expect(md).toContain(
      "| namespace prod-eu/kube-system | Priya Raman (inherited from cluster prod-eu) | Tomás Oliveira (inherited from cluster prod-eu) | Helen Okafor (inherited from cluster prod-eu) |",
    );
    expect(md).toContain(
      "| namespace prod-eu/data-pipeline | Sofia Lindqvist | Kenji Watanabe (inactive) | Helen Okafor (inherited from cluster prod-eu) |",
    );
  });

  it("holds contacts, roles and escalation tables, escaping pipes in cells", () => {
    expect(md).toContain("| Priya Raman | Platform \\| SRE | — | +44 20 7946 0233 | priya@example.com |");
    expect(md).toContain("| Incident commander | Dana Whitfield, +44 1 | Helen Okafor | Owns the incident |");
    expect(md).toContain("### SEV1 — active compromise");
    expect(md).toContain("| 2 | after 15 min | Executive sponsor |");
    expect(md).toContain("### SEV4 — Informational");
    expect(md).toContain("_No tiers: this severity engages nobody._");
  });

  it("names the file after the revision and the export date", () => {
    expect(planExportFilename(doc)).toBe("bulkhead-plan-rev-3-20250305.md");
  });
});
