import { getAuditReceipt } from "@/lib/dal/audit-log";
import { authedRoute } from "@/lib/http/route-handler";
import { AUDIT_ROUTE } from "../route-options";

export const dynamic = "force-dynamic";

/**
 * A signed receipt of the audit chain's head, `{format, seq, hash, at, keyId, signature, publicKey}`,
 * as a file to keep. Hand it back to `/api/audit/verify` (or the Audit page) to prove the chain still
 * extends it.
 */
export const GET = authedRoute(AUDIT_ROUTE, async ({ actor }) => {
  const receipt = await getAuditReceipt(actor);
  return new Response(`${JSON.stringify(receipt, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="bulkhead-audit-receipt-${receipt.seq}.json"`,
    },
  });
});
