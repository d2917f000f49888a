import type { Metadata } from "next";
import Link from "next/link";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { VerifyChainButton } from "@/components/audit/verify-chain-button";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/page";
import { listAuditEvents } from "@/lib/dal/audit-log";
import { toQueryString } from "@/lib/query-string";
import { AuditListFilter } from "@/lib/validation/audit";
import { verifyAuditChainAction } from "./actions";

export const metadata: Metadata = { title: "Audit" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission("audit.read");
  const filter = AuditListFilter.parse(await searchParams);
  const { events, nextBefore } = await listAuditEvents(actor, filter);
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change, sign-in and refused attempt, newest first. Each event carries the hash of the one before it, so an altered or removed event breaks the chain."
        actions={<VerifyChainButton action={verifyAuditChainAction} />}
      />
      <AuditFilters filter={filter} />
      {events.length === 0 ? (
        <EmptyState title="No audit events match these filters">Clear the filters to see every event.</EmptyState>
      ) : (
        <AuditTable events={events} />
      )}
      <div className="mt-4 flex justify-between">
        {filter.before ? (
          <Link href={`/audit${toQueryString({ ...filter, before: undefined })}`} className={buttonClasses("secondary")}>
            Newest
          </Link>
        ) : (
          <span />
        )}
        {nextBefore ? (
          <Link href={`/audit${toQueryString({ ...filter, before: nextBefore })}`} className={buttonClasses("secondary")}>
            Older events
          </Link>
        ) : null}
      </div>
    </>
  );
}
