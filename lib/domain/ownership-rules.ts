/**
 * The ownership rules of the plan (DESIGN.md): every scope in use resolves to exactly one DevOps
 * primary owner and at least one secondary owner, different people, all still active; plus a
 * security contact. A cluster is where resolution ends, so it must always hold the full set. A
 * namespace or workload either names its DevOps owners in full or names none and inherits them
 * (see owner-resolution.ts); its security contacts are optional for the same reason.
 * Pure: the DAL checks a proposed set here, inside the transaction that would write it.
 */

export type ScopeKind = "cluster" | "namespace" | "workload";

export type ProposedOwners = {
  scope: ScopeKind;
  /** Normally one id; more than one is a mistake the rules name ("exactly one primary"). */
  primaryIds: string[];
  secondaryIds: string[];
  securityIds: string[];
};

export type OwnerCandidate = { id: string; name: string; active: boolean };

export type OwnershipField = "primary" | "secondary" | "security";

export type OwnershipViolation = { field: OwnershipField; message: string };

const SCOPE_WORD: Record<ScopeKind, string> = { cluster: "A cluster", namespace: "A namespace", workload: "A workload" };

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const id of ids) (seen.has(id) ? twice : seen).add(id);
  return [...twice];
}

/** True when the proposal names nobody at all for DevOps: the scope inherits its owners. */
export function clearsDevOpsOwners(p: ProposedOwners): boolean {
  return p.primaryIds.length === 0 && p.secondaryIds.length === 0;
}

/**
 * Every rule the proposal breaks, each as a message a manager can act on, keyed by the form field
 * at fault. Empty means the set may be saved.
 */
export function checkOwnershipRules(p: ProposedOwners, people: ReadonlyMap<string, OwnerCandidate>): OwnershipViolation[] {
  const violations: OwnershipViolation[] = [];
  const name = (id: string) => people.get(id)?.name ?? "An unknown contact";
  const add = (field: OwnershipField, message: string) => violations.push({ field, message });

  const inherits = p.scope !== "cluster" && clearsDevOpsOwners(p);
  if (!inherits) {
    if (p.primaryIds.length === 0) {
      add(
        "primary",
        p.scope === "cluster"
          ? "A cluster needs a primary owner: choose exactly one."
          : `${SCOPE_WORD[p.scope]} with its own owners needs exactly one primary owner (or clear all its owners to inherit).`,
      );
    } else if (p.primaryIds.length > 1) {
      add("primary", `Choose exactly one primary owner, not ${p.primaryIds.length}.`);
    }
    if (p.secondaryIds.length === 0) {
      add(
        "secondary",
        p.scope === "cluster"
          ? "A cluster needs at least one secondary owner."
          : `${SCOPE_WORD[p.scope]} with its own owners needs at least one secondary owner (or clear all its owners to inherit).`,
      );
    }
  }
  if (p.scope === "cluster" && p.securityIds.length === 0) add("security", "A cluster needs at least one security contact.");

  for (const id of duplicates(p.primaryIds)) add("primary", `${name(id)} is chosen twice as primary owner.`);
  for (const id of duplicates(p.secondaryIds)) add("secondary", `${name(id)} is listed twice as a secondary owner.`);
  for (const id of duplicates(p.securityIds)) add("security", `${name(id)} is listed twice as a security contact.`);
  for (const id of new Set(p.primaryIds)) {
    if (p.secondaryIds.includes(id)) {
      add("secondary", `${name(id)} cannot be both the primary and a secondary owner: the secondary must be a different person.`);
    }
  }

  const fields: [OwnershipField, string[], string][] = [
    ["primary", p.primaryIds, "primary owner"],
    ["secondary", p.secondaryIds, "secondary owner"],
    ["security", p.securityIds, "security contact"],
  ];
  for (const [field, ids, role] of fields) {
    for (const id of new Set(ids)) {
      const person = people.get(id);
      if (!person) add(field, `The chosen ${role} is not a contact in the plan (it may have been removed); reload and choose again.`);
      else if (!person.active) add(field, `${person.name} is inactive and cannot be a ${role}; choose an active contact.`);
    }
  }
  return violations;
}

/** Violations grouped the way forms show them (`fieldErrors`). */
export function violationsByField(violations: OwnershipViolation[]): Record<string, string[]> {
  const byField: Record<string, string[]> = {};
  for (const v of violations) (byField[v.field] ??= []).push(v.message);
  return byField;
}
