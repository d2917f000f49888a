// Readiness's ownership checks: coverage (one primary, a different secondary) and currency
// (active, reviewed in the last 90 days), through inheritance and namespace patterns.
import { describe, expect, it } from "vitest";
import { computeReadiness } from "@/lib/domain/readiness";
import {
  daysAgo,
  expectCase,
  healthy,
  owner,
  replaceOwner,
  withoutOwnership,
  type ReadinessCase,
} from "@/lib/domain/readiness-snapshot.fixture";

const CASES: ReadinessCase[] = [
  {
    name: "an inactive secondary named on a namespace fails it and the workload that inherits it, reported once",
    change: (s) => replaceOwner(s, (o) => o.namespaceId === "payments" && o.role === "SECONDARY", "dave"),
    gaps: [
      {
        kind: "inactive-owner",
        check: "owner-currency",
        message: "prod/payments: secondary owner Dave is inactive",
        href: "/plan/platform#prod/payments",
      },
    ],
    check: ["owner-currency", 4, 6],
  },
  {
    name: "an owner whose contact details are over 90 days old is a stale review, linked to the contact",
    change: (s) => replaceOwner(s, (o) => o.clusterId === "prod" && o.role === "SECONDARY", "erin"),
    gaps: [
      {
        kind: "stale-owner-review",
        message: "Erin (owner of prod): contact details last reviewed 200 days ago; review at least every 90 days",
        href: "/plan/contacts#contact-erin",
      },
    ],
    check: ["owner-currency", 4, 6],
  },
  {
    name: "an owner never reviewed is stale",
    change: (s) => replaceOwner(s, (o) => o.namespaceId === "payments" && o.role === "PRIMARY", "frank"),
    gaps: [
      {
        kind: "stale-owner-review",
        message: "Frank (owner of prod/payments): contact details never reviewed; review at least every 90 days",
      },
    ],
    check: ["owner-currency", 4, 6],
  },
  {
    name: "a cluster without a primary fails itself and every scope that inherits from it",
    change: (s) => withoutOwnership(s, (o) => o.clusterId === "prod" && o.role === "PRIMARY"),
    gaps: [
      {
        kind: "missing-primary",
        check: "owner-coverage",
        message: "prod: no primary owner (2 scopes in use affected)",
        href: "/plan/platform#prod",
      },
    ],
    check: ["owner-coverage", 4, 6],
  },
  {
    name: "no secondary anywhere fails every scope, one gap at the cluster",
    change: (s) => withoutOwnership(s, (o) => o.role === "SECONDARY"),
    gaps: [{ kind: "missing-secondary", message: "prod: no secondary owner (6 scopes in use affected)" }],
    check: ["owner-coverage", 0, 6],
  },
  {
    name: "the same person as primary and secondary on one scope",
    change: (s) => replaceOwner(s, (o) => o.namespaceId === "payments" && o.role === "SECONDARY", "carol"),
    gaps: [
      {
        kind: "same-primary-secondary",
        message: "prod/payments: Carol is both the primary and the secondary owner (2 scopes in use affected)",
        href: "/plan/platform#prod/payments",
      },
    ],
    check: ["owner-coverage", 4, 6],
  },
  {
    name: "the same person through inheritance is reported where the clash is introduced",
    change: (s) => s.ownerships.push(owner("PRIMARY", "bob", { namespaceId: "kube-system" })),
    gaps: [
      {
        kind: "same-primary-secondary",
        message: "prod/kube-system: Bob is both the primary and the secondary owner (the secondary role is inherited from prod)",
        href: "/plan/platform#prod/kube-system",
      },
    ],
    check: ["owner-coverage", 5, 6],
  },
  {
    name: "two primaries on one scope",
    change: (s) => s.ownerships.push(owner("PRIMARY", "carol", { clusterId: "prod" }, 1)),
    gaps: [{ kind: "multiple-primaries", message: "prod: 2 primary owners (Alice, Carol); name exactly one (2 scopes in use affected)" }],
    check: ["owner-coverage", 4, 6],
  },
  {
    name: "a workload's own owners override its namespace's",
    change: (s) => s.ownerships.push(owner("SECONDARY", "dave", { workloadId: "api" })),
    gaps: [
      { kind: "inactive-owner", message: "prod/payments/api: secondary owner Dave is inactive", href: "/plan/platform#prod/payments/api" },
    ],
    check: ["owner-currency", 5, 6],
  },
  {
    name: "a namespace matching a pattern inherits the pattern's owners before the cluster's",
    change: (s) => replaceOwner(s, (o) => o.namespaceId === "payments-x" && o.role === "PRIMARY", "dave"),
    gaps: [{ kind: "inactive-owner", message: "prod/payments-*: primary owner Dave is inactive", href: "/plan/platform#prod/payments-*" }],
    check: ["owner-currency", 4, 6],
  },
  {
    name: "the most specific pattern wins, as in owner resolution: a broader pattern's gap stays its own",
    change: (s) => {
      s.clusters[0]!.namespaces.push({ id: "pay", name: "pay*", isPattern: true, workloads: [] });
      s.ownerships.push(owner("PRIMARY", "dave", { namespaceId: "pay" }), owner("SECONDARY", "carol", { namespaceId: "pay" }));
    },
    gaps: [{ kind: "inactive-owner", message: "prod/pay*: primary owner Dave is inactive" }],
    check: ["owner-currency", 6, 7],
  },
  {
    name: "a namespace naming its own secondary who is the cluster's primary",
    change: (s) => s.ownerships.push(owner("SECONDARY", "alice", { namespaceId: "kube-system" })),
    gaps: [
      {
        kind: "same-primary-secondary",
        message: "prod/kube-system: Alice is both the primary and the secondary owner (the primary role is inherited from prod)",
      },
    ],
    check: ["owner-coverage", 5, 6],
  },
  {
    name: "an owner who is no known contact reaches no one",
    change: (s) => replaceOwner(s, (o) => o.clusterId === "prod" && o.role === "PRIMARY", "gone"),
    gaps: [{ kind: "inactive-owner", message: "prod: primary owner Unknown contact is inactive" }],
    check: ["owner-currency", 4, 6],
  },
  {
    name: "a plan without clusters knows no platform",
    change: (s) => {
      s.clusters = [];
      s.ownerships = [];
    },
    gaps: [{ kind: "no-clusters", href: "/plan/platform" }],
    check: ["owner-coverage", 0, 1],
  },
];

describe("readiness: ownership", () => {
  it.each(CASES)("$name", expectCase);

  it("lists one stale-review gap per contact, with the scopes they own", () => {
    const snapshot = healthy();
    replaceOwner(snapshot, (o) => o.contactId === "bob", "erin");
    const stale = computeReadiness(snapshot).gaps.filter((g) => g.kind === "stale-owner-review");
    expect(stale).toEqual([expect.objectContaining({ message: expect.stringMatching(/^Erin \(owner of prod, prod\/payments-\*\): /) })]);
  });

  it("does not call an inactive owner's review stale: replacing them is the fix", () => {
    const snapshot = healthy();
    snapshot.contacts = snapshot.contacts.map((c) => (c.id === "dave" ? { ...c, lastReviewedAt: daysAgo(400) } : c));
    replaceOwner(snapshot, (o) => o.clusterId === "prod" && o.role === "PRIMARY", "dave");
    expect(computeReadiness(snapshot).gaps.map((g) => g.kind)).toEqual(["inactive-owner"]);
  });
});
