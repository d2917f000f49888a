import type { OwnershipRole, PlanRoleKind, Severity } from "@/lib/dto/enums";

/** A contact as the contact list, its page and its edit form show it. */
export type ContactDto = {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  team: string | null;
  title: string | null;
  notes: string | null;
  active: boolean;
  lastReviewedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** The user account of this person, if they sign in to the portal. */
  user: LinkableUserDto | null;
};

export type ContactPageDto = { contacts: ContactDto[]; total: number; page: number; pageSize: number; pageCount: number };

/** A user account a contact can be linked to. */
export type LinkableUserDto = { id: string; email: string; name: string };

/** An active contact as the pickers of plan roles and escalation tiers offer it. */
export type ContactOptionDto = { id: string; name: string; team: string | null; title: string | null };

/** Where the plan names a contact: ownerships, plan role memberships, escalation tiers naming them directly. */
export type ContactUsageDto = {
  ownerships: { id: string; role: OwnershipRole; scope: string; rank: number }[];
  planRoles: { kind: PlanRoleKind; name: string; rank: number }[];
  escalationTiers: { severity: Severity; position: number; waitMinutes: number }[];
};
