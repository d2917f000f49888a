import type { Metadata } from "next";
import { EscalationPolicyCard } from "@/components/plan/roles/escalation-policy-card";
import { PlanRolesTable } from "@/components/plan/roles/plan-roles-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/page";
import { listActiveContactOptions } from "@/lib/dal/contacts";
import { listEscalationPolicies } from "@/lib/dal/escalation";
import { listPlanRoles } from "@/lib/dal/plan-roles";
import { can } from "@/lib/domain/roles";
import { replaceEscalationTiersAction, setPlanRoleMembersAction } from "./actions";

export const metadata: Metadata = { title: "Roles & escalation" };

export default async function PlanRolesPage() {
  const actor = await requirePagePermission("plan.read");
  const canEdit = can(actor.role, "plan.edit");
  const [roles, policies, contacts] = await Promise.all([
    listPlanRoles(actor),
    listEscalationPolicies(actor),
    canEdit ? listActiveContactOptions(actor) : Promise.resolve([]),
  ]);
  const roleNames = roles.map(({ kind, name }) => ({ kind, name }));
  return (
    <>
      <PageHeader
        title="Roles & escalation"
        description="Who fills each incident-response role, with backups in order, and whom each severity engages: tiers are paged in order, the next one when the previous has not acknowledged within its wait. DevOps owners of the affected cluster or namespace come from Clusters & owners; the DevOps roles here are the fallback."
      />
      <h2 className="mb-2 text-sm font-semibold tracking-wide text-slate-500 uppercase">Plan roles</h2>
      <PlanRolesTable roles={roles} contacts={contacts} action={canEdit ? setPlanRoleMembersAction : undefined} />
      <h2 className="mt-8 mb-2 text-sm font-semibold tracking-wide text-slate-500 uppercase">Escalation by severity</h2>
      <div className="grid gap-4 xl:grid-cols-2">
        {policies.map((policy) => (
          <EscalationPolicyCard
            key={policy.severity}
            policy={policy}
            roles={roleNames}
            contacts={contacts}
            action={canEdit ? replaceEscalationTiersAction : undefined}
          />
        ))}
      </div>
    </>
  );
}
