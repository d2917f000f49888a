import type { Metadata } from "next";
import { ContactFilters } from "@/components/plan/contacts/contact-filters";
import { ContactPagination } from "@/components/plan/contacts/contact-pagination";
import { ContactTable } from "@/components/plan/contacts/contact-table";
import { NewContactPanel } from "@/components/plan/contacts/new-contact-panel";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/page";
import { listContacts, listContactTeams, listLinkableUsers } from "@/lib/dal/contacts";
import { can } from "@/lib/domain/roles";
import { ContactListFilter } from "@/lib/validation/contacts";
import { createContactAction, markContactReviewedAction } from "./actions";

export const metadata: Metadata = { title: "Contacts" };

export default async function ContactsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission("plan.read");
  const canEdit = can(actor.role, "plan.edit");
  const filter = ContactListFilter.parse(await searchParams);
  const now = new Date();
  const [list, teams, users] = await Promise.all([
    listContacts(actor, filter, now),
    listContactTeams(actor),
    canEdit ? listLinkableUsers(actor) : Promise.resolve([]),
  ]);
  const filtered = Boolean(filter.q || filter.team || filter.stale || filter.status !== "all");
  return (
    <>
      <PageHeader
        title="Contacts"
        description="The people the plan engages: DevOps owners, the IR roles and everyone in an escalation tier. Review each person's details at least every 90 days; contacts are deactivated, never deleted, so the record of who was engaged stays true."
        actions={canEdit ? <NewContactPanel action={createContactAction} users={users} /> : null}
      />
      <ContactFilters filter={filter} teams={teams} />
      {list.total === 0 ? (
        filtered ? (
          <EmptyState title="No contacts match these filters">Clear the filters to see everyone in the plan.</EmptyState>
        ) : (
          <EmptyState title="No contacts yet">
            {canEdit
              ? "Add the people the plan engages, starting with the incident commander and each cluster's DevOps owners."
              : "An IR manager adds the people the plan engages."}
          </EmptyState>
        )
      ) : (
        <>
          <ContactTable contacts={list.contacts} now={now} markReviewed={canEdit ? markContactReviewedAction : undefined} />
          <ContactPagination filter={filter} total={list.total} page={list.page} pageSize={list.pageSize} pageCount={list.pageCount} />
        </>
      )}
    </>
  );
}
