import { describe, expect, it } from "vitest";
import {
  comparePatterns,
  globMatches,
  matchingNamespaces,
  resolveOwners,
  type ClusterScopes,
  type OwnerPersonBase,
  type ScopeOwners,
} from "@/lib/domain/owner-resolution";

const person = (id: string, active = true): OwnerPersonBase => ({ id, name: id[0]!.toUpperCase() + id.slice(1), active });
const priya = person("priya");
const tomas = person("tomas");
const helen = person("helen");
const aisha = person("aisha");
const jonas = person("jonas");
const sofia = person("sofia");
const kenji = person("kenji", false);
const chloe = person("chloe");

const owners = (primary: OwnerPersonBase | null, secondaries: OwnerPersonBase[] = [], security: OwnerPersonBase[] = []): ScopeOwners => ({
  primary,
  secondary: secondaries,
  security,
});
const none = owners(null);

const prodEu: ClusterScopes = {
  name: "prod-eu",
  owners: owners(priya, [tomas], [helen]),
  namespaces: [
    {
      name: "payments",
      isPattern: false,
      owners: owners(aisha, [jonas]),
      workloads: [
        { name: "payments-api", owners: none },
        { name: "ledger-writer", owners: owners(sofia, [aisha], [chloe]) },
      ],
    },
    {
      name: "payments-*",
      isPattern: true,
      owners: owners(jonas, [aisha]),
      workloads: [{ name: "card-vault", owners: owners(chloe, [jonas]) }],
    },
    { name: "pay*", isPattern: true, owners: owners(tomas, [priya]), workloads: [] },
    { name: "payments-web", isPattern: false, owners: none, workloads: [] },
    { name: "data-pipeline", isPattern: false, owners: owners(sofia, [kenji]), workloads: [] },
    { name: "kube-system", isPattern: false, owners: none, workloads: [] },
    { name: "team-?", isPattern: true, owners: owners(sofia, [jonas]), workloads: [] },
    { name: "team-*", isPattern: true, owners: owners(chloe, [jonas]), workloads: [] },
  ],
};

describe("glob patterns", () => {
  it("matches * as any run (also empty) and ? as exactly one character, over the whole name", () => {
    expect(globMatches("payments-*", "payments-web")).toBe(true);
    expect(globMatches("payments-*", "payments-")).toBe(true);
    expect(globMatches("payments-*", "payments")).toBe(false);
    expect(globMatches("payments-*", "eu-payments-web")).toBe(false);
    expect(globMatches("team-?", "team-a")).toBe(true);
    expect(globMatches("team-?", "team-ab")).toBe(false);
    expect(globMatches("*-system", "kube-system")).toBe(true);
  });

  it("treats other characters literally (a dot is not a regex wildcard)", () => {
    expect(globMatches("a.b*", "axb")).toBe(false);
    expect(globMatches("a.b*", "a.bc")).toBe(true);
  });

  it("orders by literal characters, then lexicographically", () => {
    expect(["pay*", "payments-*", "*"].sort(comparePatterns)).toEqual(["payments-*", "pay*", "*"]);
    expect(["team-?", "team-*"].sort(comparePatterns)).toEqual(["team-*", "team-?"]);
    expect(matchingNamespaces(prodEu, "payments-web").map((n) => n.name)).toEqual(["payments-web", "payments-*", "pay*"]);
  });
});

