import { z } from "zod";
import { verifyIncidentEvidence } from "@/lib/dal/evidence/custody";
import { authedRoute } from "@/lib/http/route-handler";

export const dynamic = "force-dynamic";

/** `POST /api/incidents/<key>/evidence/verify`: verifies every stored item of the incident → `{results:[…], external}`. */
export const POST = authedRoute(
  { signIn: "Sign in to verify evidence.", params: z.object({ key: z.string().trim().min(1).max(20) }), changes: true },
  ({ actor, params }) => verifyIncidentEvidence(actor, params.key),
);
