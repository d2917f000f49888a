import { z } from "zod";

// The limits and request shapes of `POST /api/ingest/falco` (DESIGN.md contract), shared by the
// route handler and the DAL.

/** 1 MiB: a full batch of Falco events with long outputs fits several times over. */
export const MAX_INGEST_BODY_BYTES = 1024 * 1024;
/** Events per request; Falco's http_output sends one, falcosidekick batches far fewer. */
export const MAX_INGEST_EVENTS = 1000;

/** `Authorization: Bearer <token>` → the token (RFC 6750 §2.1 b64token characters). */
export const BearerAuthorization = z
  .string({ error: "Send the detection source's token as `Authorization: Bearer <token>`." })
  .trim()
  .regex(/^Bearer +[A-Za-z0-9\-._~+/]+=*$/i, "Send the detection source's token as `Authorization: Bearer <token>`.")
  .transform((header) => header.replace(/^Bearer +/i, ""));

/** The 202 answer. `incidents` lists the keys of incidents opened or joined by this batch. */
export type IngestResult = {
  accepted: number;
  duplicates: number;
  rejected: { index: number; error: string }[];
  incidents: string[];
};
