import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AlertTable } from "@/components/incidents/alert-table";
import { AttackTechniques } from "@/components/incidents/attack-techniques";
import { SeverityBadge, StatusBadge } from "@/components/incidents/badges";
import { ContainerDossier } from "@/components/incidents/container-dossier";
import { IncidentResponsePanel } from "@/components/incidents/incident-response-panel";
import { IncidentTimeline } from "@/components/incidents/incident-timeline";
import { OwnerCards } from "@/components/incidents/owner-cards";
import { LocalTime } from "@/components/ui/local-time";
import { LiveRefresh } from "@/components/live/live-refresh";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/page";
import { NotFoundError } from "@/lib/dal/errors";
import { listCommanderCandidates } from "@/lib/dal/incident-response";
import { getIncidentOrThrow } from "@/lib/dal/incidents";
import { allowedTransitions, isEarlyClose, STATUS_LABELS } from "@/lib/domain/incident-status";
import { can } from "@/lib/domain/roles";
import { addIncidentNoteAction, assignCommanderAction, transitionIncidentAction } from "./actions";
import { IncidentRunsSection } from "../../runs/incident-runs-section";

export async function generateMetadata({ params }: { params: Promise<{ key: string }> }): Promise<Metadata> {
  return { title: (await params).key };
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  const id = `section-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <section className="mt-6" aria-labelledby={id}>
      <h2 id={id} className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500">{title}</h2>
      {children}
    </section>
  );
}

export default async function IncidentPage({ params }: { params: Promise<{ key: string }> }) {
  const actor = await requirePagePermission("incidents.read");
  const { key } = await params;
  const incident = await getIncidentOrThrow(actor, decodeURIComponent(key)).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  // Auditors and admins read only: they are offered no controls, and the DAL refuses them anyway.
  const canAct = can(actor.role, "incidents.act");
  const candidates = canAct ? await listCommanderCandidates(actor) : [];
  const transitions = allowedTransitions(incident.status).map((to) => ({
    to,
    early: isEarlyClose(incident.status, to),
    label: isEarlyClose(incident.status, to) ? `${STATUS_LABELS[to]} (before recovery)` : STATUS_LABELS[to],
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
      <p className="mb-2 text-sm">
        <Link href="/incidents" className="text-sky-800 underline">← All incidents</Link>
      </p>
      <PageHeader
        title={`${incident.key} · ${incident.title}`}
        description={incident.summary ?? undefined}
        actions={<LiveRefresh url="/api/incidents/events" scope={{ id: incident.id, key: incident.key }} />}
      />
      <dl className="grid gap-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <dt className="text-xs uppercase tracking-wide text-slate-500">Severity and status</dt>
          <dd className="flex gap-2"><SeverityBadge severity={incident.severity} /> <StatusBadge status={incident.status} /></dd>
        </div>
        <div>
          <dt className="text-xs uppercase tracking-wide text-slate-500">Where</dt>
          <dd className="font-mono text-xs">{[incident.cluster, incident.namespace, incident.workload].filter(Boolean).join(" / ") || "—"}</dd>
        </div>
        <div>
          <dt className="text-xs uppercase tracking-wide text-slate-500">Commander</dt>
          <dd>{incident.commander ?? "Nobody assigned"}</dd>
        </div>
        <div>
          <dt className="text-xs uppercase tracking-wide text-slate-500">Suggested playbook</dt>
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
      <Section title="Owners">
        <OwnerCards owners={incident.owners} />
      </Section>
      <Section title="ATT&CK for Containers">
        <AttackTechniques techniques={incident.techniques} tactics={incident.tactics} />
      </Section>
      <Section title="Container dossier">
        <ContainerDossier
          workloads={incident.dossier.workloads}
          containers={incident.dossier.containers}
          fromAlerts={incident.dossier.fromAlerts}
          totalAlerts={incident.alertCount}
          goneAfterMinutes={incident.dossier.lifetimeMinutes}
        />
      </Section>
      <Section title="Timeline">
        <IncidentTimeline entries={incident.timeline} />
      </Section>
      <Section title={`Alerts (${incident.alertCount})`}>
        <AlertTable alerts={incident.alerts} total={incident.alertCount} />
      </Section>
    </>
  );
}
