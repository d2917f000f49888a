import { verifyAuditChain, verifyAuditReceipt } from "@/lib/dal/audit-log";
import { ValidationError } from "@/lib/dal/errors";
import { parseAuditReceiptText } from "@/lib/validation/audit";
import type { Actor } from "@/lib/domain/roles";
import { auditRoute, NO_STORE } from "../answer";

export const dynamic = "force-dynamic";

/** At most a receipt's worth of body is read. */
const MAX_BODY = 10_000;

async function verify(actor: Actor, receiptText: string | null): Promise<Response> {
  let verdict;
  if (receiptText === null) verdict = await verifyAuditChain(actor);
  else {
    const parsed = parseAuditReceiptText(receiptText);
    if (!parsed.ok) throw new ValidationError(parsed.message);
    verdict = await verifyAuditReceipt(actor, parsed.receipt);
  }
  // 200 either way: the verification ran; `ok` is its answer (a broken chain is not a bad request).
  return Response.json(verdict, { headers: NO_STORE });
}

/**
 * Verifies the chain against its signed checkpoints: `{ok, message, checked, head, latestCheckpoint, …}`.
 * With `?receipt=<the receipt JSON, or base64url of it>` the chain must also still hold that receipt.
 */
export async function GET(request: Request) {
  return auditRoute((actor) => verify(actor, new URL(request.url).searchParams.get("receipt")));
}

/** The same with the receipt as the request body (the file GET /api/audit/receipt gave). */
export async function POST(request: Request) {
  return auditRoute(async (actor) => {
    const body = await request.text();
    if (body.length > MAX_BODY) throw new ValidationError("That is too long to be a receipt.");
    return verify(actor, body);
  });
}
