import type { PlanRoleKind } from "@/lib/domain/plan-roles";

export type { FormAction } from "@/lib/form-state";

export type RoleMemberView = {
  contactId: string;
  name: string;
  email: string;
  phone: string | null;
  team: string | null;
  active: boolean;
  rank: number;
};

export type PlanRoleView = {
  kind: PlanRoleKind;
  name: string;
  description: string | null;
  version: number;
  members: RoleMemberView[];
};

export type ContactOption = { id: string; name: string; team: string | null; title: string | null };

export type EscalationTierView = {
  position: number;
  waitMinutes: number;
  roles: { kind: PlanRoleKind; name: string }[];
  contacts: { id: string; name: string; active: boolean }[];
};

export type EscalationPolicyView = {
  severity: "SEV1" | "SEV2" | "SEV3" | "SEV4";
  id: string | null;
  name: string;
  description: string | null;
  version: number;
  tiers: EscalationTierView[];
};
