"use server";

import { runAction, type ActionState } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import { createPlaybook } from "@/lib/dal/playbooks";
import { CreatePlaybookInput } from "@/lib/validation/playbooks";

/** Creates the playbook with an empty draft version 1 and opens that draft, ready for steps. */
export async function createPlaybookAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("createPlaybook", async () => {
    const input = CreatePlaybookInput.parse({ ...Object.fromEntries(formData), attackTechniques: formData.getAll("attackTechniques") });
    const created = await createPlaybook(actor, input);
    return { message: `Created "${created.title}".`, revalidate: ["/playbooks"], redirect: `/playbooks/${created.id}?version=1` };
  });
}
