import type { Metadata } from "next";
import Link from "next/link";
import { CacaoImportForm } from "@/components/playbooks/cacao-import-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/page";
import { INCIDENT_TYPE_CHOICES } from "@/lib/cacao/inputs";
import { importCacaoPlaybookAction } from "./actions";

export const metadata: Metadata = { title: "Import a CACAO playbook" };

/** Import is only ever an edit, so the page is for those who may edit playbooks (others get a 404, STYLE rule 5). */
export default async function ImportCacaoPlaybookPage() {
  await requirePagePermission("playbooks.edit");
  return (
    <>
      <PageHeader
        title="Import a CACAO 2.0 playbook"
        description="Bring in a playbook shared as an OASIS CACAO 2.0 document, from another team, a vendor or another Bulkhead. It becomes a new playbook whose version 1 is a draft: review and edit its steps, then publish it."
        actions={
          <Link href="/playbooks" className="text-sm text-slate-600 underline">
            Back to playbooks
          </Link>
        }
      />
      <CacaoImportForm incidentTypes={INCIDENT_TYPE_CHOICES} importAction={importCacaoPlaybookAction} />
    </>
  );
}
