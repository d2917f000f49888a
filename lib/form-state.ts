/**
 * A time a message names, as the message says it (`text`, in UTC: the server does not know the
 * viewer's zone) and as an instant, so a form can show it in the viewer's own zone instead.
 */
export type MessageTime = { iso: string; text: string };

/** The one result shape of every server action (used with useActionState on the client). */
export type ActionResult<T extends object = object> =
  ({ ok: true; message?: string } & T) | { ok: false; message: string; fieldErrors?: Record<string, string[]>; time?: MessageTime };

export type ActionState = ActionResult | null;

/** What a form component receives: a server action taking the previous state and the form. */
export type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

/** The per-field messages of a failed submission (none after a success). */
export function fieldErrorsOf(state: ActionState): Record<string, string[] | undefined> {
  return state && !state.ok ? (state.fieldErrors ?? {}) : {};
}
