import { z } from "zod";
import { verifyEvidence } from "@/lib/dal/evidence/custody";
import { authedRoute } from "@/lib/http/route-handler";
import { Id } from "@/lib/validation/record-ref";

export const dynamic = "force-dynamic";

/**
 * `POST /api/evidence/<id>/verify`: re-hashes the stored bytes and records a VERIFIED custody event
 * → `{matched, sha256, expected, message}` (200 either way: the verification ran; a mismatch is its answer).
 */
export const POST = authedRoute(
  { signIn: "Sign in to verify evidence.", params: z.object({ id: Id }), notFound: "No such evidence.", changes: true },
  ({ actor, params }) => verifyEvidence(actor, params.id),
);
