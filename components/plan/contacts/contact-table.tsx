import Link from "next/link";
import { ContactStatusBadge } from "@/components/plan/contacts/contact-status-badge";
import { MarkReviewedButton } from "@/components/plan/contacts/mark-reviewed-button";
import { ReviewStatus } from "@/components/plan/contacts/review-status";
import type { ContactDto, FormAction } from "@/components/plan/contacts/types";

/** The contact list; managers get a "Mark reviewed" control per row, everyone else reads. */
export function ContactTable({ contacts, now, markReviewed }: { contacts: ContactDto[]; now: Date; markReviewed?: FormAction }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50 text-left text-xs tracking-wide text-slate-500 uppercase">
          <tr>
            <th scope="col" className="px-3 py-2">
              Name
            </th>
            <th scope="col" className="px-3 py-2">
              Team and title
            </th>
            <th scope="col" className="px-3 py-2">
              Reach them
            </th>
            <th scope="col" className="px-3 py-2">
              Last reviewed
            </th>
            <th scope="col" className="px-3 py-2">
              Status
            </th>
            {markReviewed ? (
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">Review</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {contacts.map((contact) => (
            <tr key={contact.id} className="align-top" data-testid={`contact-${contact.email}`}>
              <td className="px-3 py-2">
                <Link href={`/plan/contacts/${contact.id}`} className="font-medium text-sky-800 underline-offset-2 hover:underline">
                  {contact.name}
                </Link>
                {contact.user ? <span className="block text-xs text-slate-500">signs in as {contact.user.email}</span> : null}
              </td>
              <td className="px-3 py-2">
                {contact.team ?? <span className="text-slate-400">no team</span>}
                {contact.title ? <span className="block text-xs text-slate-500">{contact.title}</span> : null}
              </td>
              <td className="px-3 py-2">
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
              </td>
              <td className="px-3 py-2 text-xs whitespace-nowrap">
                <ReviewStatus lastReviewedAt={contact.lastReviewedAt} now={now} />
              </td>
              <td className="px-3 py-2">
                <ContactStatusBadge active={contact.active} />
              </td>
              {markReviewed ? (
                <td className="px-3 py-2">
                  <MarkReviewedButton action={markReviewed} contact={contact} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
