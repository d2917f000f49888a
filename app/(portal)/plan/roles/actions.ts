"use server";

import { revalidatePath } from "next/cache";
import { settle, type ActionState } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import { replaceEscalationTiers } from "@/lib/dal/escalation";
import { setPlanRoleMembers } from "@/lib/dal/plan-roles";
import { ReplaceEscalationTiersForm, SetPlanRoleMembersInput } from "@/lib/validation/plan-roles";

// Roles and escalation feed the readiness score and contact pages too, so the whole plan refreshes.
function revalidatedOnSuccess(result: ActionState): ActionState {
  if (result?.ok) revalidatePath("/plan", "layout");
  return result;
}

export async function setPlanRoleMembersAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const result = await settle("setPlanRoleMembers", async () => {
    const input = SetPlanRoleMembersInput.parse({
      kind: formData.get("kind"),
      version: formData.get("version"),
      // Repeated fields in the order the editor lists them: that order is the rank.
      contactIds: formData.getAll("contactId"),
    });
    const role = await setPlanRoleMembers(actor, input);
    const [first, ...backups] = role.members;
    if (!first) return `${role.name} now has nobody: the readiness score shows it as unfilled.`;
    return `${role.name}: ${first.name}${backups.length > 0 ? `, backed up by ${backups.map((m) => m.name).join(", ")}` : ""}.`;
  });
  return revalidatedOnSuccess(result);
}

export async function replaceEscalationTiersAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const result = await settle("replaceEscalationTiers", async () => {
    const policy = await replaceEscalationTiers(actor, ReplaceEscalationTiersForm.parse(Object.fromEntries(formData)));
    return `Saved the ${policy.severity} escalation: ${policy.tiers.length} tier${policy.tiers.length === 1 ? "" : "s"}.`;
  });
  return revalidatedOnSuccess(result);
}
