import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AlertDetail } from "@/components/incidents/alert-detail";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/page";
import { NotFoundError } from "@/lib/dal/errors";
import { getIncidentAlertOrThrow } from "@/lib/dal/incident-alerts";
import { BackLink } from "@/components/ui/back-link";

export async function generateMetadata({ params }: { params: Promise<{ key: string }> }): Promise<Metadata> {
  return { title: `Alert on ${(await params).key}` };
}

/** One alert of an incident with its raw event: one click from the incident's alert table. */
export default async function IncidentAlertPage({ params }: { params: Promise<{ key: string; alertId: string }> }) {
  const actor = await requirePagePermission("incidents.read");
  const { key, alertId } = await params;
  const alert = await getIncidentAlertOrThrow(actor, decodeURIComponent(key), decodeURIComponent(alertId)).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <>
      <BackLink href={`/incidents/${alert.incidentKey}#section-alerts`}>{alert.incidentKey}</BackLink>
      <PageHeader
        title={alert.rule.length > 120 ? `${alert.rule.slice(0, 120)}…` : alert.rule}
        description={`Alert ${alert.id} on ${alert.incidentKey}`}
      />
      <AlertDetail alert={alert} />
    </>
  );
}
