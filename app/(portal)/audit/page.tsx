import type { Metadata } from "next";
import Link from "next/link";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditProtection } from "@/components/audit/audit-protection";
import { AuditTable } from "@/components/audit/audit-table";
import { VerifyChainButton } from "@/components/audit/verify-chain-button";
import { VerifyReceiptForm } from "@/components/audit/verify-receipt-form";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/page";
import { getAuditProtection, listAuditEvents } from "@/lib/dal/audit-log";
import { toQueryString } from "@/lib/query-string";
import { AuditListFilter, isRefusedAuditBefore } from "@/lib/validation/audit";
import { verifyAuditChainAction, verifyAuditReceiptAction } from "./actions";

export const metadata: Metadata = { title: "Audit" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission("audit.read");
  const params = await searchParams;
  const filter = AuditListFilter.parse(params);
  // A `before` that is not an event number (or past the largest one) is refused, and said so.
  const refusedBefore = isRefusedAuditBefore(params.before);
  const [{ events, nextBefore }, protection] = await Promise.all([listAuditEvents(actor, filter), getAuditProtection(actor)]);
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change, sign-in and refused attempt, newest first. Each event carries the hash of the one before it, so an altered or removed event breaks the chain; signed checkpoints show when events were removed from its end or the chain was re-hashed."
        actions={<VerifyChainButton action={verifyAuditChainAction} />}
      />
      <AuditProtection protection={protection} />
      <VerifyReceiptForm action={verifyAuditReceiptAction} />
      {refusedBefore ? (
        <p role="status" data-testid="audit-refused-before" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          “before” must be an event number from 1 to 9223372036854775807; showing the newest events instead.
        </p>
      ) : null}
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
