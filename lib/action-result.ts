import "server-only";
import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
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

/** A path whose cached render a change made stale; `layout` also refreshes every page below it. */
export type Revalidation = string | { path: string; type: "layout" | "page" };

/** What an action's work returns on success (decision 018). */
export type ActionDone<T extends object = object> = {
  /** Said to the user. */
  message?: string;
  /** What the form needs back besides the message (an issued token, a preview); merged into the result. */
  data?: T;
  /** The paths this change made stale, revalidated only on success. */
  revalidate?: readonly Revalidation[];
  /** Where to go next; followed after revalidating (redirect() throws, so never inside the try). */
  redirect?: string;
};

/** A refusal the work reaches without an error (a verification that found a break): changes nothing. */
export type ActionRefusal = Extract<ActionResult, { ok: false }>;

/**
 * The one shape of every server action's body: runs the work, turns a thrown error into a failed
 * result (`toActionError`: zod and expected errors keep their message, anything else is logged with
 * a reference) or passes on a refusal it returned, and on success revalidates what the work named, then redirects or returns the
 * message with the data.
 */
export async function runAction<T extends object = object>(
  context: string,
  work: () => Promise<ActionDone<T> | ActionRefusal>,
): Promise<ActionResult<T>> {
  let done: ActionDone<T> | ActionRefusal;
  try {
    done = await work();
  } catch (error) {
    return toActionError(error, context);
  }
  if ("ok" in done) return done;
  for (const r of done.revalidate ?? []) {
    if (typeof r === "string") revalidatePath(r);
    else revalidatePath(r.path, r.type);
  }
  if (done.redirect) redirect(done.redirect);
  return { ...(done.data as T), ok: true, ...(done.message === undefined ? {} : { message: done.message }) };
}
