"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { settle, type ActionState } from "@/lib/action-result";
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
  const out: { runId?: string; incidentKey?: string } = {};
  const result = await settle("startRun", async () => {
    const input = StartRunInput.parse(Object.fromEntries(formData));
    out.runId = (await startRun(actor, input)).id;
    out.incidentKey = input.incidentKey;
    return "Run started.";
  });
  if (!result.ok || !out.runId) return result;
  revalidatePath("/runs");
  revalidatePath(`/incidents/${out.incidentKey}`);
  redirect(`/runs/${out.runId}`);
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
  const out: { step?: RunStepDto } = {};
  const result = await settle(context, async () => {
    out.step = await updateRunStep(actor, change(schema.parse(Object.fromEntries(formData))));
    return message(out.step);
  });
  if (result.ok && out.step) revalidatePath(`/runs/${out.step.runId}`);
  return result;
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

function revalidateRun(runId: string, incidentKey: string | null) {
  revalidatePath("/runs");
  revalidatePath(`/runs/${runId}`);
  if (incidentKey) revalidatePath(`/incidents/${incidentKey}`);
}

export async function completeRunAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const out: { run?: RunSummaryDto } = {};
  const result = await settle("completeRun", async () => {
    out.run = await completeRun(actor, CompleteRunInput.parse(Object.fromEntries(formData)));
    return "Run completed and recorded on the incident's timeline.";
  });
  if (result.ok && out.run) revalidateRun(out.run.id, out.run.incident?.key ?? null);
  return result;
}

export async function abandonRunAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const out: { run?: RunSummaryDto } = {};
  const result = await settle("abandonRun", async () => {
    out.run = await abandonRun(actor, AbandonRunInput.parse(Object.fromEntries(formData)));
    return "Run abandoned; the reason is on the incident's timeline.";
  });
  if (result.ok && out.run) revalidateRun(out.run.id, out.run.incident?.key ?? null);
  return result;
}
