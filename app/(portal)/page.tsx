import Link from "next/link";
import { ReadinessCard } from "@/components/plan/readiness/readiness-card";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/page";
import { getDashboardSummary } from "@/lib/dal/dashboard";
import { getPlanReadiness } from "@/lib/dal/readiness";
import { ROLE_LABELS } from "@/lib/dto/labels";

function Stat({ label, value, children }: { label: string; value: React.ReactNode; children?: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</p>
      <p className="mt-1 text-2xl font-semibold">{value}</p>
      {children ? <div className="mt-1 text-xs text-slate-600">{children}</div> : null}
    </div>
  );
}

export default async function DashboardPage() {
  const actor = await requirePagePermission("incidents.read");
  const [summary, readiness] = await Promise.all([getDashboardSummary(actor), getPlanReadiness(actor)]);
  const { SEV1, SEV2, SEV3, SEV4 } = summary.openBySeverity;
  return (
    <>
      <PageHeader title={`Welcome, ${actor.name}`} description={`Signed in as ${ROLE_LABELS[actor.role]}.`} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Open incidents" value={summary.openIncidents}>
          SEV1 {SEV1} · SEV2 {SEV2} · SEV3 {SEV3} · SEV4 {SEV4}
        </Stat>
        <Stat label="Active playbook runs" value={summary.activeRuns} />
        <Stat label="Published playbooks" value={summary.publishedPlaybooks} />
        <Stat label="Clusters in the plan" value={summary.clusters}>
          {summary.contacts} active contacts
        </Stat>
        <Stat label="Plan in force" value={summary.planRevision?.number ? `Revision ${summary.planRevision.number}` : "None published"}>
          {summary.planRevision?.publishedAt ? (
            <>
              published <LocalTime value={summary.planRevision.publishedAt} />
            </>
          ) : (
            <Link href="/plan/revisions" className="underline">
              Publish the first revision
            </Link>
          )}
        </Stat>
        <Stat label="Last exercise" value={summary.lastExercise ? summary.lastExercise.title : "None yet"}>
          {summary.lastExercise?.conductedAt ? (
            <>
              {summary.lastExercise.kind === "TABLETOP" ? "Tabletop" : "Purple team"},{" "}
              <LocalTime value={summary.lastExercise.conductedAt} />
            </>
          ) : null}
        </Stat>
        <ReadinessCard readiness={readiness} />
      </div>
    </>
  );
}
