/** The one result shape of every server action (used with useActionState on the client). */
export type ActionResult<T extends object = object> =
  | ({ ok: true; message?: string } & T)
  | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

export type ActionState = ActionResult | null;

/** What a form component receives: a server action taking the previous state and the form. */
export type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

/** The per-field messages of a failed submission (none after a success). */
export function fieldErrorsOf(state: ActionState): Record<string, string[] | undefined> {
  return state && !state.ok ? (state.fieldErrors ?? {}) : {};
}
