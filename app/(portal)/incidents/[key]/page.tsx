import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AlertTable } from "@/components/incidents/alert-table";
import { AttackTechniques } from "@/components/incidents/attack-techniques";
import { SeverityBadge, StatusBadge } from "@/components/incidents/badges";
import { OpenActionItems } from "@/components/exercises/open-action-items";
import { ContainerDossier } from "@/components/incidents/container-dossier";
import { IncidentResponsePanel } from "@/components/incidents/incident-response-panel";
import { IncidentTimeline } from "@/components/incidents/incident-timeline";
import { OwnerCards } from "@/components/incidents/owner-cards";
import { LocalTime } from "@/components/ui/local-time";
import { LiveRefresh } from "@/components/live/live-refresh";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/page";
import { NotFoundError, ValidationError } from "@/lib/dal/errors";
import { listIncidentEvidence } from "@/lib/dal/evidence/read";
import { listIncidentAlerts } from "@/lib/dal/incident-alerts";
import { listOpenActionItemsConcerning } from "@/lib/dal/exercises/open-action-items";
import { getContainerDossier } from "@/lib/dal/incident-dossier";
import { listCommanderCandidates } from "@/lib/dal/incident-response";
import { getIncidentTimeline } from "@/lib/dal/incident-timeline";
import { getIncidentOrThrow } from "@/lib/dal/incidents";
import { INCIDENT_STATUS_LABELS } from "@/lib/dto/labels";
import { allowedTransitions, isEarlyClose } from "@/lib/domain/incident-status";
import { can } from "@/lib/domain/roles";
import { addIncidentNoteAction, assignCommanderAction, transitionIncidentAction } from "./actions";
import { IncidentRunsSection } from "../../runs/incident-runs-section";
import { BackLink } from "@/components/ui/back-link";

export async function generateMetadata({ params }: { params: Promise<{ key: string }> }): Promise<Metadata> {
  return { title: (await params).key };
}

