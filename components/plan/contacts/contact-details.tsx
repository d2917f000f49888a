import { ContactStatusBadge } from "@/components/plan/contacts/contact-status-badge";
import { ReviewStatus } from "@/components/plan/contacts/review-status";
import type { ContactDto } from "@/components/plan/contacts/types";

/** The read-only view of a contact, for responders and auditors. */
export function ContactDetails({ contact, now }: { contact: ContactDto; now: Date }) {
  const rows: [string, React.ReactNode][] = [
    [
      "Email",
      <a key="e" href={`mailto:${contact.email}`} className="text-sky-800 hover:underline">
        {contact.email}
      </a>,
    ],
    ["Phone", contact.phone ?? <span className="text-amber-700">none recorded</span>],
    ["Team", contact.team ?? "—"],
    ["Title", contact.title ?? "—"],
    ["User account", contact.user ? `${contact.user.name} (${contact.user.email})` : "none"],
    ["Last reviewed", <ReviewStatus key="r" lastReviewedAt={contact.lastReviewedAt} now={now} />],
    ["Status", <ContactStatusBadge key="s" active={contact.active} />],
    ["Notes", contact.notes ? <span className="whitespace-pre-wrap">{contact.notes}</span> : "—"],
  ];
  return (
    <dl className="grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[10rem_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium text-slate-600">{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
