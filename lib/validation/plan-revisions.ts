import { z } from "zod";
import { Id, Version } from "@/lib/validation/record-ref";
import { DateTimeInput } from "@/lib/validation/date-time";
import { MAX_SECTION_BODY, normalizeBody, PLAN_SECTION_KEYS, type PlanSectionKey } from "@/lib/domain/plan-text";

const DraftRef = z.object({
  id: Id,
  version: Version,
});

const SectionBody = z
  .string()
  .transform(normalizeBody)
  .pipe(z.string().max(MAX_SECTION_BODY, `Use at most ${MAX_SECTION_BODY.toLocaleString("en")} characters`));

/**
 * The draft editor posts one textarea per section, named by section key (`scope`, `severity`…);
 * a section left out of the form is left as it is.
 */
export const SaveDraftInput = DraftRef.extend(
  Object.fromEntries(PLAN_SECTION_KEYS.map((key) => [key, SectionBody.optional()])) as Record<
    PlanSectionKey,
    z.ZodOptional<typeof SectionBody>
  >,
).transform(({ id, version, ...rest }) => ({
  id,
  version,
  bodies: Object.fromEntries(PLAN_SECTION_KEYS.filter((key) => rest[key] !== undefined).map((key) => [key, rest[key]!])) as Partial<
    Record<PlanSectionKey, string>
  >,
}));

export const PublishDraftInput = DraftRef.extend({
  changeNote: z
    .string()
    .trim()
    .min(1, "Say what changed and why: the change note is the plan's history")
    .max(2_000, "Use at most 2,000 characters"),
});

export const DiscardDraftInput = DraftRef;

/** A `datetime-local` value, read as UTC (the form says so), or a full ISO time. */
export const PlanInForceAtInput = DateTimeInput();

export const RevisionNumberParam = z.coerce.number().int().min(1).max(1_000_000);

/** `GET /api/plan/export?format=md`; Markdown is the only format. */
export const PlanExportQuery = z.object({
  format: z.literal("md", { error: "Unsupported format: use format=md (Markdown is the only export format)." }),
});
