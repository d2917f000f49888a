import { Readable } from "node:stream";
import { z } from "zod";
import { openForensicPackage } from "@/lib/dal/evidence/forensic-package";
import { contentDisposition } from "@/lib/http/content-disposition";
import { authedRoute } from "@/lib/http/route-handler";
import { forensicTar } from "@/lib/http/forensic-tar";

export const dynamic = "force-dynamic";

/**
 * `GET /api/incidents/<key>/forensics`: the incident's forensic package as a streamed tar — the
 * evidence files, the sealed alert records among them, `custody.json`, `timeline.json`,
 * `manifest.json` and `SHA256SUMS` (`tar xf … && cd INC-0042 && sha256sum -c SHA256SUMS`). Taking
 * it is an ACCESSED custody event for every file in it. Responders, IR managers and auditors.
 */
export const GET = authedRoute(
  { signIn: "Sign in to take the forensic package.", params: z.object({ key: z.string().trim().min(1).max(20) }) },
  async ({ actor, params }) => {
    const data = await openForensicPackage(actor, params.key);
    const at = data.packagedAt.toISOString().slice(0, 19).replace(/[-:]/g, "");
    return new Response(Readable.toWeb(forensicTar(data)) as ReadableStream<Uint8Array>, {
      headers: {
        "Content-Type": "application/x-tar",
        "Content-Disposition": contentDisposition(`${data.incidentKey}-forensics-${at}Z.tar`),
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
);
