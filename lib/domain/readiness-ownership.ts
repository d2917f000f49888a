// The ownership half of plan readiness: every scope in use (each cluster, namespace or pattern row
// and workload row of the plan) must resolve to exactly one primary and at least one secondary
// DevOps owner, different people (DESIGN.md), who are active and recently reviewed. Resolution,
// inheritance and pattern matching are lib/domain/owner-resolution.ts's, so readiness, incidents
// and the ownership matrix always agree. Pure: no I/O.
import { isReviewStale, REVIEW_STALE_DAYS } from "@/lib/domain/contacts";
import { resolveOwners, type ClusterScopes, type ScopeOwners, type ScopeRef } from "@/lib/domain/owner-resolution";
import {
  sortGaps,
  type ReadinessContact,
  type ReadinessGap,
  type ReadinessOwnership,
  type ReadinessScopeTree,
} from "@/lib/domain/readiness-model";

const DAY_MS = 86_400_000;

type OwnerRole = "PRIMARY" | "SECONDARY";

/** Where a scope is fixed: the platform page, anchored at its key `cluster`, `cluster/ns` or `cluster/ns/workload`. */
export function scopeHref(path: string): string {
  return `/plan/platform#${path}`;
}

export function contactHref(contactId: string): string {
  return `/plan/contacts#contact-${contactId}`;
}

/** A scope's path in the plan (the ownership matrix's row key) from the resolver's reference. */
function refPath(cluster: string, ref: ScopeRef): string {
  return ref.kind === "cluster" ? cluster : `${cluster}/${ref.kind === "workload" ? ref.label.replace(/^workload /, "") : ref.name}`;
}

type Indexed = {
  scopes: ClusterScopes<ReadinessContact>;
  /** Paths of scopes whose rows name more than one primary (the resolver takes the first by rank). */
  extraPrimaries: Map<string, string[]>;
  /** Every scope in use, as a resolver query with its path. */
  queries: { path: string; namespace?: string; workload?: string }[];
};

function indexCluster(cluster: ReadinessScopeTree, ownerships: ReadinessOwnership[], people: Map<string, ReadinessContact>): Indexed {
  const rowsOf = (match: (o: ReadinessOwnership) => boolean) => ownerships.filter(match).sort((a, b) => a.rank - b.rank);
  const extraPrimaries = new Map<string, string[]>();
  const ownersOf = (path: string, rows: ReadinessOwnership[]): ScopeOwners<ReadinessContact> => {
    const ids = (role: OwnerRole) => [...new Set(rows.filter((r) => r.role === role).map((r) => r.contactId))];
    // An owner that is not a known contact is shown as inactive: no one would be reached.
    const person = (id: string) => people.get(id) ?? { id, name: "Unknown contact", active: false, lastReviewedAt: null };
    const primaries = ids("PRIMARY");
    if (primaries.length > 1)
      extraPrimaries.set(
        path,
        primaries.map((id) => person(id).name),
      );
    return { primary: primaries[0] ? person(primaries[0]) : null, secondary: ids("SECONDARY").map(person), security: [] };
  };
  const queries: Indexed["queries"] = [{ path: cluster.name }];
  const scopes: ClusterScopes<ReadinessContact> = {
    name: cluster.name,
    owners: ownersOf(
      cluster.name,
      rowsOf((o) => o.clusterId === cluster.id && !o.namespaceId && !o.workloadId),
    ),
    namespaces: cluster.namespaces.map((ns) => {
      const nsPath = `${cluster.name}/${ns.name}`;
      queries.push({ path: nsPath, namespace: ns.name });
      return {
        name: ns.name,
        isPattern: ns.isPattern,
        owners: ownersOf(
          nsPath,
          rowsOf((o) => o.namespaceId === ns.id && !o.workloadId),
        ),
        workloads: ns.workloads.map((w) => {
          queries.push({ path: `${nsPath}/${w.name}`, namespace: ns.name, workload: w.name });
          return {
            name: w.name,
            owners: ownersOf(
              `${nsPath}/${w.name}`,
              rowsOf((o) => o.workloadId === w.id),
            ),
          };
        }),
      };
    }),
  };
  return { scopes, extraPrimaries, queries };
}

/** How far up the resolution chain a source is: the workload, its namespace, a matching pattern, the cluster. */
function distance(ref: ScopeRef, query: { namespace?: string }): number {
  if (ref.kind === "workload") return 0;
  if (ref.kind === "namespace") return ref.name === query.namespace ? 1 : 2;
  return 3;
}

function listPaths(paths: string[]): string {
  const shown = paths.slice(0, 3).join(", ");
  return paths.length > 3 ? `${shown} and ${paths.length - 3} more` : shown;
}

export type OwnershipResult = {
  scopes: number;
  covered: number;
  current: number;
  coverageGaps: ReadinessGap[];
  currencyGaps: ReadinessGap[];
};

/**
 * Coverage: one primary, at least one secondary, different people. Currency: the scope resolves
 * to owners, and every one is active and was reviewed within REVIEW_STALE_DAYS. A gap is reported
 * once, at the scope whose rows cause it; the scopes that inherit it fail with it.
 */
