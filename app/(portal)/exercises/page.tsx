import type { Metadata } from "next";
import Link from "next/link";
import { ExerciseExportLinks } from "@/components/exercises/export-links";
import { ExerciseFilters } from "@/components/exercises/exercise-filters";
import { ExercisePagination } from "@/components/exercises/exercise-pagination";
import { ExerciseTable } from "@/components/exercises/exercise-table";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/page";
import { listExercises } from "@/lib/dal/exercises/list";
import { can } from "@/lib/domain/roles";
import { ExerciseListFilter } from "@/lib/validation/exercises";

export const metadata: Metadata = { title: "Exercises" };

type Params = Record<string, string | string[] | undefined>;

export default async function ExercisesPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await requirePagePermission("exercises.read");
  const filter = ExerciseListFilter.parse(await searchParams);
  const result = await listExercises(actor, filter);
  const canEdit = can(actor.role, "exercises.edit");
  const canExport = can(actor.role, "exercises.export");
  const filterValues = {
    kind: filter.kind,
    status: filter.status,
    scenario: filter.scenario,
    from: filter.from,
    to: filter.to,
    thirdParty: filter.thirdParty,
  };
  const filtered = Object.values(filterValues).some(Boolean);
  return (
    <>
      <PageHeader
        title="Exercises"
        description="Tabletop exercises first, then purple-team exercises of the same scenario: findings, action items that close through the plan and playbooks, and the history auditors review."
        actions={
          canEdit ? (
            <Link href="/exercises/new" className={buttonClasses()}>
              New exercise
            </Link>
          ) : undefined
        }
      />
      <p className="-mt-3 mb-4 text-sm">
        <Link href="/exercises/history" className="text-sky-800 underline">
          History charts
        </Link>
      </p>
      <ExerciseFilters filter={filterValues} scenarios={result.scenarios} />
      {result.exercises.length > 0 ? (
        <>
          <ExerciseTable exercises={result.exercises} />
          <ExercisePagination
            filter={filterValues}
            total={result.total}
            page={result.page}
            pageSize={result.pageSize}
            pageCount={result.pageCount}
          />
        </>
      ) : filtered ? (
        <EmptyState title="No exercises match this filter">
          <Link href="/exercises" className="text-sky-800 underline">
            Clear the filter
          </Link>{" "}
          to see every exercise.
        </EmptyState>
      ) : (
        <EmptyState title="No exercises recorded yet">
          {canEdit ? (
            <>
              <Link href="/exercises/new" className="text-sky-800 underline">
                Plan a tabletop exercise
              </Link>{" "}
              of one of the container scenarios; a purple team of the same scenario can follow once the tabletop&apos;s high and critical
              findings are closed.
            </>
          ) : (
            "An IR manager records tabletop and purple-team exercises here; ask yours to plan the first tabletop."
          )}
        </EmptyState>
      )}
      {canExport && result.total > 0 ? <ExerciseExportLinks /> : null}
    </>
  );
}
