/**
 * Who owns a container scope: `(cluster, namespace, workload)` → DevOps primary owner, secondary
 * owners and security contacts, and where each came from. Pure; incidents, the ownership matrix and
 * `GET /api/plan/owners` all resolve through here so that they always agree.
 *
 * The chain, most specific first:
 *   1. the workload, when asked for and found in one of the namespace scopes below (the first one,
 *      in this same order, that has a workload of that name);
 *   2. the namespace whose name equals the query exactly;
 *   3. every namespace pattern that matches the query, most specific first;
 *   4. the cluster.
 * Each role resolves on its own: PRIMARY comes from the first scope in the chain that has a primary,
 * SECONDARY from the first that has at least one secondary, SECURITY from the first that has at least
 * one security contact. So a namespace that names only its security contact still takes its DevOps
 * owners from the cluster, and a namespace imported from the cluster without owners of its own falls
 * back to a matching pattern such as `payments-*` before the cluster.
 *
 * Patterns: `*` matches any run of characters (also none), `?` exactly one. An exact name always
 * beats any pattern. Among patterns, the one with the most literal (non-wildcard) characters wins;
 * on a tie, the lexicographically smallest pattern (plain code-point order) wins — e.g. for
 * `payments-web`, `payments-*` (9 literals) beats `pay*` (3), and `payments-*` beats `payments-??`
 * (9 each; `*` sorts before `?`). The tie-break exists only to make the answer deterministic.
 *
 * Inactive people are still returned (flagged `active: false`) so that callers can warn rather than
 * silently engage nobody; `warnings` says so in words.
 */

import { globMatches } from "@/lib/domain/glob-match";

/** The minimum a person needs for resolution; callers pass their own richer DTOs through. */
export type OwnerPersonBase = { id: string; name: string; active: boolean };

/**
 * Who holds each ownership role: the one shape of a set of owners, whoever the people are — a
 * scope's own owners, the owners recorded on an incident (lib/dto/incidents.ts), a row of the
 * plan's ownership matrix, the emails the audit log keeps.
 */
export type OwnersByRole<P> = {
  primary: P | null;
  /** In rank order. */
  secondary: P[];
  /** In rank order; the first is the security contact engaged first. */
  security: P[];
};

export type ScopeOwners<P extends OwnerPersonBase = OwnerPersonBase> = OwnersByRole<P>;

export type WorkloadScope<P extends OwnerPersonBase = OwnerPersonBase> = { name: string; owners: ScopeOwners<P> };

export type NamespaceScope<P extends OwnerPersonBase = OwnerPersonBase> = {
  name: string;
  isPattern: boolean;
  owners: ScopeOwners<P>;
  workloads: WorkloadScope<P>[];
};

export type ClusterScopes<P extends OwnerPersonBase = OwnerPersonBase> = {
  name: string;
  owners: ScopeOwners<P>;
  namespaces: NamespaceScope<P>[];
};

export type OwnerQuery = { namespace?: string | null; workload?: string | null };

/** A scope in the words the UI and the API show: `cluster prod-eu`, `namespace payments-*`, `workload payments/payments-api`. */
export type ScopeRef = { kind: "cluster" | "namespace" | "workload"; name: string; label: string };

/**
 * A resolution's answer. Its roles are OwnersByRole's except `security`, which `GET /api/plan/owners`
 * publishes as the first security contact, with all of them in `securityContacts`.
 */
export type ResolvedOwners<P extends OwnerPersonBase = OwnerPersonBase> = Omit<OwnersByRole<P>, "security"> & {
  /** The first security contact, or null. */
  security: P | null;
  securityContacts: P[];
  /**
   * Where the DevOps owners came from when it is not the scope asked about: null when the queried
   * namespace (or workload) has its own owners, otherwise e.g. `namespace payments-*` or
   * `cluster prod-eu`. Follows the primary owner (the secondaries' source is in `source`).
   */
  inheritedFrom: string | null;
  source: { primary: ScopeRef | null; secondary: ScopeRef | null; security: ScopeRef | null };
  /** The namespace scope the query landed on: the exact one, else the winning pattern, else null. */
  matchedNamespace: { name: string; isPattern: boolean } | null;
  /** The workload found, as `namespace/workload`, or null when not asked or not known. */
  matchedWorkload: string | null;
  /** Plain-language problems a caller should surface (unknown scope, inactive or missing owners). */
  warnings: string[];
};

const WILDCARD = /[*?]/g;

export function isNamespacePattern(name: string): boolean {
  return /[*?]/.test(name);
}

/** Literal characters of a pattern: its specificity. */
export function patternSpecificity(pattern: string): number {
  return pattern.replace(WILDCARD, "").length;
}

/** Glob match over the whole name: `*` any run (also empty), `?` one character; linear in the name (lib/domain/glob-match). */
export { globMatches };

