import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PlanSections } from "@/components/plan/revisions/plan-sections";
import { RevisionMeta } from "@/components/plan/revisions/revision-meta";
import { SectionDiffView } from "@/components/plan/revisions/section-diff";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/page";
import { NotFoundError } from "@/lib/dal/errors";
import { getRevision, listRevisions } from "@/lib/dal/plan-revisions";
import { diffPlanSections } from "@/lib/domain/plan-text";
import { RevisionNumberParam } from "@/lib/validation/plan-revisions";

type Params = { params: Promise<{ number: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { number } = await params;
  return { title: `Plan revision ${number.slice(0, 10)}` };
}

/** One past (or the current) published revision, exactly as it was published. */
export default async function PlanRevisionPage({ params }: Params) {
  const actor = await requirePagePermission("plan.read");
  const parsed = RevisionNumberParam.safeParse((await params).number);
  if (!parsed.success) notFound();
  const number = parsed.data;
  const revision = await getRevision(actor, number).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const summaries = await listRevisions(actor);
  const next = summaries.find((r) => r.number === number + 1) ?? null;
  const previous = number > 1 ? await getRevision(actor, number - 1).catch(() => null) : null;

  return (
    <>
      <PageHeader
        title={`Plan revision ${number}`}
        description="Published revisions are kept exactly as they were approved."
        actions={
          <Link href="/plan/revisions" className="text-sm text-sky-800 underline">
            All revisions
          </Link>
        }
      />
      <p className="mb-4 text-sm text-slate-700">
        {revision.publishedAt ? (
          <>
            In force from <LocalTime value={revision.publishedAt} />
          </>
        ) : null}
        {next?.publishedAt ? (
          <>
            {" "}
            until <LocalTime value={next.publishedAt} />, when{" "}
            <Link href={`/plan/revisions/${next.number}`} className="text-sky-800 underline">
              revision {next.number}
            </Link>{" "}
            replaced it.
          </>
        ) : (
          <>
            {" "}
            <Badge tone="good">in force now</Badge>
          </>
        )}
      </p>
      <div className="mb-6">
        <RevisionMeta revision={revision} />
      </div>
      {previous ? (
        <details className="mb-6">
          <summary className="cursor-pointer text-sm font-medium text-slate-700">Changes against revision {previous.number}</summary>
          <div className="mt-3">
            <SectionDiffView diffs={diffPlanSections(previous.sections, revision.sections)} against={`revision ${previous.number}`} />
          </div>
        </details>
      ) : null}
      <article className="rounded-lg border border-slate-200 bg-white p-4">
        <PlanSections sections={revision.sections} />
      </article>
    </>
  );
}
