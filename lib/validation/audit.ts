import { z } from "zod";

const optionalText = z.string().trim().max(200).optional().catch(undefined).transform((v) => v || undefined);
const optionalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

/** Query-string filters of the audit page; anything malformed is ignored rather than failing the page. */
export const AuditListFilter = z.object({
  action: optionalText,
  actor: optionalText,
  target: optionalText,
  outcome: z.enum(["SUCCESS", "DENIED", "FAILURE"]).optional().catch(undefined),
  from: optionalDate,
  to: optionalDate,
  /** Show events older than this sequence number (keyset pagination). */
  before: z.string().regex(/^\d{1,19}$/).optional().catch(undefined),
});

export type AuditListFilterValue = z.output<typeof AuditListFilter>;
