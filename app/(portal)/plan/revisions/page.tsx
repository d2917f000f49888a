import type { Metadata } from "next";
import { InForceForm } from "@/components/plan/revisions/in-force-form";
import { PlanSections } from "@/components/plan/revisions/plan-sections";
import { RevisionHistory } from "@/components/plan/revisions/revision-history";
import { RevisionMeta } from "@/components/plan/revisions/revision-meta";
import { RevisionWorkspace } from "@/components/plan/revisions/revision-workspace";
import { SectionDiffView } from "@/components/plan/revisions/section-diff";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/page";
import { getDraft, getPlanInForceAt, getPublishedRevision, listRevisions } from "@/lib/dal/plan-revisions";
import { diffPlanSections } from "@/lib/domain/plan-text";
import { can } from "@/lib/domain/roles";
import { PlanInForceAtInput } from "@/lib/validation/plan-revisions";
import { discardDraftAction, publishDraftAction, saveDraftAction, startDraftAction } from "./actions";

export const metadata: Metadata = { title: "Plan text & revisions" };

const sectionHeading = "mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500";

export default async function PlanRevisionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePagePermission("plan.read");
  const canEdit = can(actor.role, "plan.edit");
  const params = await searchParams;
  const atValue = typeof params.at === "string" ? params.at.slice(0, 40) : "";
  const at = atValue ? PlanInForceAtInput.safeParse(atValue) : null;

  const [published, draft, revisions, inForce] = await Promise.all([
    getPublishedRevision(actor),
    getDraft(actor),
    listRevisions(actor),
    at?.success ? getPlanInForceAt(actor, at.data) : Promise.resolve(null),
  ]);
  const against = published ? `revision ${published.number}` : "an empty plan (nothing is published yet)";

  return (
    <>
      <PageHeader
        title="Plan text & revisions"
        description="The plan's text: scope, severity definitions, communication, evidence handling and containment authority. IR managers edit it as a draft and publish it as a numbered revision; published revisions never change."
        actions={
          published ? (
            <a href="/api/plan/export?format=md" className={buttonClasses("secondary")} download>
              Download Markdown
            </a>
          ) : null
        }
      />

      {canEdit || draft ? (
        <section aria-labelledby="draft-heading" className="mb-10 space-y-4">
          <h2 id="draft-heading" className={sectionHeading}>
            Draft revision
          </h2>
          {canEdit ? (
            <RevisionWorkspace
              draft={draft}
              publishedNumber={published?.number ?? null}
              actions={{ start: startDraftAction, save: saveDraftAction, publish: publishDraftAction, discard: discardDraftAction }}
            />
          ) : draft ? (
            <p className="rounded-lg border border-slate-200 bg-white p-3 text-sm text-slate-700">
              {draft.author?.name ?? "An IR manager"} is preparing a new revision (started <LocalTime value={draft.createdAt} />
              {draft.lastSaved ? (
                <>
                  , last saved by {draft.lastSaved.by} <LocalTime value={draft.lastSaved.at} />
                </>
              ) : null}
              ). It applies only once an IR manager publishes it; its changes so far are below.
            </p>
          ) : null}
          {draft ? (
            <div>
              <h3 className="mb-2 font-semibold">Changes against {against}</h3>
              <SectionDiffView diffs={diffPlanSections(published?.sections ?? null, draft.sections)} against={against} />
            </div>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="published-heading" className="mb-10 space-y-4">
        <h2 id="published-heading" className={sectionHeading}>
          {published ? `Plan in force: revision ${published.number}` : "Plan in force"}
        </h2>
        {published ? (
          <details open={!(canEdit && draft)} className="space-y-4">
            <summary className="cursor-pointer text-sm text-slate-600">Revision {published.number} text</summary>
            <div className="mt-3 space-y-4">
              <RevisionMeta revision={published} />
              <div className="rounded-lg border border-slate-200 bg-white p-4">
                <PlanSections sections={published.sections} headingLevel={3} />
              </div>
            </div>
          </details>
        ) : (
          <EmptyState title="No plan revision has been published yet">
            {canEdit
              ? "Start a draft above, write the sections and publish it as revision 1."
              : "An IR manager publishes the first revision here."}
          </EmptyState>
        )}
      </section>

      <section aria-labelledby="in-force-heading" className="mb-10">
        <h2 id="in-force-heading" className={sectionHeading}>
          Which revision applied when
        </h2>
        <InForceForm
          value={atValue}
          at={at?.success ? at.data : null}
          error={at && !at.success ? "Enter a date and time, e.g. 2025-03-04 14:00." : null}
          revision={inForce}
        />
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading" className={sectionHeading}>
          Revision history
        </h2>
        <RevisionHistory revisions={revisions} />
      </section>
    </>
  );
}
