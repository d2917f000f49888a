import { z } from "zod";

// The limits and request shapes of `POST /api/ingest/falco` (DESIGN.md contract), shared by the
// route handler and the DAL.

/** 1 MiB: a full batch of Falco events with long outputs fits several times over. */
export const MAX_INGEST_BODY_BYTES = 1024 * 1024;
/** Events per request; Falco's http_output sends one, falcosidekick batches far fewer. */
export const MAX_INGEST_EVENTS = 1000;

const TOKEN = /^[\w\-.~+/]+=*$/;
const HOW = "Send the detection source's token as `Authorization: Bearer <token>`.";

/**
 * The token from `Authorization: Bearer <token>` (RFC 6750 §2.1 b64token characters), or from
 * `Authorization: Basic …` with the token as the password: Falco's own `http_output` cannot add
 * headers, but libcurl sends Basic credentials written into its URL
 * (`https://falco:<token>@bulkhead.example/api/ingest/falco`).
 */
export const BearerAuthorization = z
  .string({ error: HOW })
  .trim()
  .transform((header, ctx) => {
    const bearer = /^Bearer +(\S+)$/i.exec(header)?.[1];
    const basic = /^Basic +([A-Z0-9+/]+=*)$/i.exec(header)?.[1];
    const decoded = basic ? Buffer.from(basic, "base64").toString("utf8") : null;
    const token = bearer ?? (decoded && decoded.includes(":") ? decoded.slice(decoded.indexOf(":") + 1) : null);
    if (token && TOKEN.test(token)) return token;
    ctx.addIssue({ code: "custom", message: HOW });
    return z.NEVER;
  });

/** The 202 answer. `incidents` lists the keys of incidents opened or joined by this batch. */
export type IngestResult = {
  accepted: number;
  duplicates: number;
  rejected: { index: number; error: string }[];
  incidents: string[];
};
