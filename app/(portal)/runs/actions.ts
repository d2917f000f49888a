"use server";

import type { z } from "zod";
import { runAction, type ActionState, type Revalidation } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import { abandonRun, completeRun, startRun, updateRunStep, type UpdateRunStepInput } from "@/lib/dal/runs";
import type { RunStepDto, RunSummaryDto } from "@/lib/dto/runs";
import {
  AbandonRunInput,
  AssignRunStepInput,
  BlockRunStepInput,
  CompleteRunInput,
  CompleteRunStepInput,
  EditRunStepNotesInput,
  ReopenRunStepInput,
  SkipRunStepInput,
  StartRunInput,
  StartRunStepInput,
} from "@/lib/validation/runs";

export async function startRunAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("startRun", async () => {
    const input = StartRunInput.parse(Object.fromEntries(formData));
    const run = await startRun(actor, input);
    return { message: "Run started.", revalidate: ["/runs", `/incidents/${input.incidentKey}`], redirect: `/runs/${run.id}` };
  });
}

/** Every step action: parse, one DAL call (the same `updateRunStep` the benchmark uses), revalidate the run on success. */
async function stepAction<S extends z.ZodType>(
  context: string,
  schema: S,
  change: (input: z.output<S>) => UpdateRunStepInput,
  message: (step: RunStepDto) => string,
  formData: FormData,
): Promise<ActionState> {
  const actor = await requireActor();
  return runAction(context, async () => {
    const step = await updateRunStep(actor, change(schema.parse(Object.fromEntries(formData))));
    return { message: message(step), revalidate: [`/runs/${step.runId}`] };
  });
}

export async function startRunStepAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return stepAction(
    "startRunStep",
    StartRunStepInput,
    (i) => ({ ...i, change: "start" }),
    (s) => `You are working on “${s.title}”.`,
    formData,
  );
}

export async function completeRunStepAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return stepAction(
    "completeRunStep",
    CompleteRunStepInput,
    (i) => ({ ...i, change: "complete" }),
    (s) => `“${s.title}” is done.`,
    formData,
  );
}

export async function assignRunStepAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return stepAction(
    "assignRunStep",
    AssignRunStepInput,
    (i) => ({ ...i, change: "assign" }),
    (s) => `“${s.title}” is assigned to ${s.assigneeName ?? "them"}.`,
    formData,
  );
}

export async function skipRunStepAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return stepAction(
    "skipRunStep",
    SkipRunStepInput,
    (i) => ({ ...i, change: "skip" }),
    (s) => `“${s.title}” is skipped.`,
    formData,
  );
}

export async function blockRunStepAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return stepAction(
    "blockRunStep",
    BlockRunStepInput,
    (i) => ({ ...i, change: "block" }),
    (s) => `“${s.title}” is blocked.`,
    formData,
  );
}

export async function reopenRunStepAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return stepAction(
    "reopenRunStep",
    ReopenRunStepInput,
    (i) => ({ ...i, change: "reopen" }),
    (s) => `“${s.title}” is reopened.`,
    formData,
  );
}

export async function editRunStepNotesAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return stepAction(
    "editRunStepNotes",
    EditRunStepNotesInput,
    (i) => ({ ...i, change: "notes" }),
    (s) => `Notes on “${s.title}” saved.`,
    formData,
  );
}

/** A run's lists, its page and its incident's page. */
function runPaths(run: RunSummaryDto): Revalidation[] {
  return ["/runs", `/runs/${run.id}`, ...(run.incident ? [`/incidents/${run.incident.key}`] : [])];
}

export async function completeRunAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("completeRun", async () => {
    const run = await completeRun(actor, CompleteRunInput.parse(Object.fromEntries(formData)));
    return { message: "Run completed and recorded on the incident's timeline.", revalidate: runPaths(run) };
  });
}

export async function abandonRunAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("abandonRun", async () => {
    const run = await abandonRun(actor, AbandonRunInput.parse(Object.fromEntries(formData)));
    return { message: "Run abandoned; the reason is on the incident's timeline.", revalidate: runPaths(run) };
  });
}
