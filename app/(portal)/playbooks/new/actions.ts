"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { settle, type ActionState } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import { createPlaybook } from "@/lib/dal/playbooks";
import { CreatePlaybookInput } from "@/lib/validation/playbooks";

/** Creates the playbook with an empty draft version 1 and opens that draft, ready for steps. */
export async function createPlaybookAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  let createdId: string | null = null;
  const result = await settle("createPlaybook", async () => {
    const input = CreatePlaybookInput.parse({ ...Object.fromEntries(formData), attackTechniques: formData.getAll("attackTechniques") });
    const created = await createPlaybook(actor, input);
    createdId = created.id;
    return `Created "${created.title}".`;
  });
  if (!result.ok || !createdId) return result;
  revalidatePath("/playbooks");
  // After the try/catch: redirect() throws to navigate.
  redirect(`/playbooks/${createdId}?version=1`);
}
