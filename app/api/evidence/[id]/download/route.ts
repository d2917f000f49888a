import { Readable } from "node:stream";
import { z } from "zod";
import { openEvidenceDownload } from "@/lib/dal/evidence/custody";
import { contentDisposition } from "@/lib/http/content-disposition";
import { authedRoute } from "@/lib/http/route-handler";
import { Id } from "@/lib/validation/record-ref";

export const dynamic = "force-dynamic";

/**
 * `GET /api/evidence/<id>/download`: the stored bytes, always as an attachment with a neutral type
 * and `nosniff`, so nothing an attacker put in a file is ever rendered, run or sniffed by the
 * viewer's browser. The download is a custody event (ACCESSED), recorded before the first byte.
 */
export const GET = authedRoute(
  { signIn: "Sign in to download evidence.", params: z.object({ id: Id }), notFound: "No such evidence." },
  async ({ actor, params }) => {
    const file = await openEvidenceDownload(actor, params.id);
    const name = `${file.incidentKey}-E${file.number}-${file.fileName ?? file.sha256.slice(0, 12)}`;
    return new Response(Readable.toWeb(file.stream()) as ReadableStream<Uint8Array>, {
      headers: {
        "Content-Type": "application/octet-stream",
        "Content-Disposition": contentDisposition(name),
        "Content-Length": String(file.size),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "X-Bulkhead-Sha256": file.sha256,
      },
    });
  },
);