/** Most specific first: more literal characters, then the lexicographically smaller pattern. */
export function comparePatterns(a: string, b: string): number {
  const bySpecificity = patternSpecificity(b) - patternSpecificity(a);
  if (bySpecificity !== 0) return bySpecificity;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The namespace scopes that apply to a namespace name, most specific first (exact, then patterns). */
export function matchingNamespaces<P extends OwnerPersonBase>(scopes: ClusterScopes<P>, namespace: string): NamespaceScope<P>[] {
  const exact = scopes.namespaces.find((ns) => ns.name === namespace);
  const patterns = scopes.namespaces
    .filter((ns) => ns !== exact && ns.isPattern && globMatches(ns.name, namespace))
    .sort((a, b) => comparePatterns(a.name, b.name));
  return exact ? [exact, ...patterns] : patterns;
}

type ChainLink<P extends OwnerPersonBase> = { ref: ScopeRef; owners: ScopeOwners<P> };

function describePerson(p: OwnerPersonBase): string {
  return p.name;
}

export function resolveOwners<P extends OwnerPersonBase>(scopes: ClusterScopes<P>, query: OwnerQuery = {}): ResolvedOwners<P> {
  const namespace = query.namespace?.trim() || null;
  const workload = namespace ? query.workload?.trim() || null : null;
  const clusterRef: ScopeRef = { kind: "cluster", name: scopes.name, label: `cluster ${scopes.name}` };
  const warnings: string[] = [];

  const nsChain = namespace ? matchingNamespaces(scopes, namespace) : [];
  const exact = nsChain[0] && nsChain[0].name === namespace ? nsChain[0] : null;
  if (namespace && nsChain.length === 0) {
    warnings.push(`Namespace '${namespace}' is not in the plan for cluster ${scopes.name}; the cluster's owners apply.`);
  } else if (namespace && !exact) {
    warnings.push(`Namespace '${namespace}' is not in the plan by name; it matches the pattern '${nsChain[0]!.name}'.`);
  }

  let workloadLink: ChainLink<P> | null = null;
  if (workload) {
    for (const ns of nsChain) {
      const found = ns.workloads.find((w) => w.name === workload);
      if (found) {
        workloadLink = { ref: { kind: "workload", name: found.name, label: `workload ${ns.name}/${found.name}` }, owners: found.owners };
        break;
      }
    }
    if (!workloadLink) warnings.push(`Workload '${workload}' is not in the plan; the namespace's owners apply.`);
  }

  const chain: ChainLink<P>[] = [
    ...(workloadLink ? [workloadLink] : []),
    ...nsChain.map((ns) => ({ ref: { kind: "namespace" as const, name: ns.name, label: `namespace ${ns.name}` }, owners: ns.owners })),
    { ref: clusterRef, owners: scopes.owners },
  ];

  // The scope that was asked about, if it exists; owners from anywhere else are inherited.
  const queried: ScopeRef | null = workload
    ? (workloadLink?.ref ?? null)
    : namespace
      ? exact && { kind: "namespace", name: exact.name, label: `namespace ${exact.name}` }
      : clusterRef;

  const primaryLink = chain.find((l) => l.owners.primary !== null) ?? null;
  const secondaryLink = chain.find((l) => l.owners.secondary.length > 0) ?? null;
  const securityLink = chain.find((l) => l.owners.security.length > 0) ?? null;

  const primary = primaryLink?.owners.primary ?? null;
  const secondary = secondaryLink?.owners.secondary ?? [];
  const securityContacts = securityLink?.owners.security ?? [];
  const where = namespace ? `${scopes.name}/${namespace}${workload ? `/${workload}` : ""}` : scopes.name;

  if (!primary) warnings.push(`No primary owner resolves for ${where}.`);
  if (secondary.length === 0) warnings.push(`No secondary owner resolves for ${where}.`);
  if (securityContacts.length === 0) warnings.push(`No security contact resolves for ${where}.`);
  if (primary && !primary.active) warnings.push(`The primary owner ${describePerson(primary)} is inactive.`);
  for (const p of secondary) if (!p.active) warnings.push(`The secondary owner ${describePerson(p)} is inactive.`);
  for (const p of securityContacts) if (!p.active) warnings.push(`The security contact ${describePerson(p)} is inactive.`);
  if (primary && secondary.length > 0 && secondary.every((p) => p.id === primary.id)) {
    warnings.push(`The primary owner ${describePerson(primary)} is also the only secondary owner.`);
  }

  const devOpsSource = primaryLink ?? secondaryLink;
  const sameScope = (ref: ScopeRef) => queried !== null && ref.label === queried.label;

  return {
    primary,
    secondary,
    security: securityContacts[0] ?? null,
    securityContacts,
    inheritedFrom: devOpsSource && !sameScope(devOpsSource.ref) ? devOpsSource.ref.label : null,
    source: { primary: primaryLink?.ref ?? null, secondary: secondaryLink?.ref ?? null, security: securityLink?.ref ?? null },
    matchedNamespace: nsChain[0] ? { name: nsChain[0].name, isPattern: nsChain[0].isPattern } : null,
    matchedWorkload: workloadLink ? workloadLink.ref.label.replace(/^workload /, "") : null,
    warnings,
  };
}
