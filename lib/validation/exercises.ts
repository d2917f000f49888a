import { z } from "zod";
import { Id, Version } from "@/lib/validation/record-ref";
import { DateTimeInput } from "@/lib/validation/date-time";
import { QueryDay } from "@/lib/validation/search-params";
import { ActionItemStatus, ExerciseAttendance, ExerciseKind, ExerciseStatus, FindingCategory, FindingSeverity } from "@/lib/dto/enums";
import { EXPORT_TABLES } from "@/lib/domain/exercises/export";
import { PLAN_ROLE_KINDS } from "@/lib/domain/plan-roles";
import { Techniques } from "@/lib/validation/playbooks";

// Exercises, findings and action items (issue 12). Forms send repeated fields for lists; the
// actions collect them with formData.getAll before parsing (exerciseFormInput below).

const blankToNull = (v: unknown) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : v);
const Lf = (v: unknown) => (typeof v === "string" ? v.replace(/\r\n?/g, "\n") : v);

const text = (max: number, required: string) =>
  z.preprocess(Lf, z.string().trim().min(1, required).max(max, `Use at most ${max} characters`));
const optionalText = (max: number) =>
  z.preprocess((v) => blankToNull(Lf(v)), z.string().trim().max(max, `Use at most ${max} characters`).nullable());
const optionalId = z.preprocess(blankToNull, Id.nullable());

/** A time or a bare date (a due date), or blank. */
const OptionalTime = z.preprocess(blankToNull, DateTimeInput({ dateOnly: true }).nullable());

const ExerciseKindField = z.enum(ExerciseKind, { error: "Choose tabletop or purple team" });
const Attendance = z.enum(ExerciseAttendance);

/** A participant: `contact:<id>` or `user:<id>`, with the plan role played and attendance. */
const Participant = z.object({
  ref: z.string().regex(/^(contact|user):[\w-]{1,64}$/, "Choose a contact or a user"),
  planRole: z.preprocess(blankToNull, z.enum(PLAN_ROLE_KINDS as [string, ...string[]]).nullable()),
  part: optionalText(120),
  attendance: Attendance.default("INVITED"),
});

/** A scope entry: a cluster id, or `<clusterId>/<namespaceId>`. */
const ScopeEntry = z
  .string()
  .regex(/^[\w-]{1,64}(?:\/[\w-]{1,64})?$/, "Choose clusters or namespaces from the list")
  .transform((v) => {
    const [clusterId, namespaceId] = v.split("/");
    return { clusterId: clusterId!, namespaceId: namespaceId ?? null };
  });

const ExerciseFields = z.object({
  kind: ExerciseKindField,
  title: text(200, "Give the exercise a title"),
  scenario: text(200, "Name the scenario (start from the library)"),
  scenarioDescription: optionalText(5_000),
  scheduledAt: OptionalTime,
  conductedAt: OptionalTime,
  facilitator: text(200, "Name the facilitator"),
  facilitatorOrganisation: optionalText(200),
  redTeamOrganisation: optionalText(200),
  attackTechniques: Techniques,
  outcome: optionalText(10_000),
  repeatsId: optionalId,
  playbookVersionIds: z.array(Id).max(30, "Pick at most 30 playbooks").default([]),
  participants: z.array(Participant).max(200, "At most 200 participants").default([]),
  scope: z.array(ScopeEntry).max(200, "At most 200 clusters and namespaces").default([]),
});

export const CreateExerciseInput = ExerciseFields;
export const UpdateExerciseInput = ExerciseFields.extend({ id: Id, version: Version });

export const ChangeExerciseStatusInput = z.object({
  id: Id,
  version: Version,
  to: z.enum(ExerciseStatus, { error: "Choose the new status" }),
  cancelReason: optionalText(2_000),
  /** An IR manager's reason to start a purple team without a clean tabletop; shown on the record. */
  overrideReason: optionalText(2_000),
});

export const AddExerciseLogEntryInput = z.object({
  exerciseId: Id,
  at: OptionalTime.refine((v) => v !== null, "Enter when it happened"),
  text: text(4_000, "Write what happened"),
});

const FindingFields = z.object({
  title: text(200, "Give the finding a title"),
  category: z.enum(FindingCategory, { error: "Choose a category" }),
  severity: z.enum(FindingSeverity, { error: "Choose a severity" }),
  description: optionalText(10_000),
  recommendation: text(10_000, "Write the recommendation"),
  planSectionKey: optionalText(80),
  playbookId: optionalId,
  playbookStepId: optionalId,
  attackTechnique: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toUpperCase() : v),
    z.preprocess(blankToNull, z.string().max(20).nullable()),
  ),
  clusterId: optionalId,
  recurrenceOfId: optionalId,
});

