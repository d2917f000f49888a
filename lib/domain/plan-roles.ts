import { PlanRoleKind, valuesOf } from "@/lib/dto/enums";

export type { PlanRoleKind };

/**
 * The IR roles of the plan in the order the plan lists them: command first, then the security and
 * DevOps responders, then the people who speak for the company (NIST SP 800-61 r2, 2.4.3); the
 * schema declares them in that order.
 */
export const PLAN_ROLE_KINDS: readonly PlanRoleKind[] = valuesOf(PlanRoleKind);

/** Name and description a role gets when its row is first created by an edit. */
export const PLAN_ROLE_DEFAULTS: Record<PlanRoleKind, { name: string; description: string }> = {
  INCIDENT_COMMANDER: {
    name: "Incident commander",
    description: "Owns the incident from declaration to close: severity, containment approval, the bridge and the timeline.",
  },
  DEPUTY_COMMANDER: {
    name: "Deputy commander",
    description: "Keeps the timeline and evidence register current; takes over command when needed.",
  },
  SECURITY_LEAD: {
    name: "Security lead",
    description: "Leads analysis and forensics; decides on credential rotation and admission blocks.",
  },
  DEVOPS_PRIMARY: { name: "DevOps primary owner", description: "Fallback when a cluster or namespace has no primary owner of its own." },
  DEVOPS_SECONDARY: {
    name: "DevOps secondary owner",
    description: "Fallback when a cluster or namespace has no secondary owner of its own.",
  },
  LEGAL: { name: "Legal counsel", description: "Assesses notification duties (regulators, card brands, contracts)." },
  COMMUNICATIONS: { name: "Communications", description: "Status page, customer and staff statements." },
  EXECUTIVE: { name: "Executive sponsor", description: "Decides on taking production offline and on external disclosure." },
};

export function isPlanRoleKind(value: string): value is PlanRoleKind {
  return (PLAN_ROLE_KINDS as readonly string[]).includes(value);
}

export type MemberCandidate = { id: string; name: string; active: boolean };

/**
 * Checks an ordered member list for a role: every contact known, active, and named once. Rank is
 * the list position, so rank 0 fills the role and the rest are backups in order.
 */
export function planRoleMemberProblems(contactIds: readonly string[], known: ReadonlyMap<string, MemberCandidate>): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const id of contactIds) {
    const contact = known.get(id);
    if (!contact) problems.push("One of the chosen contacts does not exist any more; reload and choose again.");
    else if (!contact.active) problems.push(`${contact.name} is inactive and cannot fill a role.`);
    else if (seen.has(id)) problems.push(`${contact.name} is listed twice.`);
    seen.add(id);
  }
  return problems;
}