function Section({ title, id: given, children }: { title: string; id?: string; children: React.ReactNode }) {
  const id = given ?? `section-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <section className="mt-6" aria-labelledby={id}>
      <h2 id={id} className="mb-2 text-sm font-semibold tracking-wide text-slate-500 uppercase">
        {title}
      </h2>
      {children}
    </section>
  );
}

type Search = Record<string, string | string[] | undefined>;

/** A keyset cursor from the query string; anything else is ignored (the DAL refuses a forged one). */
const cursorParam = (v: string | string[] | undefined) => (typeof v === "string" && v.length > 0 && v.length <= 200 ? v : undefined);

/**
 * Everything on this page is bounded whatever the incident's size: the alerts come 50 a page by
 * keyset, the timeline summarises alerts between the entries people wrote, and the dossier is
 * aggregated in the database from the newest alerts.
 */
export default async function IncidentPage({ params, searchParams }: { params: Promise<{ key: string }>; searchParams: Promise<Search> }) {
  const actor = await requirePagePermission("incidents.read");
  const { key } = await params;
  const search = await searchParams;
  const incident = await getIncidentOrThrow(actor, decodeURIComponent(key)).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  // Auditors and admins read only: they are offered no controls, and the DAL refuses them anyway.
  const canAct = can(actor.role, "incidents.act");
  const older = cursorParam(search.older);
  const newer = older ? undefined : cursorParam(search.newer);
  const [candidates, { alertPage, alertProblem }, timeline, dossier, openItems, evidence] = await Promise.all([
    canAct ? listCommanderCandidates(actor) : Promise.resolve([]),
    listIncidentAlerts(actor, incident.id, { older, newer }).then(
      (alertPage) => ({ alertPage, alertProblem: null }),
      async (error: unknown) => {
        // A forged or stale cursor: say so and show the newest alerts instead.
        if (!(error instanceof ValidationError)) throw error;
        return { alertPage: await listIncidentAlerts(actor, incident.id), alertProblem: error.message };
      },
    ),
    getIncidentTimeline(actor, incident.id),
    getContainerDossier(actor, incident.id),
    listOpenActionItemsConcerning(actor, { kind: "incident", incidentId: incident.id }),
    listIncidentEvidence(actor, incident.key),
  ]);
  const base = `/incidents/${incident.key}`;
  const alertsHref = (param: "older" | "newer", cursor: string | null) =>
    cursor ? `${base}?${param}=${encodeURIComponent(cursor)}#section-alerts` : null;
  const transitions = allowedTransitions(incident.status).map((to) => ({
    to,
    early: isEarlyClose(incident.status, to),
    label: isEarlyClose(incident.status, to) ? `${INCIDENT_STATUS_LABELS[to]} (before recovery)` : INCIDENT_STATUS_LABELS[to],
  }));
  const phases = [
    ["Detected", incident.detectedAt],
    ["Triaged", incident.phaseTimes.triagedAt],
    ["Contained", incident.phaseTimes.containedAt],
    ["Eradicated", incident.phaseTimes.eradicatedAt],
    ["Recovered", incident.phaseTimes.recoveredAt],
    ["Closed", incident.phaseTimes.resolvedAt],
  ] as const;
  return (
    <>
      <BackLink href="/incidents">All incidents</BackLink>
      <PageHeader
        title={`${incident.key} · ${incident.title}`}
        description={incident.summary ?? undefined}
        actions={<LiveRefresh url="/api/incidents/events" scope={{ id: incident.id, key: incident.key }} minIntervalMs={10_000} />}
      />
      <dl className="grid gap-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <dt className="text-xs tracking-wide text-slate-500 uppercase">Severity and status</dt>
          <dd className="flex gap-2">
            <SeverityBadge severity={incident.severity} /> <StatusBadge status={incident.status} />
          </dd>
        </div>
        <div>
          <dt className="text-xs tracking-wide text-slate-500 uppercase">Where</dt>
          <dd className="font-mono text-xs">
            {[incident.cluster, incident.namespace, incident.workload].filter(Boolean).join(" / ") || "—"}
          </dd>
        </div>
        <div>
          <dt className="text-xs tracking-wide text-slate-500 uppercase">Commander</dt>
          <dd>{incident.commander ?? "Nobody assigned"}</dd>
        </div>
        <div>
          <dt className="text-xs tracking-wide text-slate-500 uppercase">Suggested playbook</dt>
          <dd>{incident.suggestedPlaybook ?? "None matches this incident type"}</dd>
        </div>
      </dl>
      <ol className="mt-4 flex flex-wrap gap-x-6 gap-y-1 text-xs text-slate-600" aria-label="Phase times">
        {phases.map(([label, at]) => (
          <li key={label}>
            <span className="font-medium text-slate-700">{label}:</span> {at ? <LocalTime value={at} /> : "—"}
          </li>
        ))}
      </ol>
      {canAct ? (
        <Section title="Respond">
          <IncidentResponsePanel
            incidentKey={incident.key}
            version={incident.version}
            transitions={transitions}
            commanderId={incident.commanderId}
            candidates={candidates}
            actions={{ transition: transitionIncidentAction, assignCommander: assignCommanderAction, addNote: addIncidentNoteAction }}
          />
        </Section>
      ) : null}
      <Section title="Playbook runs">
        <IncidentRunsSection actor={actor} incidentId={incident.id} incidentKey={incident.key} closed={incident.status === "CLOSED"} />
      </Section>
      <Section title="Evidence">
        <p className="text-sm text-slate-700">
          {evidence.items.length === 0
            ? "Nothing registered yet. "
            : `${evidence.items.length} item${evidence.items.length === 1 ? "" : "s"} registered${evidence.items.some((i) => i.state.everMismatched) ? ", one or more FAILED verification" : ""}. `}
          <Link className="font-medium text-sky-700 underline" href={`${base}/evidence`}>
            Open the evidence register
          </Link>
        </p>
      </Section>
      <Section title="Owners">
        <OwnerCards owners={incident.owners} />
      </Section>
      <Section title="ATT&CK for Containers">
        <AttackTechniques techniques={incident.techniques} tactics={incident.tactics} />
      </Section>
      <Section title="Open action items from exercises">
        <OpenActionItems openItems={openItems} about="this incident's cluster, techniques or playbook" />
      </Section>
      <Section title="Container dossier">
        <ContainerDossier dossier={dossier} totalAlerts={incident.alertCount} />
      </Section>
      <Section title="Timeline">
        <IncidentTimeline timeline={timeline} />
      </Section>
      <Section title={`Alerts (${incident.alertCount})`} id="section-alerts">
        {alertProblem ? (
          <p role="alert" className="mb-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {alertProblem}
          </p>
        ) : null}
        <AlertTable
          page={alertPage}
          total={incident.alertCount}
          alertHref={(id) => `${base}/alerts/${encodeURIComponent(id)}`}
          newerHref={alertsHref("newer", alertPage.newerCursor)}
          olderHref={alertsHref("older", alertPage.olderCursor)}
          newestHref={older || newer ? `${base}#section-alerts` : null}
        />
      </Section>
    </>
  );
}
