import { z } from "zod";
import { Id, Version } from "@/lib/validation/record-ref";
import { techniqueById } from "@/lib/domain/attack";
import { INCIDENT_TYPES, PLAYBOOK_PHASES } from "@/lib/domain/playbook-labels";
import { PLAN_ROLE_KINDS } from "@/lib/domain/plan-roles";

/** Empty form fields mean "none". */
const blankToNull = (v: unknown) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : v);
/** Textareas submit CRLF; stored text uses LF so that a version diff shows only real changes. */
const Lf = (v: unknown) => (typeof v === "string" ? v.replace(/\r\n?/g, "\n") : v);

export const MAX_INSTRUCTIONS = 20_000;
export const MAX_STEPS = 100;

const IncidentTypeField = z
  .enum(INCIDENT_TYPES as [string, ...string[]], { error: "Choose the incident type" })
  .transform((v) => v as (typeof INCIDENT_TYPES)[number]);

export const Techniques = z.preprocess(
  (raw) =>
    [raw ?? []]
      .flat()
      .map((v) => String(v).trim().toUpperCase())
      .filter(Boolean),
  z
    .array(z.string().max(20))
    .max(30, "Pick at most 30 techniques")
    .superRefine((ids, ctx) => {
      const unknown = ids.filter((id) => !techniqueById(id));
      if (unknown.length) ctx.addIssue({ code: "custom", message: `Not ATT&CK for Containers techniques: ${unknown.join(", ")}` });
    })
    .transform((ids) => [...new Set(ids)]),
);

/** Title, type, description and ATT&CK techniques: what the library lists a playbook by. */
export const PlaybookDetailsInput = z.object({
  title: z.string().trim().min(3, "Give the playbook a title").max(200, "Use at most 200 characters"),
  incidentType: IncidentTypeField,
  description: z.preprocess(blankToNull, z.preprocess(Lf, z.string().trim().max(4_000, "Use at most 4,000 characters")).nullable()),
  attackTechniques: Techniques,
});
export type PlaybookDetails = z.output<typeof PlaybookDetailsInput>;

export const CreatePlaybookInput = PlaybookDetailsInput;
export const UpdatePlaybookDetailsInput = PlaybookDetailsInput.extend({ id: Id, version: Version });
export const RetirePlaybookInput = z.object({ id: Id, version: Version });
export const StartPlaybookDraftInput = z.object({ playbookId: Id });

const VersionRef = z.object({ versionId: Id, version: Version });

export const PlaybookStepFields = z.object({
  phase: z
    .enum(PLAYBOOK_PHASES as [string, ...string[]], { error: "Choose the response phase" })
    .transform((v) => v as (typeof PLAYBOOK_PHASES)[number]),
  title: z.string().trim().min(3, "Give the step a title").max(200, "Use at most 200 characters"),
  instructions: z.preprocess(
    Lf,
    z
      .string()
      .trim()
      .min(1, "Write what the responder does")
      .max(MAX_INSTRUCTIONS, `Use at most ${MAX_INSTRUCTIONS.toLocaleString("en")} characters`),
  ),
  responsibleRole: z.preprocess(
    blankToNull,
    z
      .enum(PLAN_ROLE_KINDS as [string, ...string[]], { error: "Choose one of the plan's roles" })
      .transform((v) => v as (typeof PLAN_ROLE_KINDS)[number])
      .nullable(),
  ),
  evidenceExpected: z.preprocess(blankToNull, z.preprocess(Lf, z.string().trim().max(1_000, "Use at most 1,000 characters")).nullable()),
  expectedMinutes: z.preprocess(
    blankToNull,
    z.coerce
      .number({ error: "Enter whole minutes" })
      .int("Enter whole minutes")
      .min(1, "At least 1 minute")
      .max(1_440, "At most 24 hours")
      .nullable(),
  ),
});
export type PlaybookStepInput = z.output<typeof PlaybookStepFields>;

export const AddPlaybookStepInput = VersionRef.extend({ step: PlaybookStepFields });
export const UpdatePlaybookStepInput = VersionRef.extend({ stepId: Id, step: PlaybookStepFields });
export const MovePlaybookStepInput = VersionRef.extend({ stepId: Id, direction: z.enum(["up", "down"]) });
export const RemovePlaybookStepInput = VersionRef.extend({ stepId: Id });
export const DiscardPlaybookDraftInput = VersionRef;
export const PublishPlaybookVersionInput = VersionRef.extend({
  changeNote: z.preprocess(
    Lf,
    z
      .string()
      .trim()
      .min(1, "Say what changed and why: the change note is the playbook's history")
      .max(2_000, "Use at most 2,000 characters"),
  ),
});

/** A step form posts its fields flat; the DAL takes them as `step`. */
export function stepFormToInput(form: Record<string, unknown>): Record<string, unknown> {
  const { phase, title, instructions, responsibleRole, evidenceExpected, expectedMinutes, ...rest } = form;
  return { ...rest, step: { phase, title, instructions, responsibleRole, evidenceExpected, expectedMinutes } };
}

/** `/playbooks?type=RANSOMWARE&retired=1`. */
export const PlaybookListFilter = z.object({
  type: z.preprocess(blankToNull, IncidentTypeField.nullable()).optional(),
  retired: z.preprocess((v) => v === "1" || v === "true" || v === "on", z.boolean()),
});
export type PlaybookListFilterInput = z.output<typeof PlaybookListFilter>;

export const VersionNumberParam = z.coerce.number().int().min(1).max(1_000_000);

/** `/playbooks/<id>/diff?from=1&to=2`. */
export const PlaybookDiffQuery = z
  .object({ from: VersionNumberParam, to: VersionNumberParam })
  .refine((q) => q.from !== q.to, { message: "Choose two different versions", path: ["to"] });
