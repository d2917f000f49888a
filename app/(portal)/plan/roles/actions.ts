"use server";

import { runAction, type ActionState, type Revalidation } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import { replaceEscalationTiers } from "@/lib/dal/escalation";
import { setPlanRoleMembers } from "@/lib/dal/plan-roles";
import { ReplaceEscalationTiersForm, SetPlanRoleMembersInput } from "@/lib/validation/plan-roles";

// Roles and escalation feed the readiness score and contact pages too, so the whole plan refreshes.
const PLAN_PAGES: Revalidation[] = [{ path: "/plan", type: "layout" }];

export async function setPlanRoleMembersAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("setPlanRoleMembers", async () => {
    const input = SetPlanRoleMembersInput.parse({
      kind: formData.get("kind"),
      version: formData.get("version"),
      // Repeated fields in the order the editor lists them: that order is the rank.
      contactIds: formData.getAll("contactId"),
    });
    const role = await setPlanRoleMembers(actor, input);
    const [first, ...backups] = role.members;
    if (!first) return { message: `${role.name} now has nobody: the readiness score shows it as unfilled.`, revalidate: PLAN_PAGES };
    return {
      message: `${role.name}: ${first.name}${backups.length > 0 ? `, backed up by ${backups.map((m) => m.name).join(", ")}` : ""}.`,
      revalidate: PLAN_PAGES,
    };
  });
}

export async function replaceEscalationTiersAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("replaceEscalationTiers", async () => {
    const policy = await replaceEscalationTiers(actor, ReplaceEscalationTiersForm.parse(Object.fromEntries(formData)));
    return {
      message: `Saved the ${policy.severity} escalation: ${policy.tiers.length} tier${policy.tiers.length === 1 ? "" : "s"}.`,
      revalidate: PLAN_PAGES,
    };
  });
}
