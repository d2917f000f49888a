import type { Metadata } from "next";
import { OpenActionItems } from "@/components/exercises/open-action-items";
import { ReadinessChecks } from "@/components/plan/readiness/readiness-checks";
import { ReadinessGaps } from "@/components/plan/readiness/readiness-gaps";
import { ReadinessSummary } from "@/components/plan/readiness/readiness-summary";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/page";
import { listOpenActionItemsConcerning } from "@/lib/dal/exercises/open-action-items";
import { getPlanReadiness } from "@/lib/dal/readiness";

export const metadata: Metadata = { title: "Plan readiness" };

export default async function PlanReadinessPage() {
  const actor = await requirePagePermission("plan.read");
  const [readiness, openItems] = await Promise.all([getPlanReadiness(actor), listOpenActionItemsConcerning(actor, { kind: "plan" })]);
  return (
    <>
      <PageHeader
        title="Plan readiness"
        description="How ready the incident response plan is to be used tonight: owners for every cluster and namespace, filled roles, escalation that pages someone, a current plan, playbooks for the incidents containers see, and practice. Each gap links to where it is fixed."
      />
      <div className="space-y-6">
        <ReadinessSummary readiness={readiness} />
        <ReadinessGaps gaps={readiness.gaps} checks={readiness.checks} />
        <ReadinessChecks checks={readiness.checks} />
        <section aria-labelledby="plan-action-items">
          <h2 id="plan-action-items" className="mb-2 text-sm font-semibold tracking-wide text-slate-500 uppercase">
            Open action items about the plan
          </h2>
          <OpenActionItems openItems={openItems} about="the plan" />
        </section>
      </div>
    </>
  );
}
