import type { Metadata } from "next";
import { PlaybookDetailsForm } from "@/components/playbooks/playbook-details-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/page";
import { CONTAINER_TECHNIQUES } from "@/lib/domain/attack";
import { INCIDENT_TYPE_LABELS } from "@/lib/dto/labels";
import { INCIDENT_TYPES } from "@/lib/domain/playbook-labels";
import { createPlaybookAction } from "./actions";
import { BackLink } from "@/components/ui/back-link";

export const metadata: Metadata = { title: "New playbook" };

export default async function NewPlaybookPage() {
  // Only managers write playbooks; everyone else gets the same 404 as for a page that does not exist.
  await requirePagePermission("playbooks.edit");
  return (
    <>
      <BackLink href="/playbooks">All playbooks</BackLink>
      <PageHeader
        title="New playbook"
        description="The playbook starts with an empty draft, version 1: add its steps there, then publish it."
      />
      <div className="max-w-3xl">
        <PlaybookDetailsForm
          action={createPlaybookAction}
          incidentTypes={INCIDENT_TYPES.map((t) => ({ value: t, label: INCIDENT_TYPE_LABELS[t] }))}
          techniques={CONTAINER_TECHNIQUES.map((t) => ({ value: t.id, label: t.name }))}
          submitLabel="Create playbook"
        />
      </div>
    </>
  );
}
