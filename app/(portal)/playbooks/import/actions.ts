"use server";

import { runAction } from "@/lib/action-result";
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
  return runAction("importCacaoPlaybook", async () => {
    const imported = await importCacaoPlaybook(
      actor,
      CacaoImportInput.parse({ document: formData.get("document") ?? "", incidentType: formData.get("incidentType") || undefined }),
    );
    const type = imported.incidentTypeFrom === "document" ? "the incident type the document names" : "the incident type you chose";
    return {
      message: `Imported "${imported.title}" as a new playbook: draft version 1 with ${imported.stepCount} step${imported.stepCount === 1 ? "" : "s"}, filed under ${type}. Review it before publishing.`,
      data: { playbookId: imported.playbookId },
      revalidate: ["/playbooks"],
    };
  });
}
