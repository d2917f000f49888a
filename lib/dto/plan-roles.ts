import type { PlanRoleKind, Severity } from "@/lib/dto/enums";

// The incident response plan's roles and escalation, as /plan/roles shows and edits them.

export type PlanRoleMemberDto = {
  contactId: string;
  name: string;
  email: string;
  phone: string | null;
  team: string | null;
  title: string | null;
  active: boolean;
  /** 0 fills the role; higher ranks are backups in order. */
  rank: number;
};

/** A plan role and who fills it. `id` is null for a kind nobody has edited yet (no row). */
export type PlanRoleDto = {
  kind: PlanRoleKind;
  id: string | null;
  name: string;
  description: string | null;
  version: number;
  members: PlanRoleMemberDto[];
};

export type EscalationTierDto = {
  /** 1 is engaged first. */
  position: number;
  /** Minutes without acknowledgement before this tier is engaged. */
  waitMinutes: number;
  roles: { kind: PlanRoleKind; name: string }[];
  contacts: { id: string; name: string; active: boolean }[];
};

/** One severity's escalation. `id` is null while nobody has edited that severity (no row). */
export type EscalationPolicyDto = {
  severity: Severity;
  id: string | null;
  name: string;
  description: string | null;
  version: number;
  tiers: EscalationTierDto[];
};
