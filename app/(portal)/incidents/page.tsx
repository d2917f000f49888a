import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { IncidentFilters, type IncidentFilterValues } from "@/components/incidents/incident-filters";
import { IncidentTable } from "@/components/incidents/incident-table";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LiveRefresh } from "@/components/live/live-refresh";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/page";
import { ValidationError } from "@/lib/dal/errors";
import { listIncidents } from "@/lib/dal/incidents";
import { IncidentListFilter } from "@/lib/validation/incidents";

export const metadata: Metadata = { title: "Incidents" };

type Params = Record<string, string | string[] | undefined>;

const text = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

/** Query string for the same filters at another keyset position. */
function pageHref(params: Params, cursor?: string): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (key === "cursor") continue;
    for (const one of [value ?? []].flat()) if (one !== "") query.append(key, one);
  }
  if (cursor) query.set("cursor", cursor);
  const qs = query.toString();
  return `/incidents${qs ? `?${qs}` : ""}`;
}

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await requirePagePermission("incidents.read");
  const params = await searchParams;
  const parsed = IncidentListFilter.safeParse(params);
  let problem = parsed.success
    ? null
    : (Object.values(z.flattenError(parsed.error).fieldErrors).flat()[0] ?? "Those filters are not valid.");
  const result = parsed.success
    ? await listIncidents(actor, parsed.data).catch((error: unknown) => {
        if (!(error instanceof ValidationError)) throw error;
        problem = error.message;
        return null;
      })
    : null;
  const values: IncidentFilterValues = {
    status: parsed.success ? parsed.data.status : undefined,
    severity: parsed.success ? parsed.data.severity : undefined,
    cluster: text(params.cluster),
    namespace: text(params.namespace),
    owner: text(params.owner),
    q: text(params.q),
    from: text(params.from),
    to: text(params.to),
  };
  const filtered = Object.entries(params).some(([key, v]) => key !== "cursor" && v !== undefined && v !== "");
  const incidents = result?.incidents ?? [];
  return (
    <>
      <PageHeader
        title="Incidents"
        description="Raised from Falco and falcosidekick alerts, correlated per cluster, namespace and workload. Newest detected first."
        actions={<LiveRefresh url="/api/incidents/events" />}
      />
      <IncidentFilters values={values} />
      {problem ? (
        <p role="alert" className="mt-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {problem}
        </p>
      ) : null}
      <div className="mt-3">
        {incidents.length > 0 ? (
          <IncidentTable incidents={incidents} />
        ) : problem ? null : filtered || params.cursor ? (
          <EmptyState title="No incidents match these filters">
            <Link href="/incidents" className="text-sky-800 underline">
              Clear the filters
            </Link>{" "}
            to see every incident.
          </EmptyState>
        ) : (
          <EmptyState title="No incidents yet">
            Incidents open when alerts arrive: POST Falco/falcosidekick events to <code>/api/ingest/falco</code> with a detection source
            token.
          </EmptyState>
        )}
      </div>
      <nav aria-label="Pages of incidents" className="mt-3 flex items-center justify-end gap-2 text-sm">
        {params.cursor ? (
          <Link href={pageHref(params)} className={buttonClasses("secondary")}>
            First page
          </Link>
        ) : null}
        {result?.nextCursor ? (
          <Link href={pageHref(params, result.nextCursor)} className={buttonClasses("secondary")}>
            Next page
          </Link>
        ) : null}
      </nav>
    </>
  );
}
