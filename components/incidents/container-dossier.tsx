import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { LongText } from "@/components/ui/long-text";
import type { DossierEntry } from "@/lib/domain/container-dossier";
import type { IncidentDossierDto } from "@/lib/dto/incidents";

function Facts({ label, items }: { label: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <div>
      <dt className="text-xs tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd>
        <ul className="font-mono text-xs">
          {items.map((item) => (
            // Values come cut to DOSSIER_VALUE_CHARS; the line truncates and hovering shows the value.
            <li key={item} className="truncate" title={item.length > 40 ? item : undefined}>
              {item}
            </li>
          ))}
        </ul>
      </dd>
    </div>
  );
}

function DossierCard({ entry }: { entry: DossierEntry }) {
  return (
    <article className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
      <header className="mb-2 flex flex-wrap items-center gap-2">
        <h3 className="max-w-full min-w-0 font-medium">
          <LongText value={entry.label} max={100} mono />
        </h3>
        {entry.probablyGone ? <Badge tone="warn">Probably gone</Badge> : <Badge tone="info">Recently active</Badge>}
      </header>
      <p className="mb-2 text-xs text-slate-600">
        {entry.alertCount} alert{entry.alertCount === 1 ? "" : "s"} · first seen <LocalTime value={entry.firstSeen} withSeconds /> · last
        seen <LocalTime value={entry.lastSeen} withSeconds />
      </p>
      <dl className="grid gap-2 sm:grid-cols-2">
        <Facts
          label="Images"
          items={entry.images.map(
            (i) => `${i.repository}${i.tag ? `:${i.tag}` : ""}${i.digest ? `@${i.digest}` : " (no digest recorded)"}`,
          )}
        />
        <Facts label="Nodes" items={entry.nodes} />
        <Facts label="Pods" items={entry.pods} />
        {entry.kind === "workload" ? <Facts label="Containers" items={entry.containerNames} /> : null}
        <Facts label="Processes" items={entry.processes} />
        <Facts label="Users" items={entry.users} />
        <Facts label="Files" items={entry.files} />
        <Facts label="Network" items={entry.connections} />
      </dl>
    </article>
  );
}

/**
 * What each workload and container did, as its newest alerts recorded it (aggregated in the
 * database, so its size does not follow the alert count). "Probably gone" is a heuristic: no alert
 * for longer than the lifetime (most containers live minutes), not a check of the cluster.
 */
export function ContainerDossier({ dossier, totalAlerts }: { dossier: IncidentDossierDto; totalAlerts: number }) {
  const { workloads, containers } = dossier;
  if (workloads.length === 0 && containers.length === 0) {
    return <p className="text-sm text-slate-600">The alerts carried no container or workload context.</p>;
  }
  const more = (n: number, what: string) =>
    n > 0 ? (
      <p className="mt-2 text-xs text-slate-600">
        And {n} more {what} in these alerts, less recently active.
      </p>
    ) : null;
  return (
    <div className="space-y-4">
      <p className="text-xs text-slate-600">
        &ldquo;Probably gone&rdquo; is a heuristic: no alert for more than {dossier.lifetimeMinutes} minutes. The container may still run
        quietly; if it is gone, these alerts are all that is left of it.
        {dossier.fromAlerts < totalAlerts
          ? ` Built from the latest ${dossier.fromAlerts.toLocaleString("en")} of ${totalAlerts.toLocaleString("en")} alerts.`
          : null}
      </p>
      <section aria-label="Workloads">
        <h3 className="mb-2 text-sm font-semibold text-slate-700">Per workload</h3>
        <div className="grid gap-3 lg:grid-cols-2">
          {workloads.map((w) => (
            <DossierCard key={w.id} entry={w} />
          ))}
        </div>
        {more(dossier.moreWorkloads, "workloads")}
      </section>
      {containers.length ? (
        <section aria-label="Containers">
          <h3 className="mb-2 text-sm font-semibold text-slate-700">Per container</h3>
          <div className="grid gap-3 lg:grid-cols-2">
            {containers.map((c) => (
              <DossierCard key={c.id} entry={c} />
            ))}
          </div>
          {more(dossier.moreContainers, "containers")}
        </section>
      ) : null}
    </div>
  );
}