export const CreateFindingInput = FindingFields.extend({ exerciseId: Id });
export const UpdateFindingInput = FindingFields.extend({ id: Id, version: Version });

const ActionItemFields = z.object({
  title: text(300, "Say what is to be done"),
  ownerId: optionalId,
  dueAt: OptionalTime,
});

export const CreateActionItemInput = ActionItemFields.extend({ findingId: Id });
export const UpdateActionItemInput = ActionItemFields.extend({ id: Id, version: Version });

export const ChangeActionItemStatusInput = z.object({
  id: Id,
  version: Version,
  to: z.enum(ActionItemStatus, { error: "Choose the new status" }),
  wontFixReason: optionalText(2_000),
  /** The published plan revision or playbook version that fixed it (at most one). */
  planRevisionId: optionalId,
  playbookVersionId: optionalId,
});

export const EXERCISE_PAGE_SIZE = 25;

/** `?edit=finding.<id>`, `add-item.<findingId>` or `item.<id>`: the one editor the exercise page opens; anything else opens none. */
export const ExerciseEditorParam = z
  .string()
  .regex(/^(?:finding|add-item|item)\.[\w-]{1,64}$/)
  .transform((v) => {
    const dot = v.indexOf(".");
    return { kind: v.slice(0, dot) as "finding" | "add-item" | "item", id: v.slice(dot + 1) };
  })
  .nullable()
  .catch(null);

/** `GET /api/exercises/export`: the whole record as JSON, or one table as CSV (then `table` is required). */
export const ExerciseExportQuery = z
  .object({
    format: z.enum(["json", "csv"], { error: "format is json or csv" }).default("json"),
    table: z.enum(EXPORT_TABLES, { error: `table is one of ${EXPORT_TABLES.join(", ")}` }).optional(),
  })
  .refine((q) => q.format === "json" || q.table !== undefined, {
    path: ["table"],
    error: `A CSV export is one table: add table=${EXPORT_TABLES.join("|")}`,
  })
  .transform((q) => ({ format: q.format, table: q.format === "csv" ? (q.table ?? null) : null }));

/** Query-string filters of the exercise list; anything malformed falls back to the default. */
export const ExerciseListFilter = z.object({
  kind: ExerciseKindField.optional().catch(undefined),
  status: z.enum(ExerciseStatus).optional().catch(undefined),
  scenario: z
    .string()
    .trim()
    .max(200)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
  /** The period the exercise was held (or scheduled) in, both days included. */
  from: QueryDay,
  to: QueryDay,
  /** Exercises with a third-party facilitator or red team, or without. */
  thirdParty: z.enum(["yes", "no"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});

/**
 * The exercise form's lists, collected from repeated fields. A participant's fields are named after
 * them (`participantPlanRole:<ref>`), so an unticked row cannot shift another's values.
 */
export function exerciseFormInput(formData: FormData): Record<string, unknown> {
  const field = (name: string) => {
    const v = formData.get(name);
    return typeof v === "string" ? v : "";
  };
  return {
    ...Object.fromEntries(formData),
    attackTechniques: formData.getAll("attackTechniques"),
    playbookVersionIds: formData.getAll("playbookVersionIds"),
    scope: formData.getAll("scope"),
    participants: formData
      .getAll("participantRef")
      .map(String)
      .filter((ref) => ref !== "")
      .map((ref) => ({
        ref,
        planRole: field(`participantPlanRole:${ref}`),
        part: field(`participantPart:${ref}`),
        attendance: field(`participantAttendance:${ref}`) || "INVITED",
      })),
  };
}

export type ExerciseFieldsValue = z.output<typeof ExerciseFields>;
export type FindingFieldsValue = z.output<typeof FindingFields>;
export type ActionItemFieldsValue = z.output<typeof ActionItemFields>;
export type ExerciseListFilterValue = z.output<typeof ExerciseListFilter>;

/** How many quarters the exercise history shows, ending with the current one. */
export const HISTORY_QUARTER_CHOICES = [4, 8, 12, 20] as const;

/** The exercise history's query: anything else shows the default two years. */
export const ExerciseHistoryFilter = z.object({
  quarters: z
    .enum(HISTORY_QUARTER_CHOICES.map(String) as [string, ...string[]])
    .catch("8")
    .transform(Number),
});
