import { z } from "zod";
import { beginEvidenceUpload, recordUploadedEvidence } from "@/lib/dal/evidence/register";
import { listIncidentEvidence } from "@/lib/dal/evidence/read";
import { ValidationError } from "@/lib/dal/errors";
import { env } from "@/lib/env";
import { receiveEvidenceUpload, UploadError } from "@/lib/http/evidence-upload";
import { authedRoute, routeError } from "@/lib/http/route-handler";
import { EvidenceUploadFields } from "@/lib/validation/evidence";

export const dynamic = "force-dynamic";

const Params = z.object({ key: z.string().trim().min(1).max(20) });

/** `GET /api/incidents/<key>/evidence` → `{incidentKey, items:[…]}`: the register with each item's chain of custody. */
export const GET = authedRoute({ signIn: "Sign in to read the evidence register.", params: Params }, ({ actor, params }) =>
  listIncidentEvidence(actor, params.key),
);

/**
 * `POST /api/incidents/<key>/evidence`, multipart/form-data: the fields `kind`, `description`, and
 * optionally `containerId`, `podName`, `node`, `imageDigest`, `collectedAt`, `collectedById`,
 * `runStepId`, `sha256` (the collector's hash, checked against the bytes), then the part `file`.
 * Streamed to the evidence store while hashing; `201 {id, number, sha256, size, …}`. 413 past
 * BULKHEAD_EVIDENCE_MAX_BYTES, 400 for a bad form or one cut off, 415 for another body — and in every
 * refusal nothing is kept, neither bytes nor row. Responders and IR managers.
 */
export const POST = authedRoute(
  { signIn: "Sign in as a responder or IR manager to upload evidence.", params: Params, changes: true },
  async ({ actor, request, params }) => {
    // Authorized before a byte of the body is read: nobody else gets to send two gigabytes.
    const incident = await beginEvidenceUpload(actor, params.key);
    let upload;
    try {
      upload = await receiveEvidenceUpload(request, env().BULKHEAD_EVIDENCE_MAX_BYTES);
    } catch (error) {
      if (error instanceof UploadError) return routeError(error.status, { error: error.message });
      throw error;
    }
    try {
      const fields = EvidenceUploadFields.safeParse(upload.fields);
      if (!fields.success) {
        const flat = z.flattenError(fields.error);
        throw new ValidationError(
          `${Object.values(flat.fieldErrors).flat()[0] ?? "The form is not valid"}; nothing was kept.`,
          flat.fieldErrors as Record<string, string[]>,
        );
      }
      const created = await recordUploadedEvidence(actor, incident, { ...fields.data, fileName: upload.fileName }, upload.staged);
      return Response.json(created, { status: 201, headers: { Location: `/api/evidence/${created.id}/download` } });
    } finally {
      await upload.staged.discard();
    }
  },
);
