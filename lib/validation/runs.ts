import { z } from "zod";
import { Id, Version } from "@/lib/validation/record-ref";
import { RunStatus, valuesOf } from "@/lib/dto/enums";

const Reason = z.string().trim().min(1, "Say why: the reason goes on the record").max(2000, "Keep the reason under 2,000 characters");

export const StartRunInput = z.object({
  incidentKey: z.string().trim().min(1).max(20),
  playbookVersionId: Id.or(z.literal("")).refine((v) => v !== "", "Choose a published playbook"),
});

const StepRef = z.object({ stepId: Id, version: Version });

export const StartRunStepInput = StepRef;
/** Asked only when the step expects evidence and none is attached (lib/domain/run-steps.ts decides). */
export const CompleteRunStepInput = StepRef.extend({
  noEvidenceReason: z.preprocess((v) => (v === "" ? undefined : v), Reason.optional()),
});
export const AssignRunStepInput = StepRef.extend({ assigneeId: z.string().trim().min(1, "Choose who does the step").max(64) });
export const SkipRunStepInput = StepRef.extend({ reason: Reason });
export const BlockRunStepInput = StepRef.extend({ reason: Reason });
export const ReopenRunStepInput = StepRef.extend({ to: z.enum(["TODO", "IN_PROGRESS"], { error: "Reopen to To do or In progress" }) });
export const EditRunStepNotesInput = StepRef.extend({ notes: z.string().trim().max(4000, "Keep notes under 4,000 characters") });

const RunRef = z.object({ runId: Id, version: Version });

/** A checkbox: present ("on") when the user confirmed completing with open steps. */
export const CompleteRunInput = RunRef.extend({
  acceptOpenSteps: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});
export const AbandonRunInput = RunRef.extend({ reason: Reason });

export const RUN_STATUSES = valuesOf(RunStatus);

/** The runs list's filters (GET form); empty values mean "any". */
export const RunListFilter = z.object({
  status: z.preprocess(
    (v) => (v === "" ? undefined : typeof v === "string" ? v.toUpperCase() : v),
    z.enum(RUN_STATUSES, { error: "Status must be active, completed or abandoned" }).optional(),
  ),
  incident: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .trim()
      .regex(/^(INC-)?\d{1,9}$/i, "Use an incident key like INC-0042")
      .optional(),
  ),
  page: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(10_000).optional()),
});

export type RunListFilterInput = z.output<typeof RunListFilter>;
