import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { RunFilters } from "@/components/runs/run-filters";
import { RunTable } from "@/components/runs/run-table";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/page";
import { listRuns } from "@/lib/dal/runs";
import { RunListFilter } from "@/lib/validation/runs";

export const metadata: Metadata = { title: "Runs" };

type Params = Record<string, string | string[] | undefined>;

const text = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);

function pageHref(params: { status?: string; incident?: string }, page: number): string {
  const query = new URLSearchParams();
  if (params.status) query.set("status", params.status);
  if (params.incident) query.set("incident", params.incident);
  if (page > 1) query.set("page", String(page));
  const qs = query.toString();
  return `/runs${qs ? `?${qs}` : ""}`;
}

export default async function RunsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await requirePagePermission("runs.read");
  const params = await searchParams;
  const parsed = RunListFilter.safeParse({ status: text(params.status), incident: text(params.incident), page: text(params.page) });
  const problem = parsed.success
    ? null
    : (Object.values(z.flattenError(parsed.error).fieldErrors).flat()[0] ?? "Those filters are not valid.");
  const result = parsed.success ? await listRuns(actor, parsed.data) : null;
  const filters = { status: text(params.status)?.toUpperCase(), incident: text(params.incident) };
  const filtered = Boolean(filters.status || filters.incident);
  return (
    <>
      <PageHeader title="Playbook runs" description="Playbooks being stepped through on incidents. Active runs first, then the newest." />
      <RunFilters status={filters.status} incident={filters.incident} />
      {problem ? (
        <p role="alert" className="mt-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {problem}
        </p>
      ) : null}
      <div className="mt-3">
        {result && result.runs.length > 0 ? (
          <RunTable runs={result.runs} />
        ) : problem ? null : filtered ? (
          <EmptyState title="No runs match these filters">
            <Link href="/runs" className="text-sky-800 underline">
              Clear the filters
            </Link>{" "}
            to see every run.
          </EmptyState>
        ) : (
          <EmptyState title="No playbook runs yet">
            Start one from an incident: open it under{" "}
            <Link href="/incidents" className="text-sky-800 underline">
              Incidents
            </Link>{" "}
            and use “Start a run” in its Playbook runs section.
          </EmptyState>
        )}
      </div>
      {result && result.pageCount > 1 ? (
        <nav aria-label="Pages of runs" className="mt-3 flex items-center justify-end gap-2 text-sm">
          <span className="text-slate-600">
            Page {result.page} of {result.pageCount} ({result.total} runs)
          </span>
          {result.page > 1 ? (
            <Link href={pageHref(filters, result.page - 1)} className={buttonClasses("secondary")}>
              Previous page
            </Link>
          ) : null}
          {result.page < result.pageCount ? (
            <Link href={pageHref(filters, result.page + 1)} className={buttonClasses("secondary")}>
              Next page
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
