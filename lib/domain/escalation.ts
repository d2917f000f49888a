import { isPlanRoleKind, PLAN_ROLE_DEFAULTS } from "@/lib/domain/plan-roles";
import { Severity, valuesOf, type PlanRoleKind } from "@/lib/dto/enums";

export const SEVERITIES = valuesOf(Severity);
export type { Severity };

/** The name a severity's policy shows until a manager names it. */
export function defaultPolicyName(severity: Severity): string {
  return `${severity} escalation`;
}

/** A week: anything longer is a typo, not an escalation. */
export const MAX_WAIT_MINUTES = 7 * 24 * 60;

/** A tier as a manager submits it: whom to engage, and after how many minutes without acknowledgement. */
export type TierDraft = { waitMinutes: number; roles: readonly string[]; contactIds: readonly string[] };

export type TierContact = { id: string; name: string; active: boolean };

export type ValidTier = { position: number; waitMinutes: number; roles: PlanRoleKind[]; contactIds: string[] };

export type TierValidation = { ok: true; tiers: ValidTier[] } | { ok: false; problems: string[] };

/**
 * The rules of an escalation policy: at least one tier; each tier engages at least one plan role or
 * contact, each named once; waits are whole minutes from 0 to a week; named contacts exist and are
 * active (an inactive contact would be paged and never answer). Positions are the list order, 1..n.
 */
export function validateTiers(tiers: readonly TierDraft[], contacts: ReadonlyMap<string, TierContact>): TierValidation {
  if (tiers.length === 0) return { ok: false, problems: ["Add at least one tier: a severity with no tiers engages nobody."] };
  const problems: string[] = [];
  const valid: ValidTier[] = [];
  tiers.forEach((tier, index) => {
    const label = `Tier ${index + 1}`;
    if (tier.roles.length + tier.contactIds.length === 0) problems.push(`${label} engages nobody: add a role or a contact.`);
    if (!Number.isInteger(tier.waitMinutes)) problems.push(`${label}: the wait must be whole minutes.`);
    else if (tier.waitMinutes < 0) problems.push(`${label}: the wait cannot be negative.`);
    else if (tier.waitMinutes > MAX_WAIT_MINUTES)
      problems.push(`${label}: the wait cannot be longer than a week (${MAX_WAIT_MINUTES} minutes).`);
    const roles: PlanRoleKind[] = [];
    for (const role of tier.roles) {
      if (!isPlanRoleKind(role)) problems.push(`${label}: unknown role "${role}".`);
      else if (roles.includes(role)) problems.push(`${label} names ${PLAN_ROLE_DEFAULTS[role].name} twice.`);
      else roles.push(role);
    }
    const contactIds: string[] = [];
    for (const id of tier.contactIds) {
      const contact = contacts.get(id);
      if (!contact) problems.push(`${label}: unknown contact; reload and choose again.`);
      else if (!contact.active) problems.push(`${label}: ${contact.name} is inactive and would never answer a page.`);
      else if (contactIds.includes(id)) problems.push(`${label} names ${contact.name} twice.`);
      else contactIds.push(id);
    }
    valid.push({ position: index + 1, waitMinutes: tier.waitMinutes, roles, contactIds });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, tiers: valid };
}
