import { exportAuditRecord } from "@/lib/dal/audit-export";
import { authedRoute } from "@/lib/http/route-handler";
import { AUDIT_ROUTE } from "../route-options";

export const dynamic = "force-dynamic";

/**
 * The whole audit record as JSON lines (format in lib/domain/audit-export.ts): header with the
 * public key, the signed checkpoints, every event. `npm run audit:verify -- <file>` checks it offline.
 */
export const GET = authedRoute(AUDIT_ROUTE, async ({ actor }) => {
  const lines = await exportAuditRecord(actor);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, "");
  return new Response(body, {
    headers: {
      "Content-Type": "application/x-ndjson; charset=utf-8",
      "Content-Disposition": `attachment; filename="bulkhead-audit-${stamp}.jsonl"`,
    },
  });
});
