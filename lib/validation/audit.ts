import { AUDIT_RECEIPT_FORMAT } from "@/lib/dto/audit";
import { z } from "zod";
import { AuditOutcome, valuesOf } from "@/lib/dto/enums";
import { QueryDay } from "@/lib/validation/search-params";

/** Sequence numbers are PostgreSQL bigints: anything larger is refused before it reaches a query. */
export const MAX_SEQ = 9_223_372_036_854_775_807n;
const fitsBigint = (v: string) => /^\d{1,19}$/.test(v) && BigInt(v) <= MAX_SEQ;

const optionalText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .catch(undefined)
  .transform((v) => v || undefined);

/** Query-string filters of the audit page; anything malformed is ignored rather than failing the page. */
export const AuditListFilter = z.object({
  action: optionalText,
  actor: optionalText,
  target: optionalText,
  outcome: z.enum(valuesOf(AuditOutcome)).optional().catch(undefined),
  from: QueryDay,
  to: QueryDay,
  /** Show events older than this sequence number (keyset pagination); the page says when it refused one. */
  before: z
    .string()
    .regex(/^\d{1,19}$/)
    .refine(fitsBigint)
    .optional()
    .catch(undefined),
});

export type AuditListFilterValue = z.output<typeof AuditListFilter>;

/**
 * A `before` was given but is not an event number: the page says so and answers 400 (proxy.ts sets
 * the status, because a streamed page cannot; the page itself still ignores the value).
 */
export function isRefusedAuditBefore(raw: unknown): boolean {
  return typeof raw === "string" && raw !== "" && !fitsBigint(raw);
}

/** A receipt as GET /api/audit/receipt hands it out (lib/dto/audit.ts), pasted or uploaded back. */
export const AuditReceiptInput = z.object({
  format: z.literal(AUDIT_RECEIPT_FORMAT, { error: `not a Bulkhead audit receipt (format must be "${AUDIT_RECEIPT_FORMAT}")` }),
  seq: z
    .string()
    .regex(/^[1-9]\d{0,18}$/, "seq must be an event number")
    .refine(fitsBigint, "seq is out of range"),
  hash: z.string().regex(/^[0-9a-f]{64}$/, "hash must be 64 hex digits"),
  at: z.iso.datetime({ message: "at must be an ISO 8601 time" }),
  keyId: z.string().regex(/^[0-9a-f]{16}$/, "keyId must be 16 hex digits"),
  signature: z
    .string()
    .max(200)
    .regex(/^[A-Z0-9+/]+={0,2}$/i, "signature must be base64"),
  publicKey: z.string().max(2000).optional(),
});

export type AuditReceiptValue = z.output<typeof AuditReceiptInput>;

/** The receipt's text as pasted, uploaded or put in `?receipt=` (JSON, or base64url of the JSON). */
export function parseAuditReceiptText(text: string): { ok: true; receipt: AuditReceiptValue } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, message: "No receipt given: paste the JSON that GET /api/audit/receipt returned." };
  if (trimmed.length > 10_000) return { ok: false, message: "That is too long to be a receipt." };
  let json: unknown;
  try {
    json = JSON.parse(trimmed.startsWith("{") ? trimmed : Buffer.from(trimmed, "base64url").toString("utf8"));
  } catch {
    return { ok: false, message: "The receipt is not JSON (or base64url of JSON)." };
  }
  const parsed = AuditReceiptInput.safeParse(json);
  if (!parsed.success) return { ok: false, message: `Not a valid receipt: ${parsed.error.issues[0]?.message ?? "unknown problem"}.` };
  return { ok: true, receipt: parsed.data };
}