describe("owner resolution", () => {
  it("gives a namespace with its own owners those owners, not inherited", () => {
    const r = resolveOwners(prodEu, { namespace: "payments" });
    expect(r.primary?.id).toBe("aisha");
    expect(r.secondary.map((p) => p.id)).toEqual(["jonas"]);
    expect(r.inheritedFrom).toBeNull();
    expect(r.matchedNamespace).toEqual({ name: "payments", isPattern: false });
    // Security is resolved on its own: the namespace names none, so the cluster's applies.
    expect(r.security?.id).toBe("helen");
    expect(r.source.security?.label).toBe("cluster prod-eu");
    expect(r.warnings).toEqual([]);
  });

  it("lets a namespace without owners inherit its cluster's, and says so", () => {
    const r = resolveOwners(prodEu, { namespace: "kube-system" });
    expect(r.primary?.id).toBe("priya");
    expect(r.secondary.map((p) => p.id)).toEqual(["tomas"]);
    expect(r.inheritedFrom).toBe("cluster prod-eu");
  });

  it("resolves an unlisted namespace through the most specific matching pattern", () => {
    const r = resolveOwners(prodEu, { namespace: "payments-eu" });
    expect(r.primary?.id).toBe("jonas");
    expect(r.inheritedFrom).toBe("namespace payments-*");
    expect(r.matchedNamespace).toEqual({ name: "payments-*", isPattern: true });
    expect(r.warnings[0]).toMatch(/matches the pattern 'payments-\*'/);
  });

  it("lets a listed namespace without owners fall back to a matching pattern before the cluster", () => {
    const r = resolveOwners(prodEu, { namespace: "payments-web" });
    expect(r.primary?.id).toBe("jonas");
    expect(r.inheritedFrom).toBe("namespace payments-*");
    expect(r.matchedNamespace).toEqual({ name: "payments-web", isPattern: false });
  });

  it("breaks a specificity tie with the lexicographically smallest pattern", () => {
    // team-? and team-* have 5 literal characters each; "*" sorts before "?".
    const r = resolveOwners(prodEu, { namespace: "team-a" });
    expect(r.primary?.id).toBe("chloe");
    expect(r.inheritedFrom).toBe("namespace team-*");
    expect(resolveOwners(prodEu, { namespace: "team-ab" }).primary?.id).toBe("chloe");
  });

  it("falls back to the cluster for an unknown namespace, with a warning", () => {
    const r = resolveOwners(prodEu, { namespace: "does-not-exist" });
    expect(r.primary?.id).toBe("priya");
    expect(r.inheritedFrom).toBe("cluster prod-eu");
    expect(r.matchedNamespace).toBeNull();
    expect(r.warnings[0]).toMatch(/not in the plan/);
  });

  it("resolves a cluster on its own", () => {
    const r = resolveOwners(prodEu);
    expect(r).toMatchObject({ primary: priya, secondary: [tomas], security: helen, inheritedFrom: null, matchedNamespace: null });
  });

  it("gives a workload with its own owners those, and one without its namespace's", () => {
    const own = resolveOwners(prodEu, { namespace: "payments", workload: "ledger-writer" });
    expect(own).toMatchObject({
      primary: sofia,
      secondary: [aisha],
      security: chloe,
      inheritedFrom: null,
      matchedWorkload: "payments/ledger-writer",
    });
    const inherits = resolveOwners(prodEu, { namespace: "payments", workload: "payments-api" });
    expect(inherits).toMatchObject({
      primary: aisha,
      secondary: [jonas],
      inheritedFrom: "namespace payments",
      matchedWorkload: "payments/payments-api",
    });
    expect(inherits.source.security?.label).toBe("cluster prod-eu");
  });

  it("finds a workload declared under a matching pattern", () => {
    const r = resolveOwners(prodEu, { namespace: "payments-eu", workload: "card-vault" });
    expect(r).toMatchObject({ primary: chloe, inheritedFrom: null, matchedWorkload: "payments-*/card-vault" });
  });

  it("treats an unknown workload as its namespace, with a warning", () => {
    const r = resolveOwners(prodEu, { namespace: "payments", workload: "nope" });
    expect(r).toMatchObject({ primary: aisha, inheritedFrom: "namespace payments", matchedWorkload: null });
    expect(r.warnings).toContain("Workload 'nope' is not in the plan; the namespace's owners apply.");
  });

  it("ignores a workload asked for without a namespace", () => {
    expect(resolveOwners(prodEu, { workload: "payments-api" })).toMatchObject({
      primary: priya,
      matchedWorkload: null,
      inheritedFrom: null,
    });
  });

  it("returns inactive owners flagged, with a warning", () => {
    const r = resolveOwners(prodEu, { namespace: "data-pipeline" });
    expect(r.secondary).toEqual([kenji]);
    expect(r.secondary[0]!.active).toBe(false);
    expect(r.warnings).toContain("The secondary owner Kenji is inactive.");
  });

  it("resolves each role on its own", () => {
    const scopes: ClusterScopes = {
      name: "c",
      owners: owners(priya, [tomas], [helen]),
      namespaces: [{ name: "only-security", isPattern: false, owners: owners(null, [], [chloe]), workloads: [] }],
    };
    const r = resolveOwners(scopes, { namespace: "only-security" });
    expect(r).toMatchObject({ primary: priya, secondary: [tomas], security: chloe, inheritedFrom: "cluster c" });
    expect(r.source.security?.label).toBe("namespace only-security");
  });

  it("says so when nothing resolves at all", () => {
    const r = resolveOwners({ name: "bare", owners: none, namespaces: [] }, { namespace: "x" });
    expect(r).toMatchObject({ primary: null, secondary: [], security: null, inheritedFrom: null });
    expect(r.warnings).toEqual(
      expect.arrayContaining([
        "No primary owner resolves for bare/x.",
        "No secondary owner resolves for bare/x.",
        "No security contact resolves for bare/x.",
      ]),
    );
  });
});
