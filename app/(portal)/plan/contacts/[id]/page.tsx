import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ContactActiveToggle } from "@/components/plan/contacts/contact-active-toggle";
import { ContactDetails } from "@/components/plan/contacts/contact-details";
import { ContactForm } from "@/components/plan/contacts/contact-form";
import { ContactStatusBadge } from "@/components/plan/contacts/contact-status-badge";
import { ContactUsage } from "@/components/plan/contacts/contact-usage";
import { MarkReviewedButton } from "@/components/plan/contacts/mark-reviewed-button";
import { ReviewStatus } from "@/components/plan/contacts/review-status";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/page";
import { getContactOrThrow, listLinkableUsers } from "@/lib/dal/contacts";
import { NotFoundError } from "@/lib/dal/errors";
import { dutiesNamed } from "@/lib/domain/contacts";
import { can } from "@/lib/domain/roles";
import { markContactReviewedAction, setContactActiveAction, updateContactAction } from "../actions";
import { BackLink } from "@/components/ui/back-link";

export const metadata: Metadata = { title: "Contact" };

export default async function ContactPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission("plan.read");
  const { id } = await params;
  const contact = await getContactOrThrow(actor, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const canEdit = can(actor.role, "plan.edit");
  const users = canEdit ? await listLinkableUsers(actor, contact.id) : [];
  const now = new Date();
  return (
    <>
      <BackLink href="/plan/contacts">All contacts</BackLink>
      <PageHeader
        title={contact.name}
        description={[contact.title, contact.team].filter(Boolean).join(", ") || undefined}
        actions={
          <span className="flex items-center gap-2 text-sm">
            <ContactStatusBadge active={contact.active} />
            <span className="text-slate-600">reviewed</span> <ReviewStatus lastReviewedAt={contact.lastReviewedAt} now={now} />
          </span>
        }
      />
      {canEdit ? (
        <div className="grid gap-6 lg:grid-cols-[1fr_16rem]">
          <ContactForm action={updateContactAction} contact={contact} users={users} />
          <div className="space-y-4">
            <MarkReviewedButton action={markContactReviewedAction} contact={contact} />
            <ContactActiveToggle action={setContactActiveAction} contact={contact} namedFor={dutiesNamed(contact.usage)} />
          </div>
        </div>
      ) : (
        <ContactDetails contact={contact} now={now} />
      )}
      <h2 className="mt-8 mb-2 text-sm font-semibold tracking-wide text-slate-500 uppercase">Where the plan names {contact.name}</h2>
      <ContactUsage usage={contact.usage} />
    </>
  );
}
