"use server";

import { revalidatePath } from "next/cache";
import { toActionError } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import { CacaoImportInput } from "@/lib/cacao/inputs";
import { importCacaoPlaybook } from "@/lib/dal/playbook-cacao";
import type { ActionResult } from "@/lib/form-state";

export type CacaoImportState = ActionResult<{ playbookId: string }> | null;

/**
 * Imports a pasted or uploaded CACAO 2.0 playbook as a new playbook with a draft version 1. A
 * refusal lists every problem found (fieldErrors.document) and writes nothing.
 */
export async function importCacaoPlaybookAction(_previous: CacaoImportState, formData: FormData): Promise<CacaoImportState> {
  const actor = await requireActor();
  let result: CacaoImportState;
  try {
    const imported = await importCacaoPlaybook(
      actor,
      CacaoImportInput.parse({ document: formData.get("document") ?? "", incidentType: formData.get("incidentType") || undefined }),
    );
    const type = imported.incidentTypeFrom === "document" ? "the incident type the document names" : "the incident type you chose";
    result = {
      ok: true,
      playbookId: imported.playbookId,
      message: `Imported "${imported.title}" as a new playbook: draft version 1 with ${imported.stepCount} step${imported.stepCount === 1 ? "" : "s"}, filed under ${type}. Review it before publishing.`,
    };
  } catch (error) {
    result = toActionError(error, "importCacaoPlaybook");
  }
  if (result.ok) revalidatePath("/playbooks");
  return result;
}
