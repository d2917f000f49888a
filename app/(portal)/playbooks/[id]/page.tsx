import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConfirmForm } from "@/components/playbooks/confirm-form";
import { PlaceholderHelp } from "@/components/playbooks/placeholder-help";
import { PlaybookDetailsForm } from "@/components/playbooks/playbook-details-form";
import { PublishVersionForm } from "@/components/playbooks/publish-version-form";
import { StartDraftForm } from "@/components/playbooks/start-draft-form";
import { StepForm } from "@/components/playbooks/step-form";
import { StepList, type StepEditing } from "@/components/playbooks/step-list";
import { TechniqueList } from "@/components/playbooks/technique-list";
import { TogglePanel } from "@/components/playbooks/toggle-panel";
import { VersionHistory } from "@/components/playbooks/version-history";
import { VersionStatusBadge } from "@/components/playbooks/version-status-badge";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { buttonClasses } from "@/components/ui/button";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { OpenActionItems } from "@/components/exercises/open-action-items";
import { requirePagePermission } from "@/lib/auth/page";
import { listOpenActionItemsConcerning } from "@/lib/dal/exercises/open-action-items";
import { NotFoundError } from "@/lib/dal/errors";
import { getPlaybookOrThrow, getPlaybookVersionOrThrow } from "@/lib/dal/playbooks";
import { CONTAINER_TECHNIQUES } from "@/lib/domain/attack";
import { INCIDENT_TYPE_LABELS, PLAYBOOK_PHASE_LABELS } from "@/lib/dto/labels";
import { INCIDENT_TYPES, PLAYBOOK_PHASES, responsibleRoleLabel } from "@/lib/domain/playbook-labels";
import { PLAN_ROLE_KINDS } from "@/lib/domain/plan-roles";
import { can } from "@/lib/domain/roles";
import { VersionNumberParam } from "@/lib/validation/playbooks";
import {
  addPlaybookStepAction,
  discardPlaybookDraftAction,
  movePlaybookStepAction,
  publishPlaybookVersionAction,
  removePlaybookStepAction,
  retirePlaybookAction,
  startPlaybookDraftAction,
  updatePlaybookDetailsAction,
  updatePlaybookStepAction,
} from "./actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const rethrowUnlessNotFound = (error: unknown): never => {
  if (error instanceof NotFoundError) notFound();
  throw error;
};

export const metadata: Metadata = { title: "Playbook" };

const PHASE_OPTIONS = PLAYBOOK_PHASES.map((p) => ({ value: p, label: PLAYBOOK_PHASE_LABELS[p] }));
const ROLE_OPTIONS = PLAN_ROLE_KINDS.map((r) => ({ value: r, label: responsibleRoleLabel(r) }));

