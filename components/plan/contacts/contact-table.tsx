import Link from "next/link";
import { ContactStatusBadge } from "@/components/plan/contacts/contact-status-badge";
import { MarkReviewedButton } from "@/components/plan/contacts/mark-reviewed-button";
import { ReviewStatus } from "@/components/plan/contacts/review-status";
import type { ContactDto, FormAction } from "@/components/plan/contacts/types";
import { DataTable, Cell } from "@/components/ui/data-table";

/** The contact list; managers get a "Mark reviewed" control per row, everyone else reads. */
export function ContactTable({ contacts, now, markReviewed }: { contacts: ContactDto[]; now: Date; markReviewed?: FormAction }) {
  return (
    <DataTable
      columns={["Name", "Team and title", "Reach them", "Last reviewed", "Status", markReviewed && { label: "Review", srOnly: true }]}
    >
      {contacts.map((contact) => (
        <tr key={contact.id} className="align-top" data-testid={`contact-${contact.email}`}>
          <Cell>
            <Link href={`/plan/contacts/${contact.id}`} className="font-medium text-sky-800 underline-offset-2 hover:underline">
              {contact.name}
            </Link>
            {contact.user ? <span className="block text-xs text-slate-500">signs in as {contact.user.email}</span> : null}
          </Cell>
          <Cell>
            {contact.team ?? <span className="text-slate-400">no team</span>}
            {contact.title ? <span className="block text-xs text-slate-500">{contact.title}</span> : null}
          </Cell>
          <Cell>
            <a href={`mailto:${contact.email}`} className="block text-sky-800 hover:underline">
              {contact.email}
            </a>
            {contact.phone ? (
              <a href={`tel:${contact.phone.replace(/[^0-9+]/g, "")}`} className="block text-xs text-slate-600 hover:underline">
                {contact.phone}
              </a>
            ) : (
              <span className="block text-xs text-amber-700">no phone</span>
            )}
          </Cell>
          <Cell className="text-xs whitespace-nowrap">
            <ReviewStatus lastReviewedAt={contact.lastReviewedAt} now={now} />
          </Cell>
          <Cell>
            <ContactStatusBadge active={contact.active} />
          </Cell>
          {markReviewed ? (
            <Cell>
              <MarkReviewedButton action={markReviewed} contact={contact} />
            </Cell>
          ) : null}
        </tr>
      ))}
    </DataTable>
  );
}
