import type { Metadata } from "next";
import Link from "next/link";
import { PlaybookFilters } from "@/components/playbooks/playbook-filters";
import { PlaybookTable } from "@/components/playbooks/playbook-table";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/page";
import { listPlaybooks } from "@/lib/dal/playbooks";
import { can } from "@/lib/domain/roles";
import { PlaybookListFilter, type PlaybookListFilterInput } from "@/lib/validation/playbooks";

export const metadata: Metadata = { title: "Playbooks" };

type Params = Record<string, string | string[] | undefined>;

export default async function PlaybooksPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await requirePagePermission("playbooks.read");
  const parsed = PlaybookListFilter.safeParse(await searchParams);
  const filter: Partial<PlaybookListFilterInput> = parsed.success ? parsed.data : {};
  const playbooks = await listPlaybooks(actor, { incidentType: filter.type ?? null, includeRetired: filter.retired ?? false });
  const canEdit = can(actor.role, "playbooks.edit");
  const filtered = Boolean(filter.type || filter.retired);
  return (
    <>
      <PageHeader
        title="Playbooks"
        description="Versioned, container-aware response playbooks per incident type. Runs pin the published version they start on."
        actions={
          canEdit ? (
            <div className="flex gap-2">
              <Link href="/playbooks/import" className={buttonClasses("secondary")}>
                Import CACAO 2.0
              </Link>
              <Link href="/playbooks/new" className={buttonClasses()}>
                New playbook
              </Link>
            </div>
          ) : undefined
        }
      />
      {parsed.success ? null : (
        <p role="alert" className="mb-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          That filter is not valid; showing every live playbook.
        </p>
      )}
      <PlaybookFilters type={filter.type ?? null} retired={filter.retired ?? false} />
      {playbooks.length > 0 ? (
        <PlaybookTable playbooks={playbooks} />
      ) : filtered ? (
        <EmptyState title="No playbooks match this filter">
          <Link href="/playbooks" className="text-sky-800 underline">
            Clear the filter
          </Link>{" "}
          to see every live playbook.
        </EmptyState>
      ) : (
        <EmptyState title="No playbooks yet">
          {canEdit ? (
            <>
              <Link href="/playbooks/new" className="text-sky-800 underline">
                Write the first playbook
              </Link>{" "}
              for the incident type you see most often.
            </>
          ) : (
            "An IR manager writes the playbooks; ask yours to add one for the incidents you handle."
          )}
        </EmptyState>
      )}
    </>
  );
}
