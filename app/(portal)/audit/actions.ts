"use server";

import { toActionError, type ActionResult } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import { verifyAuditChain } from "@/lib/dal/audit-log";

export type VerifyChainState = ActionResult<{ checked: number; verifiedAt: string }> | null;

export async function verifyAuditChainAction(): Promise<VerifyChainState> {
  const actor = await requireActor();
  try {
    const verdict = await verifyAuditChain(actor);
    const verifiedAt = verdict.verifiedAt.toISOString();
    if (verdict.ok) {
      return { ok: true, checked: verdict.checked, verifiedAt, message: `Chain intact: all ${verdict.checked} events verified.` };
    }
    const { seq, reason } = verdict.firstBreak;
    return {
      ok: false,
      message: `Chain broken at event #${seq} (${reason}). ${verdict.checked} events before it verified; everything from #${seq} on cannot be trusted.`,
    };
  } catch (error) {
    return toActionError(error, "verifyAuditChain");
  }
}
