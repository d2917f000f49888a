import { z } from "zod";
import { verifyAuditChain, verifyAuditReceipt } from "@/lib/dal/audit-log";
import { ValidationError } from "@/lib/dal/errors";
import type { Actor } from "@/lib/domain/roles";
import { authedRoute } from "@/lib/http/route-handler";
import { parseAuditReceiptText } from "@/lib/validation/audit";
import { AUDIT_ROUTE } from "../route-options";

export const dynamic = "force-dynamic";

/** At most a receipt's worth of body is read. */
const MAX_BODY = 10_000;

const VerifyQuery = z.object({ receipt: z.string().max(MAX_BODY, "That is too long to be a receipt.").optional() });

// 200 either way: the verification ran; `ok` is its answer (a broken chain is not a bad request).
async function verify(actor: Actor, receiptText: string | undefined) {
  if (receiptText === undefined) return verifyAuditChain(actor);
  const parsed = parseAuditReceiptText(receiptText);
  if (!parsed.ok) throw new ValidationError(parsed.message);
  return verifyAuditReceipt(actor, parsed.receipt);
}

/**
 * Verifies the chain against its signed checkpoints: `{ok, message, checked, head, latestCheckpoint, …}`.
 * With `?receipt=<the receipt JSON, or base64url of it>` the chain must also still hold that receipt.
 */
export const GET = authedRoute({ ...AUDIT_ROUTE, query: VerifyQuery }, ({ actor, query }) => verify(actor, query.receipt));

/** The same with the receipt as the request body (the file GET /api/audit/receipt gave). */
export const POST = authedRoute(AUDIT_ROUTE, async ({ actor, request }) => {
  const body = await request.text();
  if (body.length > MAX_BODY) throw new ValidationError("That is too long to be a receipt.");
  return verify(actor, body);
});