export function evaluateOwnership(
  clusters: ReadinessScopeTree[],
  ownerships: ReadinessOwnership[],
  contacts: ReadinessContact[],
  now: Date,
): OwnershipResult {
  const people = new Map(contacts.map((c) => [c.id, c]));
  const coverage = new Map<string, { gap: ReadinessGap; affected: number }>();
  const inactive = new Map<string, ReadinessGap>();
  const stale = new Map<string, { contact: ReadinessContact; paths: Set<string> }>();
  let scopes = 0;
  let covered = 0;
  let current = 0;

  const coverageGap = (key: string, kind: ReadinessGap["kind"], path: string, message: string) => {
    const entry = coverage.get(key) ?? { gap: { check: "owner-coverage", kind, message, href: scopeHref(path) }, affected: 0 };
    entry.affected += 1;
    coverage.set(key, entry);
  };

  for (const cluster of clusters) {
    const indexed = indexCluster(cluster, ownerships, people);
    for (const query of indexed.queries) {
      scopes += 1;
      const resolved = resolveOwners(indexed.scopes, query);
      const primarySource = resolved.source.primary && refPath(cluster.name, resolved.source.primary);
      const secondarySource = resolved.source.secondary && refPath(cluster.name, resolved.source.secondary);
      let coverageOk = true;

      if (!resolved.primary) {
        coverageOk = false;
        coverageGap(`missing-primary:${cluster.name}`, "missing-primary", cluster.name, `${cluster.name}: no primary owner`);
      } else if (primarySource && indexed.extraPrimaries.has(primarySource)) {
        coverageOk = false;
        const names = indexed.extraPrimaries.get(primarySource)!;
        const message = `${primarySource}: ${names.length} primary owners (${names.join(", ")}); name exactly one`;
        coverageGap(`multiple-primaries:${primarySource}`, "multiple-primaries", primarySource, message);
      }
      if (resolved.secondary.length === 0) {
        coverageOk = false;
        coverageGap(`missing-secondary:${cluster.name}`, "missing-secondary", cluster.name, `${cluster.name}: no secondary owner`);
      }
      const primary = resolved.primary;
      if (primary && primarySource && secondarySource && resolved.secondary.some((s) => s.id === primary.id)) {
        coverageOk = false;
        // The clash is fixed where it is introduced: the nearer of the two sources.
        const primaryNearer = distance(resolved.source.primary!, query) <= distance(resolved.source.secondary!, query);
        const [near, far] = primaryNearer ? [primarySource, secondarySource] : [secondarySource, primarySource];
        const inherited = near === far ? "" : ` (the ${primaryNearer ? "secondary" : "primary"} role is inherited from ${far})`;
        const message = `${near}: ${primary.name} is both the primary and the secondary owner${inherited}`;
        coverageGap(`same:${near}:${far}:${primary.id}`, "same-primary-secondary", near, message);
      }

      let currencyOk = resolved.primary !== null || resolved.secondary.length > 0;
      const owners: [OwnerRole, ReadinessContact, string | null][] = [
        ...(resolved.primary ? [["PRIMARY", resolved.primary, primarySource] as [OwnerRole, ReadinessContact, string | null]] : []),
        ...resolved.secondary.map((s): [OwnerRole, ReadinessContact, string | null] => ["SECONDARY", s, secondarySource]),
      ];
      for (const [role, contact, source] of owners) {
        const path = source ?? query.path;
        if (!contact.active) {
          currencyOk = false;
          inactive.set(`${path}:${role}:${contact.id}`, {
            check: "owner-currency",
            kind: "inactive-owner",
            message: `${path}: ${role === "PRIMARY" ? "primary" : "secondary"} owner ${contact.name} is inactive`,
            href: scopeHref(path),
          });
        } else if (isReviewStale(contact.lastReviewedAt, now)) {
          currencyOk = false;
          const entry = stale.get(contact.id) ?? { contact, paths: new Set<string>() };
          entry.paths.add(path);
          stale.set(contact.id, entry);
        }
      }
      if (coverageOk) covered += 1;
      if (currencyOk) current += 1;
    }
  }

  const coverageGaps = [...coverage.values()].map(({ gap, affected }) =>
    affected > 1 ? { ...gap, message: `${gap.message} (${affected} scopes in use affected)` } : gap,
  );
  const staleGaps = [...stale.values()].map(({ contact, paths }): ReadinessGap => {
    const reviewed = contact.lastReviewedAt
      ? `last reviewed ${Math.floor((now.getTime() - contact.lastReviewedAt.getTime()) / DAY_MS)} days ago`
      : "never reviewed";
    return {
      check: "owner-currency",
      kind: "stale-owner-review",
      message: `${contact.name} (owner of ${listPaths([...paths].sort())}): contact details ${reviewed}; review at least every ${REVIEW_STALE_DAYS} days`,
      href: contactHref(contact.id),
    };
  });
  return { scopes, covered, current, coverageGaps: sortGaps(coverageGaps), currencyGaps: sortGaps([...inactive.values(), ...staleGaps]) };
}
