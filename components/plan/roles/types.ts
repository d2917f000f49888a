export type { FormAction } from "@/lib/form-state";
export type { ContactOptionDto } from "@/lib/dto/contacts";
export type { EscalationPolicyDto, EscalationTierDto, PlanRoleDto, PlanRoleMemberDto } from "@/lib/dto/plan-roles";
