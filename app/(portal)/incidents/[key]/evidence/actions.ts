"use server";

import { runAction, type ActionState } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import { recordCustodyEvent, verifyEvidence, verifyIncidentEvidence } from "@/lib/dal/evidence/custody";
import { registerExternalEvidence } from "@/lib/dal/evidence/register";
import { sealAlertRecord } from "@/lib/dal/evidence/seal";
import { CUSTODY_ACTION_LABELS } from "@/lib/dto/labels";
import { CustodyEventInput, EvidenceIdInput, ExternalEvidenceInput, IncidentEvidenceInput } from "@/lib/validation/evidence";

/** The register and the incident's page (its timeline shows evidence entries). */
const pages = (key: string) => [`/incidents/${key}/evidence`, `/incidents/${key}`];

export async function registerExternalEvidenceAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("registerExternalEvidence", async () => {
    const created = await registerExternalEvidence(actor, ExternalEvidenceInput.parse(Object.fromEntries(formData)));
    return { message: `Registered as E${created.number}.`, revalidate: pages(created.incidentKey) };
  });
}

export async function recordCustodyEventAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("recordCustodyEvent", async () => {
    const key = IncidentEvidenceInput.parse(Object.fromEntries(formData)).incidentKey;
    const event = await recordCustodyEvent(actor, CustodyEventInput.parse(Object.fromEntries(formData)));
    return { message: `E${event.number}: ${CUSTODY_ACTION_LABELS[event.action].toLowerCase()} recorded.`, revalidate: pages(key) };
  });
}

export async function verifyEvidenceAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("verifyEvidence", async () => {
    const key = IncidentEvidenceInput.parse(Object.fromEntries(formData)).incidentKey;
    const result = await verifyEvidence(actor, EvidenceIdInput.parse(Object.fromEntries(formData)).evidenceId);
    if (!result.matched) return { ok: false, message: result.message };
    return { message: result.message, revalidate: pages(key) };
  });
}

export async function verifyIncidentEvidenceAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("verifyIncidentEvidence", async () => {
    const { incidentKey } = IncidentEvidenceInput.parse(Object.fromEntries(formData));
    const { results, external } = await verifyIncidentEvidence(actor, incidentKey);
    const bad = results.filter((r) => !r.matched);
    const skipped = external ? ` ${external} kept outside Bulkhead not re-hashed.` : "";
    if (bad.length) return { ok: false, message: `${bad.map((r) => r.message).join(" ")}${skipped}` };
    return {
      message: `All ${results.length} stored item${results.length === 1 ? "" : "s"} verified intact.${skipped}`,
      revalidate: pages(incidentKey),
    };
  });
}

export async function sealAlertRecordAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("sealAlertRecord", async () => {
    const { incidentKey } = IncidentEvidenceInput.parse(Object.fromEntries(formData));
    const sealed = await sealAlertRecord(actor, incidentKey);
    return { message: `The alert record is sealed as E${sealed.number}, sha256 ${sealed.sha256}.`, revalidate: pages(incidentKey) };
  });
}
