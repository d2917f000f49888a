import type { Metadata } from "next";
import { ReadinessChecks } from "@/components/plan/readiness/readiness-checks";
import { ReadinessGaps } from "@/components/plan/readiness/readiness-gaps";
import { ReadinessSummary } from "@/components/plan/readiness/readiness-summary";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/page";
import { getPlanReadiness } from "@/lib/dal/readiness";

export const metadata: Metadata = { title: "Plan readiness" };

export default async function PlanReadinessPage() {
  const actor = await requirePagePermission("plan.read");
  const readiness = await getPlanReadiness(actor);
  return (
    <>
      <PageHeader
        title="Plan readiness"
        description="How ready the incident response plan is to be used tonight: owners for every cluster and namespace, filled roles, escalation that pages someone, a current plan and playbooks for the incidents containers see. Each gap links to where it is fixed."
      />
      <div className="space-y-6">
        <ReadinessSummary readiness={readiness} />
        <ReadinessGaps gaps={readiness.gaps} checks={readiness.checks} />
        <ReadinessChecks checks={readiness.checks} />
      </div>
    </>
  );
}
