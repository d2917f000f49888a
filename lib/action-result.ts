import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { ExpectedError } from "@/lib/dal/errors";
import { log } from "@/lib/log";

import type { ActionResult } from "@/lib/form-state";

export type { ActionResult, ActionState } from "@/lib/form-state";

/**
 * Turns an error thrown by validation or the DAL into a result. Expected errors carry their own
 * message; anything else is logged with a reference and never shown verbatim.
 */
export function toActionError(error: unknown, context: string): Extract<ActionResult, { ok: false }> {
  if (error instanceof z.ZodError) {
    const flat = z.flattenError(error);
    return {
      ok: false,
      message: flat.formErrors[0] ?? "Please correct the highlighted fields.",
      fieldErrors: flat.fieldErrors as Record<string, string[]>,
    };
  }
  if (error instanceof ExpectedError) {
    return { ok: false, message: error.message, fieldErrors: error.fieldErrors, ...(error.time ? { time: error.time } : {}) };
  }
  const ref = randomUUID().slice(0, 8);
  log.error({ err: error, ref, context }, "unexpected error in action");
  return { ok: false, message: `Something went wrong (ref ${ref}). Please try again.` };
}

/**
 * Runs an action's work and turns the outcome into the result shape: the work returns the
 * success message; thrown errors become `toActionError` results. Revalidate after this returns
 * (and only on success), outside any try/catch.
 */
export async function settle(context: string, work: () => Promise<string>): Promise<ActionResult> {
  try {
    return { ok: true, message: await work() };
  } catch (error) {
    return toActionError(error, context);
  }
}
