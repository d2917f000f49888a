import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CollectionCommands } from "@/components/evidence/collection-commands";
import { CustodyForm } from "@/components/evidence/custody-form";
import { EvidenceActionButton } from "@/components/evidence/evidence-action-button";
import { EvidenceItem } from "@/components/evidence/evidence-item";
import { ExternalEvidenceForm } from "@/components/evidence/external-evidence-form";
import { UploadEvidenceForm } from "@/components/evidence/upload-form";
import { BackLink } from "@/components/ui/back-link";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { LiveRefresh } from "@/components/live/live-refresh";
import { requirePagePermission } from "@/lib/auth/page";
import { NotFoundError } from "@/lib/dal/errors";
import { getCollectionPlan } from "@/lib/dal/evidence/collection";
import { listIncidentEvidence } from "@/lib/dal/evidence/read";
import { getContainerDossier } from "@/lib/dal/incident-dossier";
import { getIncidentOrThrow } from "@/lib/dal/incidents";
import { EvidenceKind } from "@/lib/dto/enums";
import { containerChoices } from "@/lib/domain/evidence/container-choices";
import { can } from "@/lib/domain/roles";
import { env } from "@/lib/env";
import {
  recordCustodyEventAction,
  registerExternalEvidenceAction,
  sealAlertRecordAction,
  verifyEvidenceAction,
  verifyIncidentEvidenceAction,
} from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ key: string }> }): Promise<Metadata> {
  return { title: `${(await params).key} evidence` };
}

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

/**
 * The incident's evidence register (NIST SP 800-61 §3.3.2: evidence gathering and handling):
 * every item with its sha256 and chain of custody, the forms to add to it, and the forensic
 * package. `?kind=…&description=…&container=<n>&step=<run step id>` prefills the upload form
 * ("record as collected" on a collection command, "attach evidence" on a run step).
 */
export default async function IncidentEvidencePage({
  params,
  searchParams,
}: {
  params: Promise<{ key: string }>;
  searchParams: Promise<Search>;
}) {
  const actor = await requirePagePermission("evidence.read");
  const { key } = await params;
  const search = await searchParams;
  const incident = await getIncidentOrThrow(actor, decodeURIComponent(key)).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const [{ items }, dossier, collection] = await Promise.all([
    listIncidentEvidence(actor, incident.key),
    getContainerDossier(actor, incident.id),
    getCollectionPlan(actor, incident.key),
  ]);
  const containers = containerChoices(dossier.containers);
  const canAdd = can(actor.role, "evidence.add");
  const canCustody = can(actor.role, "evidence.custody");
  const canAccess = can(actor.role, "evidence.access");
  const canVerify = can(actor.role, "evidence.verify");
  const kind = one(search.kind);
  const container = Number(one(search.container));
  const prefill = {
    kind: kind && (Object.values(EvidenceKind) as string[]).includes(kind) ? (kind as EvidenceKind) : undefined,
    description: one(search.description)?.slice(0, 4000),
    containerIndex: Number.isInteger(container) && container >= 0 && container < containers.length ? container : undefined,
    runStepId: one(search.step)?.slice(0, 64),
  };
  const keyField = { incidentKey: incident.key };
  return (
    <>
      <BackLink href={`/incidents/${incident.key}`}>{incident.key}</BackLink>
      <PageHeader
        title={`${incident.key} · Evidence`}
        description="Each item is hashed with sha256 and carries its chain of custody; nothing here is ever deleted or changed. Containers are short-lived: seal the alert record before the alerts are all that is left."
        actions={<LiveRefresh url="/api/incidents/events" scope={{ id: incident.id, key: incident.key }} minIntervalMs={5_000} />}
      />
      <div className="flex flex-wrap items-start gap-3">
        {canAdd ? (
          <EvidenceActionButton action={sealAlertRecordAction} fields={keyField} pendingText="Sealing…" label="Seal the alert record">
            Seal the alert record
          </EvidenceActionButton>
        ) : null}
        {canVerify && items.some((i) => i.stored) ? (
          <EvidenceActionButton
            action={verifyIncidentEvidenceAction}
            fields={keyField}
            pendingText="Re-hashing…"
            label="Verify all evidence"
          >
            Verify all stored evidence
          </EvidenceActionButton>
        ) : null}
        {canAccess && items.length ? (
          <a className={buttonClasses("secondary")} href={`/api/incidents/${incident.key}/forensics`} download>
            Download the forensic package (tar)
          </a>
        ) : null}
      </div>
      <section className="mt-6" aria-labelledby="collect">
        <details open={items.length === 0}>
          <summary id="collect" className="cursor-pointer text-sm font-semibold tracking-wide text-slate-500 uppercase">
            Collect from the container ({collection.commands.length} commands)
          </summary>
          <div className="mt-2">
            <CollectionCommands
              plan={collection}
              recordHref={
                canAdd
                  ? (kind, description) =>
                      `/incidents/${incident.key}/evidence?${new URLSearchParams({ kind, description, ...(containers.length ? { container: "0" } : {}) }).toString()}#upload`
                  : null
              }
            />
          </div>
        </details>
      </section>
      <section className="mt-6 space-y-3" aria-labelledby="register">
        <h2 id="register" className="text-sm font-semibold tracking-wide text-slate-500 uppercase">
          Register ({items.length})
        </h2>
        {items.length === 0 ? (
          <EmptyState title="No evidence registered yet">
            {canAdd
              ? "Seal the alert record first, then upload what you collect with the commands above, or register where it is kept."
              : "Responders and IR managers register evidence here as they collect it."}
          </EmptyState>
        ) : (
          items.map((item) => (
            <EvidenceItem
              key={item.id}
              item={item}
              controls={
                <>
                  {canAccess && item.stored ? (
                    <a className={buttonClasses("secondary")} href={`/api/evidence/${item.id}/download`} download>
                      Download
                    </a>
                  ) : null}
                  {canVerify && item.stored ? (
                    <EvidenceActionButton
                      action={verifyEvidenceAction}
                      fields={{ ...keyField, evidenceId: item.id }}
                      pendingText="Re-hashing…"
                      label={`Verify E${item.number}`}
                    >
                      Verify
                    </EvidenceActionButton>
                  ) : null}
                  {canCustody && item.state.status === "IN_CUSTODY" ? (
                    <details className="w-full">
                      <summary className="cursor-pointer text-sm font-medium text-slate-700">
                        Record a hand-over, release or disposal
                      </summary>
                      <div className="mt-2 max-w-xl">
                        <CustodyForm
                          incidentKey={incident.key}
                          evidenceId={item.id}
                          number={item.number}
                          holder={item.state.holder}
                          action={recordCustodyEventAction}
                        />
                      </div>
                    </details>
                  ) : null}
                </>
              }
            />
          ))
        )}
      </section>
      {canAdd ? (
        <div className="mt-8 grid gap-8 lg:grid-cols-2">
          <section aria-labelledby="upload">
            <h2 id="upload" className="mb-2 text-sm font-semibold tracking-wide text-slate-500 uppercase">
              Upload a file
            </h2>
            <UploadEvidenceForm
              incidentKey={incident.key}
              containers={containers}
              prefill={prefill}
              maxBytes={env().BULKHEAD_EVIDENCE_MAX_BYTES}
            />
          </section>
          <section aria-labelledby="external">
            <h2 id="external" className="mb-2 text-sm font-semibold tracking-wide text-slate-500 uppercase">
              Register evidence kept elsewhere
            </h2>
            <ExternalEvidenceForm incidentKey={incident.key} containers={containers} action={registerExternalEvidenceAction} />
          </section>
        </div>
      ) : null}
    </>
  );
}
