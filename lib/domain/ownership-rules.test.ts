import { describe, expect, it } from "vitest";
import { checkOwnershipRules, violationsByField, type OwnerCandidate, type ProposedOwners } from "@/lib/domain/ownership-rules";

const people = new Map<string, OwnerCandidate>(
  [
    { id: "p", name: "Priya Raman", active: true },
    { id: "t", name: "Tomás Oliveira", active: true },
    { id: "h", name: "Helen Okafor", active: true },
    { id: "k", name: "Kenji Watanabe", active: false },
  ].map((c) => [c.id, c]),
);

const cluster = (over: Partial<ProposedOwners> = {}): ProposedOwners => ({
  scope: "cluster",
  primaryIds: ["p"],
  secondaryIds: ["t"],
  securityIds: ["h"],
  ...over,
});
const ns = (over: Partial<ProposedOwners> = {}): ProposedOwners => ({ ...cluster(), scope: "namespace", ...over });
const messages = (p: ProposedOwners) => checkOwnershipRules(p, people).map((v) => v.message);

describe("ownership rules", () => {
  it("accepts a full, valid set", () => {
    expect(checkOwnershipRules(cluster(), people)).toEqual([]);
    expect(checkOwnershipRules(ns({ securityIds: [] }), people)).toEqual([]);
  });

  it("needs exactly one primary", () => {
    expect(messages(cluster({ primaryIds: [] }))).toEqual(["A cluster needs a primary owner: choose exactly one."]);
    expect(messages(cluster({ primaryIds: ["p", "h"] }))).toEqual(["Choose exactly one primary owner, not 2."]);
  });

  it("needs at least one secondary", () => {
    expect(messages(cluster({ secondaryIds: [] }))).toEqual(["A cluster needs at least one secondary owner."]);
    expect(messages(ns({ secondaryIds: [] }))[0]).toMatch(/namespace with its own owners needs at least one secondary owner/);
  });

  it("keeps the primary and the secondaries different people", () => {
    expect(messages(cluster({ secondaryIds: ["p"] }))).toEqual([
      "Priya Raman cannot be both the primary and a secondary owner: the secondary must be a different person.",
    ]);
  });

  it("refuses duplicate secondaries and security contacts", () => {
    expect(messages(cluster({ secondaryIds: ["t", "t"] }))).toEqual(["Tomás Oliveira is listed twice as a secondary owner."]);
    expect(messages(cluster({ securityIds: ["h", "h"] }))).toEqual(["Helen Okafor is listed twice as a security contact."]);
  });

  it("refuses inactive and unknown people, naming the field", () => {
    const violations = checkOwnershipRules(cluster({ secondaryIds: ["k"], securityIds: ["gone"] }), people);
    expect(violationsByField(violations)).toEqual({
      secondary: ["Kenji Watanabe is inactive and cannot be a secondary owner; choose an active contact."],
      security: ["The chosen security contact is not a contact in the plan (it may have been removed); reload and choose again."],
    });
  });

  it("lets a namespace or workload clear its DevOps owners to inherit, but never a cluster", () => {
    expect(checkOwnershipRules(ns({ primaryIds: [], secondaryIds: [], securityIds: [] }), people)).toEqual([]);
    expect(checkOwnershipRules({ scope: "workload", primaryIds: [], secondaryIds: [], securityIds: ["h"] }, people)).toEqual([]);
    expect(violationsByField(checkOwnershipRules(cluster({ primaryIds: [], secondaryIds: [], securityIds: [] }), people))).toEqual({
      primary: ["A cluster needs a primary owner: choose exactly one."],
      secondary: ["A cluster needs at least one secondary owner."],
      security: ["A cluster needs at least one security contact."],
    });
  });

  it("does not let a namespace name only half of its DevOps owners", () => {
    expect(messages(ns({ secondaryIds: [] })).length).toBe(1);
    expect(messages(ns({ primaryIds: [] }))[0]).toMatch(/needs exactly one primary owner \(or clear all its owners to inherit\)/);
  });

  it("allows a security contact who is also a DevOps owner", () => {
    expect(checkOwnershipRules(cluster({ securityIds: ["p"] }), people)).toEqual([]);
  });
});
