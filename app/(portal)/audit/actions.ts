"use server";

import { runAction, type ActionDone, type ActionRefusal, type ActionResult, type ActionState } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import { verifyAuditChain, verifyAuditReceipt } from "@/lib/dal/audit-log";
import type { AuditVerdictDto } from "@/lib/dto/audit";
import { parseAuditReceiptText } from "@/lib/validation/audit";

export type VerifyChainState = ActionResult<{ checked: number; verifiedAt: string }> | null;

/** A verdict in the one result shape: intact (and anchored) is ok, anything else says where it broke. */
function verdictOutcome(
  verdict: AuditVerdictDto,
  message = verdict.message,
): ActionDone<{ checked: number; verifiedAt: string }> | ActionRefusal {
  return verdict.ok
    ? { message, data: { checked: verdict.checked, verifiedAt: verdict.verifiedAt } }
    : { ok: false, message: verdict.message };
}

export async function verifyAuditChainAction(): Promise<VerifyChainState> {
  const actor = await requireActor();
  return runAction("verifyAuditChain", async () => verdictOutcome(await verifyAuditChain(actor)));
}

/** The receipt pasted (or a file's text put into the field) on the Audit page. */
export async function verifyAuditReceiptAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("verifyAuditReceipt", async () => {
    const parsed = parseAuditReceiptText(String(formData.get("receipt") ?? ""));
    if (!parsed.ok) return { ok: false, message: parsed.message, fieldErrors: { receipt: [parsed.message] } };
    const verdict = await verifyAuditReceipt(actor, parsed.receipt);
    return verdictOutcome(verdict, `Receipt for #${parsed.receipt.seq} holds. ${verdict.message}`);
  });
}