export default async function PlaybookPage({ params, searchParams }: Props) {
  const actor = await requirePagePermission("playbooks.read");
  const { id } = await params;
  const playbook = await getPlaybookOrThrow(actor, id).catch(rethrowUnlessNotFound);
  // Managers are offered controls; responders, auditors and admins read the same page without them.
  const canEdit = can(actor.role, "playbooks.edit");
  const live = !playbook.retiredAt;
  const query = await searchParams;
  const requested = VersionNumberParam.safeParse([query.version].flat()[0]);
  const done = [query.done].flat()[0];
  const draftSummary = playbook.versions.find((v) => v.status === "DRAFT") ?? null;
  // A version that is gone (a discarded draft) falls back to the default rather than a 404.
  const selectedNumber =
    requested.success && playbook.versions.some((v) => v.number === requested.data)
      ? requested.data
      : ((playbook.versions.find((v) => v.status === "PUBLISHED") ?? playbook.versions[0])?.number ?? null);
  const [version, openItems] = await Promise.all([
    selectedNumber ? getPlaybookVersionOrThrow(actor, id, selectedNumber).catch(rethrowUnlessNotFound) : null,
    listOpenActionItemsConcerning(actor, { kind: "playbook", playbookId: id }),
  ]);
  const editingDraft = canEdit && live && version?.status === "DRAFT";
  const draftRef = version ? { playbookId: id, versionId: version.id, version: version.version } : null;
  const editing: StepEditing | undefined =
    editingDraft && draftRef
      ? {
          draft: draftRef,
          phases: PHASE_OPTIONS,
          roles: ROLE_OPTIONS,
          actions: { update: updatePlaybookStepAction, move: movePlaybookStepAction, remove: removePlaybookStepAction },
        }
      : undefined;
  const nextNumber = (playbook.versions[0]?.number ?? 0) + 1;

  return (
    <>
      <BackLink href="/playbooks">All playbooks</BackLink>
      {done === "published" && version ? (
        <p role="status" className="mb-3 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          Published version {version.number}. New runs use it; runs already going keep the version they started on.
        </p>
      ) : null}
      {done === "retired" ? (
        <p role="status" className="mb-3 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          Retired: this playbook gets no new drafts or runs; runs already going continue.
        </p>
      ) : null}
      <PageHeader
        title={playbook.title}
        description={playbook.description ?? undefined}
        actions={
          version ? (
            // A plain download: the route answers with the CACAO 2.0 document as an attachment.
            <a href={`/api/playbooks/${id}/cacao?version=${version.number}`} className={buttonClasses("secondary")} download>
              Export version {version.number} as CACAO 2.0
            </a>
          ) : undefined
        }
      />
      <dl className="grid gap-3 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-xs tracking-wide text-slate-500 uppercase">Incident type</dt>
          <dd>{INCIDENT_TYPE_LABELS[playbook.incidentType]}</dd>
        </div>
        <div>
          <dt className="text-xs tracking-wide text-slate-500 uppercase">ATT&amp;CK for Containers</dt>
          <dd>
            <TechniqueList techniques={playbook.techniques} />
          </dd>
        </div>
        <div>
          <dt className="text-xs tracking-wide text-slate-500 uppercase">Status</dt>
          <dd>
            {playbook.retiredAt ? (
              <>
                <Badge>Retired</Badge> since <LocalTime value={playbook.retiredAt} />. No new drafts or runs; runs already going continue.
              </>
            ) : (
              <Badge tone="good">In use</Badge>
            )}
          </dd>
        </div>
      </dl>

      {canEdit && live ? (
        <section aria-label="Manage playbook" className="mt-4 flex flex-wrap items-start gap-3">
          {draftSummary ? (
            draftSummary.number !== selectedNumber ? (
              <Link
                href={`/playbooks/${id}?version=${draftSummary.number}`}
                className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700"
              >
                Open draft version {draftSummary.number}
              </Link>
            ) : null
          ) : (
            <StartDraftForm action={startPlaybookDraftAction} playbookId={id} nextNumber={nextNumber} />
          )}
          <TogglePanel label="Edit details" title="Playbook details">
            <PlaybookDetailsForm
              action={updatePlaybookDetailsAction}
              values={{
                id,
                version: playbook.version,
                title: playbook.title,
                incidentType: playbook.incidentType,
                description: playbook.description,
                techniqueIds: playbook.techniques.map((t) => t.id),
              }}
              incidentTypes={INCIDENT_TYPES.map((t) => ({ value: t, label: INCIDENT_TYPE_LABELS[t] }))}
              techniques={CONTAINER_TECHNIQUES.map((t) => ({ value: t.id, label: t.name }))}
              submitLabel="Save details"
            />
          </TogglePanel>
          <ConfirmForm
            action={retirePlaybookAction}
            fields={{ id, version: playbook.version }}
            trigger="Retire playbook…"
            question={`Retire "${playbook.title}"? It will get no new drafts and no new runs; runs already going continue on their version. This cannot be undone here.`}
            confirm="Yes, retire it"
          />
        </section>
      ) : null}

      <section className="mt-6" aria-labelledby="action-items-heading">
        <h2 id="action-items-heading" className="mb-2 text-sm font-semibold tracking-wide text-slate-500 uppercase">
          Open action items from exercises
        </h2>
        <OpenActionItems openItems={openItems} about="this playbook" />
      </section>

      <section className="mt-6" aria-labelledby="versions-heading">
        <h2 id="versions-heading" className="mb-2 text-sm font-semibold tracking-wide text-slate-500 uppercase">
          Versions
        </h2>
        {playbook.versions.length ? (
          <VersionHistory playbookId={id} versions={playbook.versions} selected={selectedNumber} />
        ) : (
          <EmptyState title="No versions">
            {canEdit && live ? "Start a draft to write the first version." : "An IR manager has not written this playbook yet."}
          </EmptyState>
        )}
      </section>

      <div className="mt-6 grid gap-6 lg:grid-cols-[1fr_18rem]">
        <section aria-labelledby="steps-heading">
          {version && draftRef ? (
            <>
              <div className="mb-3 flex flex-wrap items-center gap-3">
                <h2 id="steps-heading" className="text-lg font-semibold">
                  Version {version.number}
                </h2>
                <VersionStatusBadge status={version.status} />
                {version.status === "DRAFT" && version.lastChange ? (
                  <span className="text-xs text-slate-500">
                    Last changed by {version.lastChange.by}, <LocalTime value={version.lastChange.at} />
                  </span>
                ) : null}
              </div>
              {editingDraft ? (
                <div className="mb-4 flex flex-wrap items-start gap-3">
                  <PublishVersionForm action={publishPlaybookVersionAction} draft={draftRef} number={version.number} />
                  <TogglePanel label="Add step" title="New step">
                    <StepForm action={addPlaybookStepAction} draft={draftRef} phases={PHASE_OPTIONS} roles={ROLE_OPTIONS} />
                  </TogglePanel>
                  <ConfirmForm
                    action={discardPlaybookDraftAction}
                    fields={{ playbookId: id, versionId: version.id, version: version.version }}
                    trigger="Discard draft…"
                    question={`Discard draft version ${version.number} and its ${version.steps.length} steps? Published versions are not affected.`}
                    confirm="Yes, discard the draft"
                  />
                </div>
              ) : null}
              {version.steps.length ? (
                <StepList steps={version.steps} editing={editing} />
              ) : (
                <EmptyState title="This version has no steps yet">
                  {editingDraft
                    ? "Use “Add step” to write the first one; publishing needs at least one."
                    : "An IR manager is still writing it."}
                </EmptyState>
              )}
            </>
          ) : (
            <h2 id="steps-heading" className="sr-only">
              Steps
            </h2>
          )}
        </section>
        <PlaceholderHelp />
      </div>
    </>
  );
}
