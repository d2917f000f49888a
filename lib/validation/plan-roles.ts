import { z } from "zod";
import { Id, Version } from "@/lib/validation/record-ref";
import { PLAN_ROLE_KINDS, type PlanRoleKind } from "@/lib/domain/plan-roles";
import { SEVERITIES } from "@/lib/domain/escalation";

export const PlanRoleKindInput = z.enum(PLAN_ROLE_KINDS as [PlanRoleKind, ...PlanRoleKind[]], { error: "Choose a plan role" });

/** A role's members in rank order: the first fills the role, the rest are its backups. */
export const SetPlanRoleMembersInput = z.object({
  kind: PlanRoleKindInput,
  version: Version,
  contactIds: z.array(Id).max(20, "Name at most 20 people for one role"),
});

const Tier = z.object({
  // JSON from the editor, so no coercion: a blank wait arrives as null and is refused, not read as 0.
  waitMinutes: z.number({ error: "Enter each tier's wait in minutes" }).int("Use whole minutes"),
  // Role names are checked by the domain rule, which names the tier at fault.
  roles: z.array(z.string().max(40)).max(8),
  contactIds: z.array(Id).max(20),
});

/** The whole tier list of one severity's policy, replaced at once. */
export const ReplaceEscalationTiersInput = z.object({
  severity: z.enum(SEVERITIES, { error: "Choose a severity" }),
  version: Version,
  name: z.string().trim().min(1, "Enter a name for the policy").max(160, "Use at most 160 characters"),
  description: z
    .string()
    .trim()
    .max(1000, "Use at most 1000 characters")
    .optional()
    .transform((v) => v || null),
  tiers: z.array(Tier).max(10, "Use at most 10 tiers"),
});

/** The editor posts its tier list as JSON in one field; anything unparseable is a clear error. */
export const TiersJson = z.string().transform((text, ctx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: "custom", message: "The tier list could not be read; reload and try again." });
    return z.NEVER;
  }
});

/** What the escalation editor posts: the same input with its tier list as JSON. */
export const ReplaceEscalationTiersForm = ReplaceEscalationTiersInput.extend({
  tiers: TiersJson.pipe(ReplaceEscalationTiersInput.shape.tiers),
});

export type SetPlanRoleMembersValue = z.output<typeof SetPlanRoleMembersInput>;
export type ReplaceEscalationTiersValue = z.output<typeof ReplaceEscalationTiersInput>;
