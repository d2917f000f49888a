import type { Metadata } from "next";
import Link from "next/link";
import { PlanDocument } from "@/components/plan/revisions/plan-document";
import { PrintButton } from "@/components/ui/print-button";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePagePermission } from "@/lib/auth/page";
import { NotFoundError } from "@/lib/dal/errors";
import { getPlanExport } from "@/lib/dal/plan-export";

export const metadata: Metadata = { title: "Incident response plan (print)" };

/** The plan as a clean printable document, the same content as `GET /api/plan/export?format=md`. */
export default async function PrintPlanPage() {
  const actor = await requirePagePermission("plan.read");
  const doc = await getPlanExport(actor, "print").catch((error: unknown) => {
    if (error instanceof NotFoundError) return null;
    throw error;
  });
  return (
    <>
      <div className="mb-6 flex items-center justify-between gap-4 print:hidden">
        <Link href="/plan/revisions" className="text-sm text-slate-600 underline">
          Back to the plan
        </Link>
        {doc ? <PrintButton /> : null}
      </div>
      {doc ? (
        <PlanDocument doc={doc} />
      ) : (
        <EmptyState title="No plan revision has been published yet">
          There is nothing to print: an IR manager publishes the first revision under Plan text &amp; revisions.
        </EmptyState>
      )}
    </>
  );
}
